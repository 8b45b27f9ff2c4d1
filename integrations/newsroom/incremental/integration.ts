import { existsSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { defaultExport, injectRoutes, type VirtualModules } from '../core/wiring.ts';
import { pruneOutput, toPosix } from './output.ts';
import type { PageFacts } from './page-facts.ts';
import { recordedListOptions, refreshRecentPosts, VARIANTS_ROUTE } from './recent-posts.ts';

/** Written into outDir when the build starts: its change time is the build's start on that file system's clock. */
const START_MARKER = '.newsroom-build-start';

/**
 * Everything newsroom does only for Astro's incremental builds (`experimental.incrementalBuild`), and nothing
 * otherwise. Pages are reused when their cache key (their own articles, the navigation, the authors, the year;
 * see `loadContentSet().cacheKey`) and their code are unchanged. Two things then need care, both here:
 * - Recent Posts, which every page shows and every new article changes, is left out of the cache keys; reused
 *   pages get the current list spliced in after the build (`recent-posts.ts`, the variants route).
 * - The build folder is kept instead of emptied (Astro would delete and copy back every reused page), and the
 *   files no longer produced are deleted after the build (`output.ts`), unless the site set
 *   `vite.build.emptyOutDir: true`. `writtenLater` names files integrations after this one write.
 * Every incremental build's output equals a build from scratch (tests/build/incremental.test.ts). In a split build
 * (`merged`: the build that merges the parts of `newsroom build`), pages come from several workers' caches.
 */
export function incrementalBuilds(
	modules: VirtualModules,
	{
		writtenLater = [],
		merged = false,
		pageFacts,
	}: {
		/** Files (or folders, ending in `/`) integrations after this one write: never pruned. */
		writtenLater?: readonly string[];
		merged?: boolean;
		/** Kept in the cache folder between incremental builds (`page-facts.ts`). */
		pageFacts?: PageFacts;
	} = {},
): AstroIntegration {
	let enabled = false;
	let keepOutDir = false;
	// Whether an earlier incremental build rendered Recent Posts lists that pages reused now may still show.
	let reusable = false;
	let record = '';
	let startMs = 0;
	let outDir: URL | undefined;
	let publicDir: URL | undefined;
	return {
		name: '@newsroom/astro/incremental',
		hooks: {
			'astro:config:setup': ({ config, updateConfig, injectRoute }) => {
				enabled = config.experimental.incrementalBuild === true;
				record = enabled ? fileURLToPath(new URL('newsroom/recent-posts.json', config.cacheDir)) : '';
				// Where <RecentPosts> records its options (none without incremental builds).
				modules.set('incremental', defaultExport({ listRecord: record || null }));
				pageFacts?.keepIn(enabled ? fileURLToPath(new URL('newsroom/page-facts.json', config.cacheDir)) : undefined);
				if (!enabled) return;
				// Reused pages are possible once an incremental build has run (its manifest) or rendered a list.
				reusable =
					existsSync(new URL('incremental-build.json', config.cacheDir)) || recordedListOptions(record).size > 0;
				injectRoutes(injectRoute, import.meta.url, { [VARIANTS_ROUTE]: './routes/recent-posts-variants.astro' });
				keepOutDir = config.vite.build?.emptyOutDir !== true;
				if (keepOutDir) updateConfig({ vite: { build: { emptyOutDir: false } } });
			},
			'astro:config:done': ({ config }) => {
				outDir = config.outDir;
				publicDir = config.publicDir;
			},
			'astro:build:start': () => {
				if (!keepOutDir || !outDir || !existsSync(outDir)) return;
				// In outDir itself, so the start time and the files compared with it come from one file system.
				const marker = fileURLToPath(new URL(START_MARKER, outDir));
				writeFileSync(marker, String(Date.now()));
				startMs = statSync(marker).ctimeMs;
			},
			'astro:build:done': async ({ dir, assets, logger }) => {
				if (!enabled) return;
				// A merged split build holds pages other workers reused, from their own caches: every page is checked.
				await refreshRecentPosts({
					dir,
					assets,
					reusable: reusable || merged,
					record: merged ? undefined : record,
					logger,
				});
				if (!keepOutDir) return;
				const root = fileURLToPath(dir);
				await rm(join(root, START_MARKER), { force: true });
				// A first build into a missing outDir has nothing left over.
				if (startMs === 0) return;
				const produced = new Set([
					...[...assets.values()].flat().map((url) => toPosix(relative(root, fileURLToPath(url)))),
					...writtenLater,
				]);
				const stale = await pruneOutput({ root, produced, publicDir, startMs });
				if (stale.length > 0) logger.info(`removed ${stale.length} file(s) no longer produced from ${root}`);
			},
		},
	};
}
