import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import { invalidOptions } from '../core/errors.ts';
import type { VirtualModules } from '../core/wiring.ts';
import type { NewsroomOptions } from '../options.ts';

/**
 * The content model's wiring: MDX for articles (unless the site added it), and `virtual:newsroom/mdx-components`,
 * the `mdxComponents` option's map of components MDX articles may use by name (an empty map without it), which
 * article pages and feeds both render with. The collections themselves are declared by the site
 * (`defineNewsroomCollections()` in `src/content.config.ts`).
 */
export function contentIntegration(options: NewsroomOptions, modules: VirtualModules): AstroIntegration {
	return {
		name: '@newsroom/astro/content',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				const file = options.mdxComponents && resolveModule(options.mdxComponents, config.root);
				modules.set(
					'mdx-components',
					file ? `export { default } from ${JSON.stringify(file)};` : 'export default {};',
				);
				if (!config.integrations.some((integration) => integration.name === '@astrojs/mdx')) {
					updateConfig({ integrations: [mdx()] });
				}
			},
		},
	};
}

function resolveModule(path: string, root: URL): string {
	const file = fileURLToPath(new URL(path, root));
	if (!existsSync(file)) {
		throw invalidOptions(
			`**mdxComponents**: "${path}" is not a file (looked for ${file})`,
			'Give the path of a module from the project root, e.g. mdxComponents: "./src/components/mdx-components.ts".',
		);
	}
	return file;
}
