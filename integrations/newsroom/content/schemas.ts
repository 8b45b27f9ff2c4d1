import { z } from 'astro/zod';
import { InvalidDateError, parseZonedDate } from '../core/dates.ts';

/**
 * Every schema `zonedDate()` made: a zoned date is a string in zod's eyes, so tools that read the schemas (the CMS
 * configuration, cms/schema-fields.ts) recognise one here rather than by its shape.
 */
export const zonedDates = new WeakSet<z.ZodType>();

/**
 * A frontmatter date: an instant with an offset, or wall-clock time in the site's time zone.
 * Rejects impossible dates rather than rolling them over as `z.coerce.date()` would.
 */
export function zonedDate(timeZone: string) {
	const error = (issue: { input?: unknown }) =>
		issue.input === undefined
			? 'required: a date like 2026-01-28 or 2026-01-28 09:30'
			: 'expected a date like 2026-01-28 or 2026-01-28 09:30';
	const schema = z.union([z.string(), z.date()], { error }).transform((value, ctx) => {
		if (value instanceof Date) return value;
		try {
			return parseZonedDate(value, timeZone);
		} catch (error) {
			if (!(error instanceof InvalidDateError)) throw error;
			ctx.issues.push({ code: 'custom', message: error.message, input: value });
			return z.NEVER;
		}
	});
	zonedDates.add(schema);
	return schema;
}

/** What kind of story an article is: readers see its label, search engines its schema.org type. */
export const STORY_KINDS = ['news', 'analysis', 'opinion', 'review', 'sponsored'] as const;
export type StoryKind = (typeof STORY_KINDS)[number];

/** zod's `error` option: "required: …" when the field is missing, "expected …" when it has the wrong type. */
const expecting = (what: string) => (issue: { input?: unknown }) =>
	issue.input === undefined ? `required: ${what}` : `expected ${what}`;

const nonEmpty = (what: string) =>
	z
		.string({ error: expecting('text') })
		.trim()
		.min(1, `${what} must not be empty`);

/**
 * Like `z.strictObject`, but each unknown key is reported at its own path with the closest known field, so a
 * journalist reads "**titel**: unknown field; did you mean "title"?" rather than a list at the root.
 */
function strictFields<Shape extends z.ZodRawShape>(shape: Shape) {
	const known = Object.keys(shape);
	return z.looseObject(shape).superRefine(
		(value, ctx) => {
			for (const key of Object.keys(value)) {
				if (known.includes(key)) continue;
				const guess = closest(key, known);
				ctx.addIssue({
					code: 'custom',
					path: [key],
					message: `unknown field${guess ? `; did you mean "${guess}"?` : ''} (allowed: ${known.join(', ')})`,
				});
			}
		},
		// Report unknown keys even when other fields failed: a misspelt key is often why a field is "required".
		{ when: (payload) => typeof payload.value === 'object' && payload.value !== null },
	) as unknown as z.ZodObject<Shape, z.core.$strict>;
}

/** The known name nearest to a misspelt one (case-insensitive edit distance ≤ 2), if any. */
function closest(name: string, known: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = 3;
	for (const candidate of known) {
		const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
		if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
	}
	return best;
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length]!;
}

/**
 * An old site path, as a reader's browser asked for it: starts with "/", no query string or fragment (a static host
 * cannot redirect on them), no "." or ".." segment, no spaces, and not the home page or a build folder ("/_astro/").
 */
export function aliasPath() {
	return z.string({ error: expecting('an old site path starting with "/"') }).superRefine((path, ctx) => {
		const problem = aliasProblem(path);
		if (problem) ctx.addIssue({ code: 'custom', message: `"${path}": ${problem}` });
	});
}

/** Why a string is not a usable alias path, or `undefined`. */
export function aliasProblem(path: string): string | undefined {
	if (!path.startsWith('/')) return 'expected a site path starting with "/", e.g. /2019/05/old-story/';
	if (path.startsWith('//')) return 'expected a path on this site, not a URL starting with "//"';
	if (path === '/') return 'the home page cannot be an alias';
	if (/[?#]/.test(path)) return 'a query string or fragment cannot be redirected by a static host; give the path only';
	if (/\s/.test(path)) return 'spaces are not allowed; write the path as the browser shows it, e.g. with "-"';
	if (/(^|\/)\.{1,2}(\/|$)/.test(path)) return '"." and ".." segments are not allowed';
	if (/\/\/|\*|:/.test(path)) return '"//", "*" and ":" are not allowed (they mean patterns to the host)';
	if (/^\/_/.test(path)) return 'paths starting with "/_" belong to the build (/_astro/, /_newsroom/)';
	return undefined;
}

interface ArticleSchemaContext<
	Image extends z.ZodType,
	AuthorRef extends z.ZodType<unknown, string>,
	SectionRef extends z.ZodType<unknown, string>,
> {
	/** `image` from Astro's schema context: checks the file exists and processes it. */
	image: () => Image;
	/** `reference('authors')` from `astro:content`. */
	author: AuthorRef;
	/** `reference('sections')` from `astro:content`. */
	section: SectionRef;
	/** The site's IANA time zone: dates without an offset are read in it. */
	timeZone: string;
}

/** The article fields that do not depend on the entry: built once per (author, section, time zone). */
function articleFields<AuthorRef extends z.ZodType<unknown, string>, SectionRef extends z.ZodType<unknown, string>>(
	author: AuthorRef,
	section: SectionRef,
	timeZone: string,
) {
	const date = zonedDate(timeZone);
	return {
		title: nonEmpty('title').max(200, 'title must be at most 200 characters'),
		/** The dek: a one- or two-sentence summary shown under the headline, in lists and feeds. */
		description: nonEmpty('description').optional(),
		pubDate: date,
		updatedDate: date.optional(),
		authors: z
			.array(z.string({ error: expecting('an author id') }).pipe(author), {
				error: expecting('a list of author ids, e.g. [ap-journalist]'),
			})
			.min(1, 'list at least one author id'),
		section: z.string({ error: expecting('a section id, e.g. world') }).pipe(section),
		tags: z.array(nonEmpty('a tag')).default([]),
		/** Where the story was filed from, e.g. "XI'AN, China". */
		dateline: nonEmpty('dateline').optional(),
		draft: z.boolean().default(false),
		/**
		 * A live blog: `live` while it is updated (short CDN caching, `LiveBlogPosting`), `ended` once coverage stops
		 * (`endedAt`: when; else the newest entry's time). Its entries are files in `<article>.live/` beside it.
		 */
		live: strictFields({
			status: z.enum(['live', 'ended'], { error: 'expected live or ended' }),
			endedAt: date.optional(),
		}).optional(),
		/** News (the default), analysis, opinion, a review, or sponsored (paid) content: a visible label and its JSON-LD type. */
		kind: z.enum(STORY_KINDS, { error: `expected one of ${STORY_KINDS.join(', ')}` }).default('news'),
		corrections: z.array(strictFields({ date, text: nonEmpty('correction text') })).default([]),
		/** Absolute URL when the article first ran elsewhere. */
		canonical: z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' }).optional(),
		/** Old paths of this article on this site (a renamed file, a WordPress permalink): each redirects here. */
		aliases: z
			.array(aliasPath(), { error: expecting('a list of old site paths, e.g. [/2019/05/old-story/]') })
			.default([])
			.superRefine((aliases, ctx) => {
				const seen = new Set<string>();
				aliases.forEach((alias, index) => {
					if (seen.has(alias)) ctx.addIssue({ code: 'custom', path: [index], message: `"${alias}" is listed twice` });
					seen.add(alias);
				});
			}),
	};
}

// Astro calls a collection's schema function once per entry (its `image()` knows the entry's folder), and zod
// schemas are costly to build: only the hero, which needs `image()`, is built per entry (a third of the time
// of a 10 000-article sync otherwise).
const fieldsCache = new WeakMap<object, WeakMap<object, Map<string, ReturnType<typeof articleFields>>>>();

function cachedArticleFields<
	AuthorRef extends z.ZodType<unknown, string>,
	SectionRef extends z.ZodType<unknown, string>,
>(author: AuthorRef, section: SectionRef, timeZone: string) {
	let bySection = fieldsCache.get(author);
	if (!bySection) fieldsCache.set(author, (bySection = new WeakMap()));
	let byZone = bySection.get(section);
	if (!byZone) bySection.set(section, (byZone = new Map()));
	let fields = byZone.get(timeZone);
	if (!fields) byZone.set(timeZone, (fields = articleFields(author, section, timeZone)));
	return fields as ReturnType<typeof articleFields<AuthorRef, SectionRef>>;
}

let heroTextFields:
	{ alt: z.ZodString; caption: z.ZodOptional<z.ZodString>; credit: z.ZodOptional<z.ZodString> } | undefined;

/** The hero's text fields, built once (only its `image()` differs per entry). */
function heroText() {
	heroTextFields ??= {
		alt: nonEmpty('hero.alt (describe the image for readers who cannot see it)'),
		caption: nonEmpty('hero.caption').optional(),
		credit: nonEmpty('hero.credit').optional(),
	};
	return heroTextFields;
}

/**
 * The article frontmatter. Strict: a misspelt key (`titel:`) is an error, not a silently ignored field.
 * Pass `author` and `section` references created once (outside the schema function) so they can be reused.
 */
export function articleSchema<
	Image extends z.ZodType,
	AuthorRef extends z.ZodType<unknown, string>,
	SectionRef extends z.ZodType<unknown, string>,
>({ image, author, section, timeZone }: ArticleSchemaContext<Image, AuthorRef, SectionRef>) {
	return strictFields({
		...cachedArticleFields(author, section, timeZone),
		hero: strictFields({ image: image(), ...heroText() }).optional(),
	}).superRefine((article, ctx) => {
		if (article.updatedDate && article.updatedDate < article.pubDate) {
			ctx.addIssue({
				code: 'custom',
				path: ['updatedDate'],
				message: `updatedDate (${article.updatedDate.toISOString()}) is before pubDate (${article.pubDate.toISOString()})`,
			});
		}
	});
}

/** An author (e.g. `src/content/authors/ap-journalist.yaml`). */
export function authorSchema<Image extends z.ZodType>({ image }: { image: () => Image }) {
	return strictFields({
		name: nonEmpty('name'),
		role: nonEmpty('role').optional(),
		/** Optional: an author imported from WordPress has none until an editor writes it. */
		bio: nonEmpty('bio').optional(),
		avatar: image().optional(),
		links: z.array(strictFields({ label: nonEmpty('link label'), url: z.url() })).default([]),
	});
}

/**
 * The breaking-news banner (`<contentDir>/breaking.yaml`): shown on every page of builds before `expires`, gone
 * from the first build after it.
 */
export function breakingSchema(timeZone: string) {
	return strictFields({
		/** One line, e.g. "Polls have closed in Sabah: follow the count live". */
		text: nonEmpty('text').max(200, 'text must be at most 200 characters (one line)'),
		/** Where it leads: a site path or an http(s) URL. */
		link: z
			.string({ error: expecting('a site path starting with "/" or an http(s) URL') })
			.regex(/^(\/|https?:\/\/)/, 'expected a site path starting with "/" or an http(s) URL')
			.optional(),
		/** When it stops being shown (the first build after this leaves it out). */
		expires: zonedDate(timeZone),
	});
}

/** One entry of a live blog (`<article>.live/<name>.md`): the time, optionally a headline and authors, a pin. */
export function liveEntrySchema<AuthorRef extends z.ZodType<unknown, string>>({ author, timeZone }: { author: AuthorRef; timeZone: string }) {
	return strictFields({
		/** When it was posted: entries show newest first (a pinned one before them all). */
		date: zonedDate(timeZone),
		headline: nonEmpty('headline').max(200, 'headline must be at most 200 characters').optional(),
		/** Who wrote it; defaults to the article's authors. */
		authors: z.array(z.string({ error: expecting('an author id') }).pipe(author)).optional(),
		/** Shown first, above the newest (one key update readers should see first). */
		pinned: z.boolean().default(false),
	});
}

/** A section of the paper (e.g. `src/content/sections/world.yaml`). */
export const sectionSchema = strictFields({
	name: nonEmpty('name'),
	/** Optional: a section front without one is described as "Articles in <name>." */
	description: nonEmpty('description').optional(),
	/** Position in the navigation, lowest first. */
	order: z.int().default(100),
});
