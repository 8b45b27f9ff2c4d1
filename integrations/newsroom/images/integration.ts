import type { AstroIntegration } from 'astro';

/**
 * Images: heroes as responsive AVIF/WebP pictures on pages, JPEG crops for JSON-LD and link previews
 * (`hero-images.ts`), and images inside Markdown and MDX bodies given `srcset` and `sizes`, which astro:assets does
 * only with a layout: `constrained` unless the site chose one.
 */
export function imagesIntegration(): AstroIntegration {
	return {
		name: '@newsroom/astro/images',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				if (!config.image.layout) updateConfig({ image: { layout: 'constrained' } });
			},
		},
	};
}
