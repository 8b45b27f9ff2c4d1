import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import { invalidOptions } from '../core/errors.ts';
import type { VirtualModules } from '../core/wiring.ts';
import type { NewsroomOptions } from '../options.ts';
import { archiveSize, storageFor } from './storage.ts';

/**
 * The content model's wiring: MDX for articles (unless the site added it), and `virtual:newsroom/mdx-components`,
 * the `mdxComponents` option's map of components MDX articles may use by name (an empty map without it), which
 * article pages and feeds both render with. The collections themselves are declared by the site
 * (`defineNewsroomCollections()` in `src/content.config.ts`). An archive too large for Astro's one-file content store
 * gets the chunked one (`storage.ts`; its Vite plugin, added by `index.ts` beside the virtual modules', bundles the
 * store's modules with their long string literals split, which Node compiles in linear time rather than quadratic).
 */
export function contentIntegration(options: NewsroomOptions, modules: VirtualModules): AstroIntegration {
	return {
		name: '@newsroom/astro/content',
		hooks: {
			'astro:config:setup': async ({ config, updateConfig, logger }) => {
				const file = options.mdxComponents && resolveModule(options.mdxComponents, config.root);
				modules.set(
					'mdx-components',
					file ? `export { default } from ${JSON.stringify(file)};` : 'export default {};',
				);
				if (!config.integrations.some((integration) => integration.name === '@astrojs/mdx')) {
					updateConfig({ integrations: [mdx()] });
				}
				const articles = resolve(fileURLToPath(config.root), options.contentDir, 'articles');
				const archive = await archiveSize(articles);
				if (config.experimental.collectionStorage === 'single-file' && storageFor(archive) === 'chunked') {
					logger.info(
						`${archive.files} article files, ${Math.round(archive.bytes / 1e6)} MB: the content store is kept in parts (experimental.collectionStorage: 'chunked'), as one file it would exceed the longest string Node can hold`,
					);
					updateConfig({ experimental: { collectionStorage: 'chunked' } });
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
