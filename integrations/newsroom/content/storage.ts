import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * How Astro keeps the content store between builds, chosen by the archive's size. Astro writes every collection as
 * one JSON string (`data-store.json`) and bundles it as one string literal; a V8 string holds at most 2^29 − 24
 * characters, so an archive past about 60 000 articles fails at the end of content sync with "Invalid string
 * length" (withastro/astro#12888). Astro's `experimental.collectionStorage: 'chunked'` (7.1+) writes the store in
 * parts instead; it is slower to write (measured in BENCHMARKS.md), so newsroom turns it on only when the store
 * would not fit in one string.
 */

/** The longest string V8 can make (2^29 − 24 characters on 64-bit builds). */
export const LONGEST_STRING = 2 ** 29 - 24;
export type CollectionStorage = 'single-file' | 'chunked';

/** The article files of an archive: how many, and their bytes. */
export interface ArchiveSize {
	files: number;
	bytes: number;
}

/**
 * The characters of content store an archive makes while it syncs, a little over: until the articles loader has
 * replaced each Markdown body by its prose facts (loaders.ts), the store holds the body and its rendered HTML (1.95
 * characters per source byte on the benchmark's articles), and Astro may write the store to disk meanwhile; each
 * entry adds its parsed frontmatter, digest and paths (about 800 characters); bundling escapes it (2 % more).
 * Measured on the benchmark's 10 000 articles: 88 010 348 characters with the bodies, escaped (62 661 860 once
 * they are replaced).
 */
export function storeCharacters({ files, bytes }: ArchiveSize): number {
	return (2 * bytes + 900 * files) * 1.02;
}

/** The storage an archive needs: chunked once its store might not fit in one string (with a 10 % margin). */
export function storageFor(archive: ArchiveSize): CollectionStorage {
	return storeCharacters(archive) > 0.9 * LONGEST_STRING ? 'chunked' : 'single-file';
}

/** The Markdown and MDX files below `folder` (live entries included); none when it does not exist. */
export async function archiveSize(folder: string): Promise<ArchiveSize> {
	let files;
	try {
		files = await readdir(folder, { recursive: true, withFileTypes: true });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { files: 0, bytes: 0 };
		throw error;
	}
	const sizes = await Promise.all(
		files
			.filter((file) => file.isFile() && /\.mdx?$/i.test(file.name))
			.map(async (file) => (await stat(join(file.parentPath, file.name))).size),
	);
	return { files: sizes.length, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}
