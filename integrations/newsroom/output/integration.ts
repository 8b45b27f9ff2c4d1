import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { staleFiles } from './stale-files.ts';

/**
 * Incremental builds without emptying the build folder. Astro empties `outDir` before every build and then copies
 * each reused page back from its cache: at 10 000 articles that is 12 000 deletions and 12 000 copies of pages
 * that did not change. With `emptyOutDir: false`, Astro leaves a reused page where it is; this integration then
 * deletes, once the build is done, every file no longer produced (a withdrawn article, a page past the last page
 * of a listing, a previous build's assets), so the folder is exactly what a build from scratch would write.
 * Added after @astrojs/sitemap, so the files it writes count as this build's.
 */
export function newsroomOutput(): AstroIntegration {
	let startMs = 0;
	let enabled = false;
	let marker = '';
	return {
		name: '@newsroom/astro/output',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				enabled = config.experimental.incrementalBuild === true && config.vite.build?.emptyOutDir !== true;
				if (enabled) updateConfig({ vite: { build: { emptyOutDir: false } } });
				marker = fileURLToPath(new URL('newsroom/build-start', config.cacheDir));
			},
			'astro:build:start': () => {
				if (!enabled) return;
				// The file system's clock, not Date.now(): file times may lag the wall clock by a tick.
				mkdirSync(join(marker, '..'), { recursive: true });
				writeFileSync(marker, '');
				startMs = statSync(marker).mtimeMs;
			},
			'astro:build:done': async ({ dir, assets, logger }) => {
				if (!enabled) return;
				const root = fileURLToPath(dir);
				const produced = new Set([...assets.values()].flat().map((url) => toPosix(relative(root, fileURLToPath(url)))));
				const entries = await readdir(root, { recursive: true, withFileTypes: true });
				// Pages and endpoints of this build are kept whatever their age: only the other files need a stat.
				const others = entries
					.filter((entry) => entry.isFile())
					.map((entry) => toPosix(relative(root, join(entry.parentPath, entry.name))))
					.filter((path) => !produced.has(path));
				const files = await Promise.all(
					others.map(async (path) => ({ path, mtimeMs: (await stat(join(root, path))).mtimeMs })),
				);
				const stale = staleFiles(files, produced, startMs);
				for (const path of stale) await rm(join(root, path), { force: true });
				await removeEmptyFolders(root, stale);
				if (stale.length > 0) logger.info(`removed ${stale.length} file(s) earlier builds left in ${root}`);
			},
		},
	};
}

function toPosix(path: string): string {
	return sep === '/' ? path : path.split(sep).join('/');
}

/** Removes the folders of deleted files that are now empty, and their emptied parents; `root` itself stays. */
async function removeEmptyFolders(root: string, deleted: readonly string[]): Promise<void> {
	const folders = new Set<string>();
	for (const path of deleted) {
		for (let folder = dirname(path); folder !== '.' && folder !== ''; folder = dirname(folder)) folders.add(folder);
	}
	// Deepest first, so a parent is tried after its children.
	for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
		await rmdir(join(root, folder)).catch(() => undefined);
	}
}
