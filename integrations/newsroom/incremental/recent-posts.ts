import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { builtFiles, inParallel, removeArtefact } from '../core/wiring.ts';
import { listKey, type ListOptions } from '../recent-posts/lists.ts';

/**
 * Recent Posts in reused pages. Pages' cache keys leave the list out (one new article would otherwise make every
 * page render again), so every widget is wrapped in two comments naming its list options and its page's article;
 * the options are recorded when a page renders; a variants page renders every list a page can show this build;
 * and after the build each reused page gets the current list spliced in.
 */

/**
 * The comments around every Recent Posts widget. They name the list options and the page's own article (hex, so
 * no id can close the comment), which is all a later build needs to swap a reused page's list for the current one.
 */
const START = '<!--newsroom:recent-posts ';
export const MARKER_END = '<!--/newsroom:recent-posts-->';

/** The opening comment for a widget with list options `key` on the page of article `current`. */
export function markerStart(key: string, current: string | undefined): string {
	return `${START}${key} ${Buffer.from(current ?? '', 'utf8').toString('hex')}-->`;
}

export interface MarkedBlock {
	/** The list options' key. */
	key: string;
	/** The page's own article id ('' when none). */
	current: string;
	/** Offsets of the widget's markup, between the two comments. */
	start: number;
	end: number;
}

/** Every marked widget in a page, in order. A start without its end is an error: the page was not ours to edit. */
export function findMarkedBlocks(html: string): MarkedBlock[] {
	const blocks: MarkedBlock[] = [];
	let from = 0;
	for (;;) {
		const start = html.indexOf(START, from);
		if (start === -1) return blocks;
		const close = html.indexOf('-->', start);
		const endMarker = html.indexOf(MARKER_END, close);
		if (close === -1 || endMarker === -1) throw new Error(`a Recent Posts marker at offset ${start} has no end`);
		const [key = '', current = ''] = html.slice(start + START.length, close).split(' ');
		blocks.push({ key, current: Buffer.from(current, 'hex').toString('utf8'), start: close + 3, end: endMarker });
		from = endMarker + MARKER_END.length;
	}
}

/** The current Recent Posts markup by list-options key, then by the page's own article id ('' = the default). */
export type RecentPostsVariants = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Reads the variants page (every list, once per article it may leave out) into a lookup. */
export function readVariants(html: string): RecentPostsVariants {
	const variants = new Map<string, Map<string, string>>();
	for (const block of findMarkedBlocks(html)) {
		let byCurrent = variants.get(block.key);
		if (!byCurrent) variants.set(block.key, (byCurrent = new Map()));
		byCurrent.set(block.current, html.slice(block.start, block.end));
	}
	return variants;
}

/**
 * A page with each Recent Posts widget's markup replaced by the current list (its markers stay), or `undefined`
 * when nothing changed. A
 * widget whose list options have no variants is left alone: those options are new in this build, so every page
 * showing them was rendered in it.
 */
export function spliceRecentPosts(
	html: string,
	variants: RecentPostsVariants,
	/** Collects the keys of list options that have no variants. */
	unknownKeys?: Set<string>,
): string | undefined {
	let result = '';
	let last = 0;
	let changed = false;
	for (const block of findMarkedBlocks(html)) {
		const byCurrent = variants.get(block.key);
		if (!byCurrent) unknownKeys?.add(block.key);
		const fresh = byCurrent?.get(block.current) ?? byCurrent?.get('');
		if (fresh === undefined || fresh === html.slice(block.start, block.end)) continue;
		result += html.slice(last, block.start) + fresh;
		last = block.end;
		changed = true;
	}
	return changed ? result + html.slice(last) : undefined;
}

/** The list options recorded by earlier builds and by this one so far, by key (none when `file` is unset). */
export function recordedListOptions(file: string | undefined): Map<string, ListOptions> {
	if (!file) return new Map();
	try {
		return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, ListOptions>));
	} catch {
		return new Map();
	}
}

let recorded: Map<string, ListOptions> | undefined;

/**
 * Notes in `file` (the record, in Astro's cache folder) that a page renders a widget with these options, before
 * the page is written: a page Astro reuses in a later build was rendered by a build that recorded its options, so
 * that build's variants page renders them. Returns the options' key.
 */
export function recordListOptions(options: ListOptions, file: string | undefined): string {
	const key = listKey(options);
	if (!file) return key;
	recorded ??= recordedListOptions(file);
	if (!recorded.has(key)) {
		recorded.set(key, options);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, JSON.stringify(Object.fromEntries(recorded), null, '\t'));
	}
	return key;
}

/** The route of the variants page (an artefact the build deletes). */
export const VARIANTS_ROUTE = '/_newsroom/recent-posts';
/** One character per byte, so that a page is spliced as the bytes it is. */
const BYTES = 'latin1';

/**
 * After an incremental build: gives every page the current Recent Posts list. Pages Astro reused still show the
 * list of the build that rendered them (their cache keys leave the list out, so that one new article does not
 * make every page render again); each marked widget is replaced by the matching list of the variants page.
 * `reusable` is false when no earlier build recorded list options: then every page was rendered by this build.
 */
export async function refreshRecentPosts({
	dir,
	assets,
	reusable,
	record,
	logger,
}: {
	dir: URL;
	assets: Map<string, URL[]>;
	reusable: boolean;
	/** The record of list options; unset when pages come from several builds, each with its own record (a split build). */
	record: string | undefined;
	logger: AstroIntegrationLogger;
}): Promise<void> {
	// One variants page, or one per part of a split build (each lists the options its own pages recorded).
	const variantsFiles = assets.get(VARIANTS_ROUTE) ?? [];
	if (variantsFiles.length === 0) return;
	// Pages are read and written as bytes (latin1 maps each byte to one character and back): the markers and ids
	// are ASCII, and 12 000 pages need not be decoded from UTF-8 only to be encoded again.
	const variants = readVariants((await Promise.all(variantsFiles.map((file) => readFile(file, BYTES)))).join('\n'));
	for (const file of variantsFiles) await removeArtefact(file, dir);
	if (!reusable) return;
	const pages = builtFiles(new Map([...assets].filter(([route]) => route !== VARIANTS_ROUTE)), { html: true });
	const unknownKeys = new Set<string>();
	const written = await inParallel(pages, async (file) => {
		// Read synchronously: a page comes from the page cache in microseconds, less than a promise's round trip
		// through libuv's threads (12 000 pages read in 0.6 s against 3.8 s); the writes still overlap.
		const html = readFileSync(file, BYTES);
		let spliced: string | undefined;
		try {
			spliced = spliceRecentPosts(html, variants, unknownKeys);
		} catch (error) {
			throw new Error(`${fileURLToPath(file)}: cannot update its Recent Posts: ${String(error)}`, { cause: error });
		}
		if (spliced === undefined) return false;
		// Written aside, then moved over the page: the search index reads pages meanwhile (search/index-site.ts),
		// and a page is never seen half-written.
		const aside = new URL(`${file.href}.${process.pid}.recent-posts`);
		await writeFile(aside, spliced, BYTES);
		await rename(aside, file);
		return true;
	});
	const refreshed = written.filter(Boolean).length;
	logger.info(`Recent Posts brought up to date on ${refreshed} of ${pages.length} page(s)`);
	// Options first used in this build were recorded while their pages rendered; any other key means the record
	// was lost while Astro kept pages rendered with it, and those lists may be stale.
	if (record === undefined) return;
	const recorded = recordedListOptions(record);
	const lost = [...unknownKeys].filter((key) => !recorded.has(key));
	if (lost.length > 0) {
		logger.warn(
			`${lost.length} Recent Posts list(s) on reused pages could not be brought up to date (their options are missing from ${record}): run \`astro build --force\` once`,
		);
	}
}
