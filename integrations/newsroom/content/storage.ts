import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroConfig } from 'astro';
import type { Plugin } from 'vite';
import { CONTENT_DATA_META } from '../core/wiring.ts';

/**
 * How Astro keeps the content store between builds, and how prerendered pages read it. The storage is chosen by the
 * archive's size. Astro writes every collection as one JSON string (`data-store.json`); a V8 string holds at most
 * 2^29 − 24 characters, so an archive past about 60 000 articles fails at the end of content sync with "Invalid
 * string length" (withastro/astro#12888). Astro's `experimental.collectionStorage: 'chunked'` (7.1+) writes the store in
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
 * Where Astro keeps a site's store between builds: the one file (`data-store.json`), or the folder of the chunked
 * store's parts (`data-store/`, with its manifest).
 */
export interface StoreFiles {
	oneFile?: URL;
	partsFolder?: URL;
}

/**
 * The store's files for prerendered pages to read, or `undefined` when the site has an adapter: an adapter's
 * prerenderer may render pages outside Node, where no file can be read (Cloudflare's runs them in workerd), and
 * Astro would then give pages an empty store without a word. Such sites keep Astro's bundled store.
 */
export function storeFilesOf(config: AstroConfig): StoreFiles | undefined {
	if (config.adapter) return undefined;
	const storage = config.experimental.collectionStorage;
	return storage === undefined || storage === 'single-file'
		? { oneFile: new URL('data-store.json', config.cacheDir) }
		: { partsFolder: new URL('data-store/', config.cacheDir) };
}

/**
 * A module that reads `file` when it runs: its text, or the JSON value it holds. `version` names the file's state
 * when it was bundled (`fileVersion`), in the file URL's query, which Node's `fs` leaves out of the path: the
 * module's code, hence its chunk's name, changes with the file, so a process that builds twice (tests, Astro's
 * API) does not reuse the module it imported in its first build. (An export of its own would not do: the bundler
 * drops exports nobody reads.)
 */
export function fileModule(file: URL, { json, version }: { json: boolean; version: string }): string {
	const versioned = new URL(file);
	versioned.search = `version=${version}`;
	const read = `readFileSync(new URL(${JSON.stringify(versioned.href)}), 'utf8')`;
	return `import { readFileSync } from 'node:fs';\nexport default ${json ? `JSON.parse(${read})` : read};\n`;
}

/** A file's state: size, modification time and inode (Astro replaces its store files whole), or `undefined`. */
export async function fileVersion(file: URL): Promise<string | undefined> {
	const status = await stat(file, { bigint: true }).catch(() => undefined);
	return status?.isFile() ? `${status.size}:${status.mtimeNs}:${status.ino}` : undefined;
}

/** A part of the chunked store, as Astro names its module (`<16 hex digits>.txt`). */
const STORE_PART = /^\0astro:data-layer-content-chunk:([a-f0-9]{16}\.txt)\.mjs$/;

/**
 * The Vite plugin by which prerendered pages read Astro's content store from its file instead of from the bundle.
 * Astro bundles the store as one string literal (`export default JSON.parse("…")`, and each part of the chunked
 * store as `export default "…"`), and Node compiles a literal in time that grows with the square of its length: its
 * scanner copies the literal into a buffer that, past its first megabyte, grows by one megabyte at a time, each time
 * into fresh memory. Measured with `perf` on a 50 000-article rebuild (a 307 MB store): 111 s of its 183 s, most of
 * it system time, in `LiteralBuffer::AddTwoByteChar`; a bare Astro site pays it too. Read from the file, the store is
 * neither bundled, written into the bundle, compiled nor kept as source text while pages render.
 *
 * Only where pages are prerendered, in the build that wrote the file, without an adapter (`storeFilesOf`): an
 * on-demand page (the `ssr` environment) keeps the store in its bundle, which is all a server has. The one file is made sure to be JSON first, as Astro's
 * own load does (the module's errors would be hidden: Astro reads an empty store when the module fails); whatever
 * is not as expected (no file, a file that is not JSON) is left to Astro's load, which says what is wrong.
 */
export function storeFilePlugin(files: () => StoreFiles | undefined): Plugin {
	return {
		name: 'newsroom:content-store-file',
		apply: 'build',
		applyToEnvironment: (environment) => environment.name === 'prerender',
		load: {
			order: 'pre',
			filter: { id: [/^\0astro:data-layer-content$/, STORE_PART] },
			async handler(id) {
				const { oneFile, partsFolder } = files() ?? {};
				const part = STORE_PART.exec(id)?.[1];
				if (part !== undefined) {
					const file = partsFolder && new URL(part, partsFolder);
					const version = file && (await fileVersion(file));
					if (!file || !version) return null;
					return { code: fileModule(file, { json: false, version }), map: { mappings: '' } };
				}
				const version = oneFile && (await fileVersion(oneFile));
				if (!oneFile || !version) return null;
				try {
					JSON.parse(await readFile(oneFile, 'utf8'));
				} catch {
					return null;
				}
				return {
					code: fileModule(oneFile, { json: true, version }),
					map: { mappings: '' },
					// As Astro marks it: content data, left out of the pages' dependency hashes.
					meta: CONTENT_DATA_META,
				};
			},
		},
	};
}
