/** A file in the build folder: its path relative to it, and when it was last written. */
export interface OutputFile {
	path: string;
	mtimeMs: number;
}

/**
 * The files a build left over from earlier builds, to delete: neither written by this build (older than its
 * start) nor a page or endpoint it produced (Astro leaves a reused page's file untouched). `.git` is never
 * touched (Astro keeps it when it empties the folder, too).
 */
export function staleFiles(
	files: readonly OutputFile[],
	produced: ReadonlySet<string>,
	buildStartMs: number,
): string[] {
	return files
		.filter((file) => file.mtimeMs < buildStartMs && !produced.has(file.path))
		.filter((file) => file.path !== '.git' && !file.path.startsWith('.git/'))
		.map((file) => file.path);
}
