import { existsSync, statSync, writeFileSync } from 'node:fs';
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isGit, staleFiles } from './stale-files.ts';

/** Written into outDir when the build starts: its change time is the build's start on that file system's clock. */
const START_MARKER = '.newsroom-build-start';

/**
 * Incremental builds without emptying the build folder. Astro empties `outDir` before every build and then copies
 * each reused page back from its cache: at 10 000 articles that is 12 000 deletions and 12 000 copies of pages
 * that did not change. With `emptyOutDir: false`, Astro leaves a reused page where it is; this integration then
 * deletes, once the build is done, every file no longer produced (a withdrawn article, a page past the last page
 * of a listing, a previous build's assets), so the folder is exactly what a build from scratch would write.
 * Added after @astrojs/sitemap, so the files it writes count as this build's; `writtenAfter` names the files
 * integrations after it write (they would look stale when it runs). A site that sets
 * `vite.build.emptyOutDir: true` keeps Astro's emptying, and this does nothing.
 */
export function newsroomOutput({ writtenAfter = [] }: { writtenAfter?: readonly string[] } = {}): AstroIntegration {
	let startMs = 0;
	let enabled = false;
	let outDir: URL | undefined;
	let publicDir: URL | undefined;
	return {
		name: '@newsroom/astro/output',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				enabled = config.experimental.incrementalBuild === true && config.vite.build?.emptyOutDir !== true;
				if (enabled) updateConfig({ vite: { build: { emptyOutDir: false } } });
			},
			'astro:config:done': ({ config }) => {
				outDir = config.outDir;
				publicDir = config.publicDir;
			},
			'astro:build:start': () => {
				if (!enabled || !outDir) return;
				// In outDir itself, so the start time and the files compared with it come from one file system.
				const marker = fileURLToPath(new URL(START_MARKER, outDir));
				if (!existsSync(fileURLToPath(outDir))) return;
				writeFileSync(marker, String(Date.now()));
				startMs = statSync(marker).ctimeMs;
			},
			'astro:build:done': async ({ dir, assets, logger }) => {
				if (!enabled) return;
				const root = fileURLToPath(dir);
				await rm(join(root, START_MARKER), { force: true });
				// A first build into a missing outDir has nothing left over.
				if (startMs === 0) return;
				const produced = new Set([...assets.values()].flat().map((url) => toPosix(relative(root, fileURLToPath(url)))));
				for (const path of [...(await filesBelow(publicDir)), ...writtenAfter]) produced.add(path);
				// Pages, endpoints and public files of this build are kept whatever their age: only the others get a stat.
				const others = (await filesBelow(dir)).filter((path) => !produced.has(path) && !isGit(path));
				const files = await Promise.all(
					others.map(async (path) => ({ path, changedMs: (await stat(join(root, path))).ctimeMs })),
				);
				const stale = staleFiles(files, produced, startMs);
				for (const path of stale) await rm(join(root, path), { force: true });
				await removeEmptyFolders(root, stale);
				if (stale.length > 0) logger.info(`removed ${stale.length} file(s) no longer produced from ${root}`);
			},
		},
	};
}

/** Every file below a folder, as POSIX paths relative to it (none when it does not exist). */
async function filesBelow(folder: URL | undefined): Promise<string[]> {
	if (!folder || !existsSync(folder)) return [];
	const root = fileURLToPath(folder);
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => toPosix(relative(root, join(entry.parentPath, entry.name))));
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
