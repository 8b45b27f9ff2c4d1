import { createHash } from 'node:crypto';
import { copyFile, cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** The folder of the search index in the build output, and its URL path below the site's base. */
export const SEARCH_BUNDLE = 'pagefind';
/** The search page's script, copied into the bundle folder so that it loads Pagefind's module from beside it. */
export const SEARCH_SCRIPT = 'newsroom-search.js';
/** The pages the index holds: the article pages (they mark their content with `data-pagefind-body`). */
export const INDEXED_PAGES = /^articles\/.+\.html$/;
/**
 * At most 1 000 fragment files (Pagefind bundles the rest): one file per article would put 10 000 files beside
 * 10 000 pages, against CDNs' limits on files per deployment (Cloudflare Pages: 20 000).
 */
const PAGEFIND_OPTIONS = { maxFragments: 1000 };

export interface IndexSiteResult {
	pages: number;
	files: number;
	bytes: number;
	ms: number;
	/** Of which the build waited for it in `write()` (the rest overlapped the build's other steps). */
	waitedMs: number;
	/** The index was the last build's: the pages it holds had not changed. */
	reused: boolean;
}

/** An index being built: `write()` puts it in the output once the rest of the build is done with the folder. */
export interface SiteIndexing {
	write(): Promise<IndexSiteResult>;
}

/**
 * Starts the Pagefind search index of this build's article pages (`pages`: paths relative to `dist`), in Pagefind's
 * own process, so that it runs on another core while the build's other site-wide steps (security, sitemaps, Recent
 * Posts, pruning) run on this one. Pages are added one at a time in path order, so the index is the same whatever
 * order the build listed them in. When every page is byte for byte the one the last build indexed (a digest kept in
 * `cache`), the last build's index is reused instead.
 */
export function startIndexing(dist: string, pages: readonly string[], cache: string): SiteIndexing {
	const started = performance.now();
	const sorted = [...pages].filter((page) => INDEXED_PAGES.test(page)).sort();
	const kept = join(cache, SEARCH_BUNDLE);
	const digestFile = join(cache, 'digest');
	const indexing = (async () => {
		const digest = await pagesDigest(dist, sorted);
		const previous = await readFile(digestFile, 'utf8').catch(() => undefined);
		if (previous === digest && (await stat(kept).catch(() => undefined))) return { reused: true as const, digest };
		const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
		if (!index) throw new Error(errors.join('\n'));
		for (const sourcePath of sorted) {
			const added = await index.addHTMLFile({ sourcePath, content: await readFile(join(dist, sourcePath), 'utf8') });
			if (added.errors.length > 0) throw new Error(`${sourcePath}: ${added.errors.join('\n')}`);
		}
		return { reused: false as const, digest, index };
	})();
	// Kept until `write()` reports it, so a failure is not an unhandled rejection in between.
	indexing.catch(() => {});
	return {
		async write() {
			const waitFrom = performance.now();
			const outputPath = join(dist, SEARCH_BUNDLE);
			try {
				const result = await indexing;
				await rm(outputPath, { recursive: true, force: true });
				if (result.reused) {
					await cp(kept, outputPath, { recursive: true });
				} else {
					const written = await result.index.writeFiles({ outputPath });
					if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
					await copyFile(new URL('./browser/search-page.js', import.meta.url), join(outputPath, SEARCH_SCRIPT));
					await rm(cache, { recursive: true, force: true });
					await mkdir(cache, { recursive: true });
					await cp(outputPath, kept, { recursive: true });
					await writeFile(digestFile, result.digest);
				}
				const { files, bytes } = await folderSize(outputPath);
				const now = performance.now();
				return { pages: sorted.length, files, bytes, ms: Math.round(now - started), waitedMs: Math.round(now - waitFrom), reused: result.reused };
			} finally {
				await pagefind.close();
			}
		},
	};
}

/** One digest of the pages' paths and bytes, and of how they are indexed (options, the script shipped beside). */
async function pagesDigest(dist: string, pages: readonly string[]): Promise<string> {
	const hash = createHash('sha256');
	hash.update(JSON.stringify(PAGEFIND_OPTIONS));
	hash.update(await readFile(new URL('./browser/search-page.js', import.meta.url)));
	for (const page of pages) {
		const bytes = await readFile(join(dist, page));
		hash.update(`${page}\0${bytes.length}\0`).update(bytes);
	}
	return hash.digest('hex');
}

async function folderSize(folder: string): Promise<{ files: number; bytes: number }> {
	const entries = await readdir(folder, { recursive: true, withFileTypes: true });
	let bytes = 0;
	let files = 0;
	for (const entry of entries.filter((candidate) => candidate.isFile())) {
		bytes += (await stat(join(entry.parentPath, entry.name))).size;
		files++;
	}
	return { files, bytes };
}
