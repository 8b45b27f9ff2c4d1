import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';

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
 * module; a bare Astro site pays it too. The same text as literals of about `LITERAL_PART` characters joined when
 * the module runs is compiled in linear time.
 */
export const LITERAL_PART = 2 ** 18;

/** The forms of Astro's store modules: the code around the one literal. */
const STORE_MODULES = [
	{ before: 'export default JSON.parse(', after: ')' },
	{ before: 'export default ', after: '' },
];

/**
 * `code` with its one long string literal written as parts joined when the module runs (the module's value is the
 * same); `undefined` when `code` is not one of Astro's store modules or its literal is short. Parts end before a
 * comma, which no escape sequence contains, so no escape is cut.
 */
export function splitStoreLiteral(code: string, part = LITERAL_PART): string | undefined {
	const form = STORE_MODULES.find(
		({ before, after }) => code.startsWith(`${before}"`) && code.endsWith(`"${after}`),
	);
	if (!form) return undefined;
	const text = code.slice(form.before.length + 1, code.length - form.after.length - 1);
	if (text.length <= part || !isOneLiteral(text)) return undefined;
	const parts: string[] = [];
	for (let start = 0; start < text.length; ) {
		const comma = text.indexOf(',', start + part);
		const end = comma === -1 ? text.length : comma;
		parts.push(`"${text.slice(start, end)}"`);
		start = end;
	}
	return `${form.before}[${parts.join(',\n')}].join("")${form.after}`;
}

/** Whether the inside of a double-quoted literal has no unescaped quote (so it is one literal, not several). */
function isOneLiteral(text: string): boolean {
	// The closing quote counts too: a final backslash would escape it.
	const escaped = (at: number) => {
		let backslashes = 0;
		while (text.charCodeAt(at - 1 - backslashes) === 92) backslashes++;
		return backslashes % 2 === 1;
	};
	for (let quote = text.indexOf('"'); quote !== -1; quote = text.indexOf('"', quote + 1)) {
		if (!escaped(quote)) return false;
	}
	return !escaped(text.length);
}

/** The Vite plugin that writes Astro's store modules with split literals (`splitStoreLiteral`). */
export function storeLiteralsPlugin(): Plugin {
	return {
		name: 'newsroom:content-store-literals',
		transform: {
			filter: { id: /^\0astro:data-layer-content(?:-chunk:|$)/ },
			handler(code) {
				const split = splitStoreLiteral(code);
				return split === undefined ? null : { code: split, map: { mappings: '' } };
			},
		},
	};
}
