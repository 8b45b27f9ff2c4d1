/**
 * The content loaders: Astro's glob loader made strict for a newsroom. Every entry's images must exist, article
 * dates reach the schema as written, two files may not share a URL, and the build says what it holds back.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { extractFrontmatter } from 'astro/markdown';
import yaml from 'js-yaml';
import { daylightSavingNote, InvalidDateError } from '../core/dates.ts';
import { urlSegment } from '../core/urls.ts';
import { PROSE_FACTS, proseFacts } from './excerpt.ts';
import { heldBackSummary, NO_ENTRY } from './published.ts';
// Bundled as text (Vite), so the fingerprint survives bundling.
import schemasSource from './schemas.ts?raw';

interface ArticlesLoaderOptions {
	/** Folder of the articles, relative to the project root; nested folders are fine. */
	base: string;
	/** The build's "now" (ISO 8601), to report what the embargo holds back. */
	buildTime: string;
	/** The site's time zone, to report the next embargo lift in local time. */
	timeZone: string;
}

/**
 * Astro's glob loader over Markdown and MDX, made strict for a newsroom:
 * - frontmatter dates reach the schema as written (js-yaml would turn `2026-02-30` into March 2 and read
 *   `2026-01-28 09:00` as UTC), so the schema can reject impossible dates and apply the site's time zone;
 * - a missing image file names the article and the field (see `checkedGlob` below);
 * - two files that would share an id (and so a URL) fail the build instead of one silently replacing the other;
 * - a date in a daylight-saving change (a skipped or repeated local time) is logged with how it was read;
 * - after loading it logs how many articles are held back (drafts, embargo) and when the next embargo lifts.
 */
export function articlesLoader({ base, buildTime, timeZone }: ArticlesLoaderOptions): Loader {
	let filesById = new Map<string, string>();
	let context: LoaderContext | undefined;
	const inner = checkedGlob(
		{
			base,
			// A live blog's entries sit beside it in `<article>.live/` (liveEntriesLoader).
			pattern: ['**/*.{md,mdx}', `!**/*${LIVE_FOLDER}/**`],
			// Markdown is rendered while syncing and kept in the content cache, so a rebuild re-renders only changed
			// files; deferring made every article a bundled module (about 3× slower builds in `npm run bench`).
			// MDX is always a module. A Markdown render error is only logged here: loadContentSet() fails the build.
			deferRender: false,
			generateId: ({ entry }) => {
				const id = entryId(entry);
				const other = filesById.get(id);
				if (other !== undefined && other !== entry) {
					throw new AstroError(
						`Two articles resolve to the same URL: ${[other, entry]
							.sort()
							.map((file) => `"${base}/${file}"`)
							.join(' and ')} (id "${id}", URL /articles/${id}/).`,
						'Rename one of the files: each article needs its own file name within its folder.',
					);
				}
				filesById.set(id, entry);
				return id;
			},
		},
		async (entry) => {
			const data = rawFrontmatter(await readFile(entry.filePath!, 'utf8')) ?? entry.data;
			for (const [field, text] of frontmatterDates(data)) {
				const note = noteFor(text, timeZone);
				if (note && context) {
					context.logger.warn(
						`${relative(fileURLToPath(context.config.root), entry.filePath!)}: **${field}**: ${note}`,
					);
				}
			}
			return data;
		},
	);
	return {
		name: 'newsroom-articles',
		load: async (loaderContext) => {
			filesById = new Map();
			context = loaderContext;
			await inner.load(loaderContext);
			keepProseFactsOnly(loaderContext.store);
			const summary = heldBackSummary(
				[...loaderContext.store.values()].map((entry) => entry.data as { draft: boolean; pubDate: Date }),
				new Date(buildTime),
			);
			loaderContext.logger.info(describeHeldBack(summary, timeZone));
		},
	};
}

/**
 * Replaces each rendered Markdown article's body by its prose facts (`proseFacts`: opening words, reading time) in
 * the content store, which Astro holds in memory and bundles whole: the body was 43 % of it, and an archive's store
 * must stay within one string (storage.ts). Entries Astro kept from the last sync were done then; MDX keeps its body
 * (its components are checked against it).
 */
function keepProseFactsOnly(store: LoaderContext['store']): void {
	for (const entry of store.values()) {
		if (entry.body === undefined || !entry.rendered || !/\.md$/i.test(entry.filePath ?? '')) continue;
		const { body, ...kept } = entry;
		const metadata = { ...entry.rendered.metadata, [PROSE_FACTS]: proseFacts(body, { mdx: false }) };
		// Astro's store ignores a set() with an unchanged digest: the entry goes first.
		store.delete(entry.id);
		store.set({ ...kept, rendered: { ...entry.rendered, metadata } });
	}
}

/** An article's id (and URL path): its path below the articles folder, lowercased, without the extension. */
function entryId(entry: string): string {
	return entry
		.replace(/\.mdx?$/i, '')
		.split('/')
		.map(urlSegment)
		.join('/')
		.replace(/\/index$/, '');
}

/** The zoned dates of an article's raw frontmatter, by field path: pubDate, updatedDate, corrections.N.date. */
function frontmatterDates(data: Record<string, unknown>): [string, string][] {
	const dates: [string, unknown][] = [
		['pubDate', data['pubDate']],
		['updatedDate', data['updatedDate']],
		...(Array.isArray(data['corrections']) ? data['corrections'] : []).map(
			(correction: unknown, index): [string, unknown] => [
				`corrections.${index}.date`,
				(correction as Record<string, unknown> | null)?.['date'],
			],
		),
	];
	return dates.filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

/** How a date in a daylight-saving change was read; nothing for others (an invalid date is the schema's to report). */
function noteFor(text: string, timeZone: string): string | undefined {
	try {
		return daylightSavingNote(text, timeZone);
	} catch (error) {
		if (error instanceof InvalidDateError) return undefined;
		throw error;
	}
}

/** YAML frontmatter parsed with the core schema: timestamps stay strings for the schema to read. */
function rawFrontmatter(source: string): Record<string, unknown> | undefined {
	const text = extractFrontmatter(source);
	if (text === undefined) return undefined;
	const data = yaml.load(text, { schema: yaml.CORE_SCHEMA });
	return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

function describeHeldBack(summary: ReturnType<typeof heldBackSummary>, timeZone: string): string {
	const { published, drafts, embargoed, nextLift } = summary;
	const lift = nextLift
		? `; next embargo lifts ${new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(nextLift)}`
		: '';
	return `${published} published; held back: ${drafts} draft(s), ${embargoed} embargoed${lift}`;
}

type GlobOptions = Parameters<typeof glob>[0];
type ParseData = LoaderContext['parseData'];

/**
 * Astro's glob loader, plus a check that every `image()` field points at a file that exists: the build fails
 * naming the entry file, the field and the missing path. `prepare` may rewrite an entry's data before the schema.
 */
export function checkedGlob(
	options: GlobOptions,
	prepare?: (entry: Parameters<ParseData>[0]) => Promise<Record<string, unknown>>,
): Loader {
	const inner = glob(options);
	return {
		name: 'newsroom-glob',
		load: (context) => {
			// Astro keeps parsed entries between builds and re-parses only changed files; entries parsed by an older
			// schema (a newsroom upgrade adding a field) would be kept as they were, so a new schema starts afresh.
			if (context.meta.get(SCHEMA_KEY) !== SCHEMA_FINGERPRINT) {
				context.store.clear();
				context.meta.set(SCHEMA_KEY, SCHEMA_FINGERPRINT);
			}
			return inner.load({
				...context,
				parseData: (async (entry: Parameters<ParseData>[0]) => {
					const parsed = await context.parseData(prepare ? { ...entry, data: await prepare(entry) } : entry);
					const file = entry.filePath!;
					const missing = missingImages(parsed, file);
					if (missing.length > 0) {
						const root = context.config.root.pathname;
						throw new AstroError(
							`${relative(root, file)}: ${missing
								.map(
									({ field, src }) =>
										`**${field}**: image file "${src}" not found; expected a path relative to this file`,
								)
								.join('\n')}`,
							'Check the file name and folder of the image; paths are relative to the Markdown or YAML file.',
						);
					}
					return parsed;
				}) as ParseData,
			});
		},
	};
}

const SCHEMA_KEY = 'newsroom-schema';
/** The content schemas' source, hashed: what parsed entries depend on besides their own files. */
const SCHEMA_FINGERPRINT = createHash('sha256').update(schemasSource).digest('hex');

// How Astro's content layer marks an `image()` field in parsed data until the bundler resolves it.
const IMAGE_MARKER = '__ASTRO_IMAGE_';

/**
 * The `image()` fields of parsed entry data whose local file does not exist, as `field.path → written path`.
 * Astro only notices a missing image later, in the bundler, with an error naming neither the entry nor the field.
 */
function missingImages(data: unknown, entryFile: string, path: string[] = []): { field: string; src: string }[] {
	if (typeof data === 'string') {
		if (!data.startsWith(IMAGE_MARKER)) return [];
		const src = data.slice(IMAGE_MARKER.length);
		if (src.includes('://') || src.startsWith('/')) return [];
		return existsSync(resolve(dirname(entryFile), src)) ? [] : [{ field: path.join('.'), src }];
	}
	if (Array.isArray(data))
		return data.flatMap((item, index) => missingImages(item, entryFile, [...path, String(index)]));
	if (data && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype) {
		return Object.entries(data).flatMap(([key, value]) => missingImages(value, entryFile, [...path, key]));
	}
	return [];
}

/**
 * One YAML file as a one-entry collection, or an empty one when the file does not exist (a site without a breaking
 * banner): dates stay as written (YAML's core schema), for the schema to read in the site's time zone.
 */
export function singleFileLoader({ file, id }: { file: string; id: string }): Loader {
	return {
		name: 'newsroom-single-file',
		load: async ({ store, parseData, generateDigest, config, watcher }) => {
			const path = fileURLToPath(new URL(file, config.root));
			watcher?.add(path);
			store.clear();
			if (!existsSync(path)) {
				// No banner: an expired placeholder, so the collection is not empty (Astro warns on reading an empty one).
				store.set({ id: NO_ENTRY, data: { text: '', expires: new Date(0) } });
				return;
			}
			const text = await readFile(path, 'utf8');
			let data: unknown;
			try {
				data = yaml.load(text, { schema: yaml.CORE_SCHEMA }) ?? {};
			} catch (error) {
				throw new AstroError(`${file}: not valid YAML: ${(error as Error).message}`);
			}
			const parsed = await parseData({ id, data: data as Record<string, unknown>, filePath: path });
			// Astro's store takes a path relative to the project (`contentDir` may be an absolute path elsewhere).
			const filePath = relative(fileURLToPath(config.root), path).split(sep).join('/');
			store.set({ id, data: parsed, filePath, digest: generateDigest(text) });
		},
	};
}

/** The suffix of the folder beside a live blog's file that holds its entries: `election.md` → `election.live/`. */
export const LIVE_FOLDER = '.live';

/**
 * The entries of every live blog, one Markdown file each in `<article>.live/` beside the article (easy to add, and
 * two editors adding entries never touch the same file). An entry's id is its article's id, "/", and its file name
 * ("2026/01/election/0930"): the file name is the entry's anchor on the page, so it never changes. Dates reach the
 * schema as written, as articles' do.
 */
export function liveEntriesLoader({ base }: { base: string }): Loader {
	const inner = checkedGlob(
		{
			base,
			pattern: `**/*${LIVE_FOLDER}/*.md`,
			deferRender: false,
			generateId: ({ entry }) => {
				const at = entry.lastIndexOf(`${LIVE_FOLDER}/`);
				return `${entryId(entry.slice(0, at))}/${urlSegment(entry.slice(at + LIVE_FOLDER.length + 1).replace(/\.md$/i, ''))}`;
			},
		},
		async (entry) => rawFrontmatter(await readFile(entry.filePath!, 'utf8')) ?? entry.data,
	);
	return {
		name: 'newsroom-live-entries',
		load: async (context) => {
			// Most sites have no live blog: no entries is not worth the glob loader's warning.
			const logger = Object.assign(Object.create(context.logger), {
				warn: (message: string) => {
					if (!message.startsWith('No files found matching')) context.logger.warn(message);
				},
			});
			await inner.load({ ...context, logger });
			// No live blog: a placeholder, so the collection is not empty (Astro warns on reading an empty one).
			if (context.store.keys().length === 0) {
				context.store.set({ id: NO_ENTRY, data: { date: new Date(0), pinned: false } });
			}
		},
	};
}

