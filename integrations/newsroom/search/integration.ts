import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { indexSite } from './index-site.ts';

/**
 * Search: after the build, the Pagefind index of the article pages (`indexSite`, a step over the finished output
 * folder that a sharded build can run once on the merged output). The `/search/` page is the site's; its script
 * is `Search.astro`'s.
 */
export function searchIntegration(): AstroIntegration {
	return {
		name: '@newsroom/astro/search',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				let result;
				try {
					result = await indexSite(fileURLToPath(dir));
				} catch (error) {
					throw new AstroError(`The search index could not be built: ${(error as Error).message}`, 'Set `search: false` to build without search.');
				}
				logger.info(`search index: ${result.pages} articles, ${result.files} files, ${(result.bytes / 1024).toFixed(0)} KiB in ${result.ms} ms`);
			},
		},
	};
}
