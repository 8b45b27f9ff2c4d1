import { createHash } from 'node:crypto';
import { copyFile, cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { findMarkedBlocks } from '../incremental/recent-posts.ts';

/** The folder of the search index in the build output, and its URL path below the site's base. */
export const SEARCH_BUNDLE = 'pagefind';
/** The search page's script, copied into the bundle folder so that it loads Pagefind's module from beside it. */
export const SEARCH_SCRIPT = 'newsroom-search.js';
/** Beside the script: the index's parts, newest first, for the script to merge (`{ parts: [{ path }] }`). */
export const SEARCH_PARTS = 'parts.json';
/** The pages the index holds: the article pages (they mark their content with `data-pagefind-body`). */
export const INDEXED_PAGES = /^articles\/.+\.html$/;
/**
 * At most 1 000 fragment files per part (Pagefind bundles the rest): one file per article would put 10 000 files
 * beside 10 000 pages, against CDNs' limits on files per deployment (Cloudflare Pages: 20 000).
 */
const PAGEFIND_OPTIONS = { maxFragments: 1000 };
/** What a part other than the newest needs in the output: its index, not a second copy of Pagefind's runtime. */
const PART_FILES = /^(pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|index|fragment|filter)$/;

/**
 * The part of the index a page belongs to: the year in its address (`articles/2024/…`), or `other`. Pagefind cannot
 * add one page to an index, so the index is one Pagefind index per year, merged in the reader's browser: a new
 * article or live entry re-indexes its year only, and the archive's years are reused as they are.
 */
export function indexPartOf(page: string): string {
	return /^articles\/(\d{4})\//.exec(page)?.[1] ?? 'other';
}

/** The parts of these pages, newest year first (`other` last), each with its pages in path order. */
export function indexParts(pages: readonly string[]): { name: string; pages: string[] }[] {
	const byPart = new Map<string, string[]>();
	for (const page of [...pages].filter((candidate) => INDEXED_PAGES.test(candidate)).sort()) {
		const name = indexPartOf(page);
		byPart.set(name, [...(byPart.get(name) ?? []), page]);
	}
	const rank = (name: string) => (name === 'other' ? -1 : Number(name));
	return [...byPart].map(([name, partPages]) => ({ name, pages: partPages })).sort((a, b) => rank(b.name) - rank(a.name));
}

export interface IndexSiteResult {
	pages: number;
	files: number;
	bytes: number;
	ms: number;
	/** Of which the build waited for it in `write()` (the rest overlapped the build's other steps). */
	waitedMs: number;
	/** The parts (years) re-indexed, and those reused as the last build left them. */
	indexed: string[];
	reused: string[];
}

/** An index being built: `write()` puts it in the output once the rest of the build is done with the folder. */
export interface SiteIndexing {
	write(): Promise<IndexSiteResult>;
}

/** A part of the index: its pages' digest and, when they changed, the Pagefind index made of them. */
type PartIndex = { name: string; pages: string[]; digest: string; index?: pagefind.PagefindIndex };

/**
 * Starts the Pagefind search index of this build's article pages (`pages`: paths relative to `dist`), in Pagefind's
 * own process, so that it runs on another core while the build's other site-wide steps (security, sitemaps, Recent
 * Posts, pruning) run on this one. Each part (year) whose pages are byte for byte the ones the last build indexed (a
 * digest kept in `cache`) is reused; the others are indexed, pages added in path order so that a part is the same
 * whatever order the build listed them in. The newest part is written at the bundle's root with Pagefind's runtime;
 * the others below it, in a folder each.
 */
export function startIndexing(dist: string, pages: readonly string[], cache: string): SiteIndexing {
	const started = performance.now();
	const parts = indexParts(pages);
	// An index with no article at all still gives the search page a runtime to load.
	if (parts.length === 0) parts.push({ name: 'other', pages: [] });
	const indexing = (async () => {
		const results: PartIndex[] = [];
		const version = await pagefindVersion();
		for (const part of parts) {
			const digest = await pagesDigest(dist, part.pages, version);
			const folder = join(cache, part.name);
			const previous = await readFile(join(folder, 'digest'), 'utf8').catch(() => undefined);
			if (previous === digest && (await stat(join(folder, SEARCH_BUNDLE)).catch(() => undefined))) {
				results.push({ ...part, digest });
				continue;
			}
			const { index, errors } = await pagefind.createIndex(PAGEFIND_OPTIONS);
			if (!index) throw new Error(errors.join('\n'));
			for (const sourcePath of part.pages) {
				const added = await index.addHTMLFile({ sourcePath, content: await readFile(join(dist, sourcePath), 'utf8') });
				if (added.errors.length > 0) throw new Error(`${sourcePath}: ${added.errors.join('\n')}`);
			}
			results.push({ ...part, digest, index });
		}
		return results;
	})();
	// Kept until `write()` reports it, so a failure is not an unhandled rejection in between.
	indexing.catch(() => {});
	return {
		async write() {
			const waitFrom = performance.now();
			const outputPath = join(dist, SEARCH_BUNDLE);
			try {
				const results = await indexing;
				await rm(outputPath, { recursive: true, force: true });
				for (const part of results.filter((result) => result.index)) {
					const kept = join(cache, part.name, SEARCH_BUNDLE);
					await rm(join(cache, part.name), { recursive: true, force: true });
					const written = await part.index!.writeFiles({ outputPath: kept });
					if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
					await writeFile(join(cache, part.name, 'digest'), part.digest);
				}
				// Parts no longer in the site (their last article unpublished) leave the cache too.
				const names = new Set(results.map((result) => result.name));
				for (const stale of await readdir(cache).catch(() => [])) {
					if (!names.has(stale)) await rm(join(cache, stale), { recursive: true, force: true });
				}
				const [newest, ...older] = results;
				await cp(join(cache, newest!.name, SEARCH_BUNDLE), outputPath, { recursive: true });
				for (const part of older) {
					const kept = join(cache, part.name, SEARCH_BUNDLE);
					await mkdir(join(outputPath, part.name), { recursive: true });
					for (const entry of (await readdir(kept)).filter((name) => PART_FILES.test(name))) {
						await cp(join(kept, entry), join(outputPath, part.name, entry), { recursive: true });
					}
				}
				await copyFile(new URL('./browser/search-page.js', import.meta.url), join(outputPath, SEARCH_SCRIPT));
				// The newest part is the bundle's root (path ''); the script merges the others by their folder.
				const listed = { parts: results.map((part, i) => ({ path: i === 0 ? '' : `${part.name}/` })) };
				await writeFile(join(outputPath, SEARCH_PARTS), `${JSON.stringify(listed)}\n`);
				const { files, bytes } = await folderSize(outputPath);
				const now = performance.now();
				return {
					pages: results.reduce((sum, part) => sum + part.pages.length, 0),
					files,
					bytes,
					ms: Math.round(now - started),
					waitedMs: Math.round(now - waitFrom),
					indexed: results.filter((part) => part.index).map((part) => part.name),
					reused: results.filter((part) => !part.index).map((part) => part.name),
				};
			} finally {
				await pagefind.close();
			}
		},
	};
}

/** One digest of a part's pages' paths and text, and of how they are indexed (Pagefind's version, the options). */
async function pagesDigest(dist: string, pages: readonly string[], pagefindVersion: string): Promise<string> {
	const hash = createHash('sha256');
	// Parts written by another Pagefind would be merged by this one's runtime: an upgrade re-indexes them all.
	hash.update(pagefindVersion);
	hash.update(JSON.stringify(PAGEFIND_OPTIONS));
	for (const page of pages) {
		const html = await readFile(join(dist, page), 'utf8');
		hash.update(`${page}\0`);
		// Without its Recent Posts lists, outside what Pagefind indexes: a new article changes them on every page
		// (and they may be swapped while this reads), which would re-index every year for one article.
		let from = 0;
		for (const block of findMarkedBlocks(html)) {
			hash.update(html.slice(from, block.start)).update('\0');
			from = block.end;
		}
		hash.update(html.slice(from)).update('\0\0');
	}
	return hash.digest('hex');
}

/** The installed Pagefind's version: its package.json, found as Node finds the package (its `exports` hide it). */
async function pagefindVersion(): Promise<string> {
	for (const folder of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
		const text = await readFile(join(folder, 'pagefind', 'package.json'), 'utf8').catch(() => undefined);
		if (text) return (JSON.parse(text) as { version: string }).version;
	}
	throw new Error('the pagefind package was not found');
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
