import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { inParallel } from '../core/wiring.ts';
import { findMarkedBlocks, VARIANTS_ROUTE } from './recent-posts.ts';

/**
 * What the site-wide steps after a build read from each built page (its policy and consent-gated scripts for the
 * security step, its third-party iframes for the consent check, its search digest for the index), read once per
 * page and build, and — with incremental builds — kept for the next build in Astro's cache folder.
 *
 * A page Astro reused is the file the last build left: the same size, modification and change times (nanoseconds)
 * and inode, which only a write can change. Its facts are taken from the record without reading it. One new
 * article re-renders a few pages, but rewrites the Recent Posts list of every other one after the checks
 * (`recent-posts.ts`): so facts are read from the page with each list's markup left out (between its markers), and
 * the splice, which only replaces that markup, leaves them true. The lists themselves are read where every one of
 * them is rendered, on the variants page, which is read whole. Dependencies that read pages (htmlparser2, rehype)
 * change with the lockfile, and Astro then renders every page again, which gives every page a new status.
 */

/** Reads one kind of fact from a page's HTML; what it returns is kept as JSON. */
export type PageReader<T> = (html: string) => T;

export interface PageFacts {
	/**
	 * Adds a reader (at setup, before any build): `module` is the file that defines it (`import.meta.url`), whose
	 * text keys the record, so that changed code never reuses what older code read. Returns the reader's facts of
	 * a built page.
	 */
	reader<T>(name: string, module: string, read: PageReader<T>): (file: URL) => Promise<T>;
	/** Finds the facts of many pages, a few at a time: before a step that then asks for each in turn. */
	prefetch(files: readonly URL[]): Promise<void>;
	/** The steps that keep facts between builds: the record's place (with incremental builds), then its saving. */
	integration: AstroIntegration;
	/** Where the record is kept (`undefined`: read every page, keep nothing). Set by the incremental feature. */
	keepIn(file: string | undefined): void;
}

/** A page's facts, by reader name; equal facts are one object (most pages share their policy, say). */
type Facts = Record<string, unknown>;
interface Recorded {
	status: string;
	facts: Facts;
}

export function createPageFacts(): PageFacts {
	const readers: { name: string; module: string; read: PageReader<unknown> }[] = [];
	let recordFile: string | undefined;
	let recorded = new Map<string, Recorded>();
	let version = '';
	/** This build's facts, by page path: each page is read once whichever step asks first. */
	let read = new Map<string, Promise<Recorded>>();
	/** How many of them were read (the others were as the last build left them). */
	let opened = 0;
	/** Each distinct fact once, by its JSON: an archive's 100 000 pages share a handful of policies. */
	let distinct = new Map<string, unknown>();
	const shared = (value: unknown) => {
		const json = JSON.stringify(value) ?? 'null';
		if (!distinct.has(json)) distinct.set(json, value ?? null);
		return distinct.get(json);
	};

	const factsOf = (path: string): Promise<Recorded> => {
		let entry = read.get(path);
		if (!entry) {
			entry = readPage(path);
			read.set(path, entry);
		}
		return entry;
	};
	const readPage = async (path: string): Promise<Recorded> => {
		const status = fileStatus(path);
		const kept = recorded.get(path);
		if (kept && status !== undefined && kept.status === status) return kept;
		opened++;
		const html = readFileSync(path, 'utf8');
		const readable = path.endsWith(`${VARIANTS_ROUTE}/index.html`) ? html : withoutRecentPosts(html);
		const facts: Facts = {};
		for (const reader of readers) facts[reader.name] = shared(reader.read(readable ?? html));
		// A page whose lists cannot be told apart is read whole, and not kept: the splice would fail on it anyway.
		return { status: readable === undefined ? '' : (status ?? ''), facts };
	};

	return {
		reader<T>(name: string, module: string, readFacts: PageReader<T>) {
			readers.push({ name, module, read: readFacts });
			return async (file: URL) => {
				const entry = await factsOf(fileURLToPath(file));
				return entry.facts[name] as T;
			};
		},
		async prefetch(files) {
			await inParallel(files, (file) => factsOf(fileURLToPath(file)));
		},
		keepIn(file) {
			recordFile = file;
		},
		integration: {
			name: '@newsroom/astro/page-facts',
			hooks: {
				'astro:build:start': async () => {
					read = new Map();
					recorded = new Map();
					distinct = new Map();
					opened = 0;
					if (!recordFile) return;
					version = await readersVersion(readers);
					const text = await readFile(recordFile, 'utf8').catch(() => undefined);
					const record = text ? (JSON.parse(text) as PageRecord) : undefined;
					if (record?.version !== version) return;
					const values = record.values.map(shared);
					for (const [path, status, indices] of record.pages) {
						recorded.set(path, { status, facts: Object.fromEntries(readers.map(({ name }, i) => [name, values[indices[i]!]])) });
					}
				},
				// Last: every page is as the build leaves it (Recent Posts spliced, the output pruned).
				'astro:build:done': async ({ logger }) => {
					const pagesRead = read;
					read = new Map();
					recorded = new Map();
					distinct = new Map();
					if (!recordFile) return;
					logger.info(`the checks after the build read ${opened} of ${pagesRead.size} page(s); the others were as the last build left them`);
					const pages: PageRecord['pages'] = [];
					const values = new Map<unknown, number>();
					const indexOf = (value: unknown) => values.get(value) ?? values.set(value, values.size).size - 1;
					const statuses = await inParallel([...pagesRead], async ([path, entry]) => {
						const kept = await entry.catch(() => undefined);
						return kept?.status ? fileStatus(path) : undefined;
					});
					for (const [i, [path, entry]] of [...pagesRead].entries()) {
						const kept = await entry.catch(() => undefined);
						const status = statuses[i];
						if (kept && status !== undefined) pages.push([path, status, readers.map(({ name }) => indexOf(kept.facts[name]))]);
					}
					const record: PageRecord = { version, values: [...values.keys()], pages };
					await mkdir(dirname(recordFile), { recursive: true });
					await writeFile(`${recordFile}.${process.pid}`, JSON.stringify(record));
					await rename(`${recordFile}.${process.pid}`, recordFile);
				},
			},
		},
	};
}

/**
 * The record of a build: what its readers found in each page, by the page's path and file status. Each distinct
 * fact is kept once (`values`); a page lists one index into them per reader, in the readers' order.
 */
interface PageRecord {
	version: string;
	values: unknown[];
	pages: [path: string, status: string, facts: number[]][];
}

/**
 * A page's file status as one string, or `undefined` when it is gone. Synchronous: the status of 60 000 pages is
 * asked twice a build, and each answer takes less time than a promise's round trip through libuv's threads.
 */
function fileStatus(path: string): string | undefined {
	const status = statSync(path, { bigint: true, throwIfNoEntry: false });
	return status && `${status.size}:${status.mtimeNs}:${status.ctimeNs}:${status.ino}:${status.dev}`;
}

/** A page's HTML without its Recent Posts lists' markup (their markers stay), or `undefined` if a marker is broken. */
export function withoutRecentPosts(html: string): string | undefined {
	let blocks;
	try {
		blocks = findMarkedBlocks(html);
	} catch {
		return undefined;
	}
	let result = '';
	let last = 0;
	for (const block of blocks) {
		result += html.slice(last, block.start);
		last = block.end;
	}
	return result + html.slice(last);
}

/** Keys the record by the readers and the text of the code that defines them. */
async function readersVersion(readers: readonly { name: string; module: string }[]): Promise<string> {
	const hash = createHash('sha256');
	for (const { name, module } of readers) hash.update(`${name}\0${await readFile(new URL(module), 'utf8')}\0`);
	return hash.digest('hex');
}
