import { existsSync } from 'node:fs';
import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The build folder without emptying it. Astro empties `outDir` before every build and then copies each reused page
 * back from its cache: at 10 000 articles that is 12 000 deletions and 12 000 copies of pages that did not change.
 * With `emptyOutDir: false` Astro leaves a reused page where it is, and the files no longer produced (a withdrawn
 * article, a page past the last page of a listing, a previous build's assets) are deleted after the build, so the
 * folder is exactly what a build from scratch would write.
 */

/**
 * A file in the build folder: its path relative to it, and when its inode last changed (`ctime`: a copy gets a
 * new one, whereas macOS and Windows copy the source's `mtime` along with the file).
 */
export interface OutputFile {
	path: string;
	changedMs: number;
}

/**
 * The files a build left over from earlier builds, to delete: neither written by this build (changed before its
 * start) nor a page, endpoint or public file it produced (Astro leaves a reused page's file untouched). `.git` is
 * never touched (Astro keeps it when it empties the folder, too).
 */
export function staleFiles(
	files: readonly OutputFile[],
	produced: ReadonlySet<string>,
	buildStartMs: number,
): string[] {
	return files
		.filter((file) => file.changedMs < buildStartMs && !produced.has(file.path) && !isGit(file.path))
		.map((file) => file.path);
}

/** Whether a path is `.git` or inside it. */
function isGit(path: string): boolean {
	return path === '.git' || path.startsWith('.git/');
}

/**
 * Deletes from `root` the files an earlier build left that this one (started at `startMs`) did not produce:
 * `produced` holds the pages and endpoints of this build (relative POSIX paths); public files count as produced.
 * Returns the deleted paths.
 */
export async function pruneOutput({
	root,
	produced,
	publicDir,
	startMs,
}: {
	root: string;
	/** Files, and folders (ending in `/`, e.g. `pagefind/`) that a later step keeps up to date itself. */
	produced: Set<string>;
	publicDir: URL | undefined;
	startMs: number;
}): Promise<string[]> {
	for (const path of await filesBelow(publicDir)) produced.add(path);
	const kept = [...produced].filter((path) => path.endsWith('/'));
	// Pages, endpoints and public files of this build are kept whatever their age: only the others get a stat.
	const others = (await filesBelow(root)).filter(
		(path) => !produced.has(path) && !isGit(path) && !kept.some((folder) => path.startsWith(folder)),
	);
	const files = await Promise.all(
		others.map(async (path) => ({ path, changedMs: (await stat(join(root, path))).ctimeMs })),
	);
	const stale = staleFiles(files, produced, startMs);
	for (const path of stale) await rm(join(root, path), { force: true });
	await removeEmptyFolders(root, stale);
	return stale;
}

/** Every file below a folder, as POSIX paths relative to it (none when it does not exist). */
export async function filesBelow(folder: URL | string | undefined): Promise<string[]> {
	if (!folder || !existsSync(folder)) return [];
	const root = typeof folder === 'string' ? folder : fileURLToPath(folder);
	const entries = await readdir(root, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => toPosix(relative(root, join(entry.parentPath, entry.name))));
}

/** A relative path with "/" separators, whatever the platform. */
export function toPosix(path: string): string {
	return sep === '/' ? path : path.split(sep).join('/');
}

/** Removes the folders of deleted files that are now empty, and their emptied parents; `root` itself stays. */
export async function removeEmptyFolders(root: string, deleted: readonly string[]): Promise<void> {
	const folders = new Set<string>();
	for (const path of deleted) {
		for (let folder = dirname(path); folder !== '.' && folder !== ''; folder = dirname(folder)) folders.add(folder);
	}
	// Deepest first, so a parent is tried after its children.
	for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
		await rmdir(join(root, folder)).catch(() => undefined);
	}
}
