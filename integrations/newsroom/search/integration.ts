import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { builtFiles } from '../core/wiring.ts';
import type { PageFacts } from '../incremental/page-facts.ts';
import { searchFacts, startIndexing, type SiteIndexing } from './index-site.ts';

/**
 * Search: the Pagefind index of the article pages, in two steps around the build's other site-wide work. `start`
 * (the first `astro:build:done` hook) hands this build's article pages to Pagefind, whose own process indexes them
 * on another core while the other hooks run; `finish` (after the pruning) writes the index into the output. A
 * sharded build runs both once, over the merged output. The `/search/` page is the site's; its script is
 * `Search.astro`'s.
 */
export function searchIntegrations(
	/** Where built pages are read: once per build, and not at all when Astro reused them unchanged. */
	pageFacts: PageFacts,
): { start: AstroIntegration; finish: AstroIntegration } {
	const factsOf = pageFacts.reader('search', new URL('./index-site.ts', import.meta.url).href, searchFacts);
	let cache: string;
	let indexing: SiteIndexing | undefined;
	const fail = (error: unknown) =>
		new AstroError(`The search index could not be built: ${(error as Error).message}`, 'Set `search: false` to build without search.');
	return {
		start: {
			name: '@newsroom/astro/search-start',
			hooks: {
				'astro:config:done': ({ config }) => {
					cache = join(fileURLToPath(config.cacheDir), 'newsroom', 'search');
				},
				'astro:build:done': ({ dir, assets }) => {
					const dist = fileURLToPath(dir);
					const pages = builtFiles(assets).map((file) => fileURLToPath(file).slice(dist.length));
					indexing = startIndexing(dist, pages, cache, async (paths) => {
						const files = paths.map((path) => pathToFileURL(join(dist, path)));
						await pageFacts.prefetch(files);
						return Promise.all(files.map(factsOf));
					});
				},
			},
		},
		finish: {
			name: '@newsroom/astro/search',
			hooks: {
				'astro:build:done': async ({ logger }) => {
					if (!indexing) throw fail(new Error('the index was never started'));
					let result;
					try {
						result = await indexing.write();
					} catch (error) {
						throw fail(error);
					} finally {
						indexing = undefined;
					}
					const years = (names: string[]) => (names.length > 0 ? names.join(', ') : 'none');
					logger.info(
						`search index: ${result.pages} articles, ${result.files} files, ${(result.bytes / 1024).toFixed(0)} KiB in ${result.ms} ms (indexed: ${years(result.indexed)}; unchanged, reused: ${years(result.reused)}), the build waited ${result.waitedMs} ms for it`,
					);
				},
			},
		},
	};
}
