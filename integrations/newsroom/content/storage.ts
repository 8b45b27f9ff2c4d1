import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroConfig } from 'astro';
import type { Plugin } from 'vite';
import { CONTENT_DATA_META } from '../core/wiring.ts';

/**
 * How Astro keeps the content store between builds, and how it is bundled. The storage is chosen by the archive's size. Astro writes every collection as
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

/**
 * How Astro bundles the store: the one file as `export default JSON.parse("<the whole store>")`, each part of the
 * chunked store as `export default "<up to 20 MB>"`, each one string literal. V8's scanner copies a literal into a
 * buffer that, past its first megabyte, grows by one megabyte at a time, each time into fresh memory: a literal of
 * n characters costs O(n²) copying and page faults. Measured with `perf` on a 50 000-article rebuild (a 307 MB
 * store): 111 s of its 183 s, most of it system time, in `LiteralBuffer::AddTwoByteChar` while Node compiled that
 * module; a bare Astro site pays it too. The same text as literals of `LITERAL_PART` characters joined when the
 * module runs is compiled in linear time.
 */
export const LITERAL_PART = 2 ** 18;

/**
 * `text` as an expression: string literals of at most `part` characters, joined when it runs. A cut may fall inside a
 * surrogate pair: each half is then written as an escape (`JSON.stringify`) and joining makes the pair again.
 */
export function joinedLiterals(text: string, part = LITERAL_PART): string {
	const pieces = ['['];
	for (let start = 0; start < text.length; start += part) {
		pieces.push(`${start ? ',\n' : ''}${JSON.stringify(text.slice(start, start + part))}`);
	}
	pieces.push('].join("")');
	return pieces.join('');
}

const CHUNK_MODULE = 'export default ';

/** A part of the chunked store as Astro writes it (`export default "…"`) with its text as joined literals. */
export function chunkModule(code: string, part = LITERAL_PART): string | undefined {
	if (!code.startsWith(`${CHUNK_MODULE}"`)) return undefined;
	let text: unknown;
	try {
		// The whole rest must be one JSON string: no other code is rewritten.
		text = JSON.parse(code.slice(CHUNK_MODULE.length));
	} catch {
		return undefined;
	}
	return typeof text === 'string' ? `${CHUNK_MODULE}${joinedLiterals(text, part)}` : undefined;
}

/** Astro's one-file store of a site (`undefined` when its config keeps the store in parts). */
export function oneFileStoreOf(config: AstroConfig): URL | undefined {
	const storage = config.experimental.collectionStorage;
	return storage === undefined || storage === 'single-file' ? new URL('data-store.json', config.cacheDir) : undefined;
}

/**
 * The Vite plugin that bundles Astro's store modules with short literals, for builds. The one-file store is made
 * here from Astro's file (`oneFileStore()`, known once Astro's config is done), before Astro's own load, which
 * would write it as one literal; leaving that load to Astro and rewriting its code afterwards would hold the whole
 * store as text twice more while bundling (measured: +470 MB of peak RSS at 10 000 articles). Each part of the
 * chunked store (20 MB) is rewritten as Astro made it. Whatever is not as expected (no file, a file that is not
 * JSON) is left to Astro, which says what is wrong.
 */
export function storeLiteralsPlugin(oneFileStore: () => URL | undefined): Plugin {
	return {
		name: 'newsroom:content-store-literals',
		apply: 'build',
		load: {
			order: 'pre',
			filter: { id: /^\0astro:data-layer-content$/ },
			async handler() {
				const file = oneFileStore();
				if (!file) return null;
				let json: string;
				try {
					json = await readFile(file, 'utf8');
					JSON.parse(json);
				} catch {
					return null;
				}
				return {
					code: `export default JSON.parse(${joinedLiterals(json)})`,
					map: { mappings: '' },
					// As Astro marks it: content data, left out of the pages' dependency hashes.
					meta: CONTENT_DATA_META,
				};
			},
		},
		transform: {
			filter: { id: /^\0astro:data-layer-content-chunk:/ },
			handler(code) {
				const rewritten = chunkModule(code);
				return rewritten === undefined ? null : { code: rewritten, map: { mappings: '' } };
			},
		},
	};
}
