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
export function isGit(path: string): boolean {
	return path === '.git' || path.startsWith('.git/');
}
