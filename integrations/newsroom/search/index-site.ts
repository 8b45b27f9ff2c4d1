import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Parser } from 'htmlparser2';
import * as pagefind from 'pagefind';
import { filesBelow, removeEmptyFolders } from '../incremental/output.ts';

/** The folder of the search index in the build output, and its URL path below the site's base. */
export const SEARCH_BUNDLE = 'pagefind';
/** The search page's script, copied into the bundle folder so that it loads Pagefind's module from beside it. */
export const SEARCH_SCRIPT = 'newsroom-search.js';
/** Beside the script: the index's parts, newest first, for the script to merge (`{ parts: [{ path }] }`). */
export const SEARCH_PARTS = 'parts.json';
/** The pages the index may hold: article pages that mark their content with `data-pagefind-body`. */
export const INDEXED_PAGES = /^articles\/.+\.html$/;
/**
 * Pagefind bundles a part's fragments into at most one file per ten pages (and 1 000 files): one file per article
 * would put 10 000 files beside 10 000 pages, against CDNs' limits on files per deployment (Cloudflare Pages:
 * 20 000). Worked out from the part's own pages, so one year's change leaves the other years' indexes alone.
 */
const pagefindOptions = (pages: number) => ({ maxFragments: Math.max(1, Math.min(1000, Math.ceil(pages / 10))) });
/** How many pages are read and handed to Pagefind at once. */
const BATCH = 32;
/** What a part other than the newest needs in the output: its index, not a second copy of Pagefind's runtime. */
const PART_FILES = /^(pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|index|fragment|filter)$/;

/** What the index needs to know of an article page before indexing it. */
export interface SearchablePage {
	path: string;
	/**
	 * Its part of the index: the year it was published in (its `data-year`, in the site's time zone, as the year
	 * filter), or `other`. Pagefind cannot add one page to an index, so the index is one Pagefind index per year,
	 * merged in the reader's browser: a new article or live entry re-indexes its year only.
	 */
	year: string;
	/** A digest of what Pagefind reads of it (see `searchablePage`). */
	digest: string;
}

/**
 * Reads an article page for the index, or `undefined` when it has no `data-pagefind-body` element (an alias's
 * redirect page, say): Pagefind would index such a page whole if its year had no other. Parsed with htmlparser2
 * (attributes decoded as a browser does, so no text of the page can pass for one).
 *
 * Its digest covers the page except what Pagefind leaves out: the content of `data-pagefind-ignore` elements (the
 * Recent Posts lists, related links, dates), keeping the elements inside them that carry `data-pagefind-*`
 * attributes, text included, which Pagefind still reads (a filter's value is its text). One new article changes every page's Recent Posts and some older pages' related links
 * (its topics' weights shift); none of that is indexed, so it must not make a year be indexed again.
 */
export function searchablePage(path: string, html: string): SearchablePage | undefined {
	const facts = searchFacts(html);
	return facts ? { path, ...facts } : undefined;
}

/** What the index needs of a page whatever its path (kept between builds by the page facts), or `null`. */
export type SearchFacts = Omit<SearchablePage, 'path'> | null;

/** A page's year and digest (`searchablePage`), or `null` when it has no `data-pagefind-body` element. */
export function searchFacts(html: string): SearchFacts {
	// Most pages that are not articles say nothing of the index: no need to parse them.
	if (!html.includes('data-pagefind-body')) return null;
	let year: string | undefined;
	const hash = createHash('sha256');
	/** The page's source up to here is hashed or left out. */
	let from = 0;
	/** How deep inside an ignored element the parser is (0: not inside one). */
	let ignored = 0;
	/** Inside an ignored element, an element Pagefind still reads (a filter, say: its text is the value). */
	let kept: { start: number; depth: number } | undefined;
	const parser = new Parser({
		onopentag(_name, attributes) {
			if (ignored > 0) {
				ignored++;
				if (!kept && Object.keys(attributes).some((name) => name.startsWith('data-pagefind-'))) kept = { start: parser.startIndex, depth: ignored };
				return;
			}
			if (year === undefined && attributes['data-pagefind-body'] !== undefined) {
				year = /^\d{4}$/.test(attributes['data-year'] ?? '') ? attributes['data-year']! : 'other';
			}
			if (attributes['data-pagefind-ignore'] !== undefined) {
				hash.update(html.slice(from, parser.endIndex + 1)).update('\0');
				ignored = 1;
			}
		},
		onclosetag() {
			if (ignored === 0) return;
			if (kept?.depth === ignored) {
				hash.update(html.slice(kept.start, parser.endIndex + 1)).update('\0');
				kept = undefined;
			}
			if (--ignored === 0) from = parser.endIndex + 1;
		},
	});
	parser.end(html);
	if (year === undefined) return null;
	return { year, digest: hash.update(html.slice(from)).digest('hex') };
}

/** A part of the index: a year's pages in path order, newest year first (`other` last). */
export interface IndexPart {
	name: string;
	pages: SearchablePage[];
}

/** Groups searchable pages into the index's parts. */
export function indexParts(pages: readonly SearchablePage[]): IndexPart[] {
	const byPart = new Map<string, SearchablePage[]>();
	for (const page of [...pages].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
		const part = byPart.get(page.year);
		if (part) part.push(page);
		else byPart.set(page.year, [page]);
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

/** A part of the index: its digest and, when its pages changed, the Pagefind index made of them. */
type PartIndex = IndexPart & { digest: string; index?: pagefind.PagefindIndex };

/**
 * Starts the Pagefind search index of this build's article pages (`pages`: paths relative to `dist`), in Pagefind's
 * own process, so that it runs on another core while the build's other site-wide steps (security, sitemaps, Recent
 * Posts, pruning) run on this one. Each part (year) whose pages are the ones the last build indexed (a digest kept
 * in `cache`) is reused; the others are indexed, pages added in path order so that a part is the same whatever
 * order the build listed them in. The newest part is written at the bundle's root with Pagefind's runtime; the
 * others below it, in a folder each.
 */
export function startIndexing(
	dist: string,
	pages: readonly string[],
	cache: string,
	/** Pages' `searchFacts` (paths relative to `dist`): read once per build, kept while Astro reuses a page. */
	factsOf: (paths: readonly string[]) => Promise<SearchFacts[]>,
): SiteIndexing {
	const started = performance.now();
	const indexing = (async () => {
		const articles = pages.filter((page) => INDEXED_PAGES.test(page));
		const facts = await factsOf(articles);
		const searchable = articles.flatMap((path, i) => (facts[i] ? [{ path, ...facts[i] }] : []));
		const parts = indexParts(searchable);
		// An index with no article at all still gives the search page a runtime to load.
		if (parts.length === 0) parts.push({ name: 'other', pages: [] });
		const version = await pagefindVersion();
		const results: PartIndex[] = [];
		for (const part of parts) {
			const digest = partDigest(part, version);
			const folder = join(cache, part.name);
			const previous = await readFile(join(folder, 'digest'), 'utf8').catch(() => undefined);
			if (previous === digest && (await stat(join(folder, SEARCH_BUNDLE)).catch(() => undefined))) {
				results.push({ ...part, digest });
				continue;
			}
			const { index, errors } = await pagefind.createIndex(pagefindOptions(part.pages.length));
			if (!index) throw new Error(errors.join('\n'));
			// A few pages read at once, then handed to Pagefind in path order without waiting for each answer (not all
			// at once: an archive's year would open more files than a process may).
			for (let from = 0; from < part.pages.length; from += BATCH) {
				const batch = part.pages.slice(from, from + BATCH);
				const contents = await Promise.all(batch.map(({ path }) => readFile(join(dist, path), 'utf8')));
				const added = await Promise.all(batch.map(({ path }, i) => index.addHTMLFile({ sourcePath: path, content: contents[i]! })));
				for (const [i, { errors }] of added.entries()) if (errors.length > 0) throw new Error(`${batch[i]!.path}: ${errors.join('\n')}`);
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
				// The newest part at the bundle's root, with Pagefind's runtime; the others' index files in a folder each.
				const wanted = new Map<string, string>();
				for (const [i, part] of results.entries()) {
					const kept = join(cache, part.name, SEARCH_BUNDLE);
					for (const file of await filesBelow(kept)) {
						if (i === 0) wanted.set(file, join(kept, file));
						else if (PART_FILES.test(file.split('/')[0]!)) wanted.set(`${part.name}/${file}`, join(kept, file));
					}
				}
				await mirror(outputPath, wanted, [SEARCH_SCRIPT, SEARCH_PARTS]);
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

/**
 * Makes `folder` hold exactly `wanted` (relative path → source file) and `own` (files the caller writes): a file
 * already there with the source's bytes is left alone (an unchanged year is not copied again), any other is
 * copied, and files no longer wanted are deleted. The build's pruning leaves this folder to it.
 */
async function mirror(folder: string, wanted: ReadonlyMap<string, string>, own: readonly string[]): Promise<void> {
	const present = await filesBelow(folder);
	const stale = present.filter((file) => !wanted.has(file) && !own.includes(file));
	for (const file of stale) await rm(join(folder, file), { force: true });
	await removeEmptyFolders(folder, stale);
	const there = new Set(present);
	for (const [file, source] of wanted) {
		const target = join(folder, file);
		if (there.has(file) && (await sameBytes(source, target))) continue;
		await mkdir(dirname(target), { recursive: true });
		await copyFile(source, target);
	}
}

async function sameBytes(a: string, b: string): Promise<boolean> {
	const [sizeA, sizeB] = await Promise.all([stat(a), stat(b)]).then((both) => both.map((status) => status.size));
	if (sizeA !== sizeB) return false;
	const [bytesA, bytesB] = await Promise.all([readFile(a), readFile(b)]);
	return bytesA.equals(bytesB);
}

/** One digest of a part: its pages' paths and digests, and how they are indexed (Pagefind's version, options). */
function partDigest(part: IndexPart, pagefindVersion: string): string {
	const hash = createHash('sha256');
	// Parts written by another Pagefind would be merged by this one's runtime: an upgrade re-indexes them all.
	hash.update(`${pagefindVersion}\0${JSON.stringify(pagefindOptions(part.pages.length))}\0`);
	for (const page of part.pages) hash.update(`${page.path}\0${page.digest}\0`);
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
	const files = await filesBelow(folder);
	const sizes = await Promise.all(files.map(async (file) => (await stat(join(folder, file))).size));
	return { files: files.length, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}
