import { z } from 'astro/zod';
import { InvalidDateError, parseZonedDate } from '../lib/zoned-date.ts';

/**
 * A frontmatter date: an instant with an offset, or wall-clock time in the site's time zone.
 * Rejects impossible dates rather than rolling them over as `z.coerce.date()` would.
 */
export function zonedDate(timeZone: string) {
	return z.union([z.string(), z.date()]).transform((value, ctx) => {
		if (value instanceof Date) return value;
		try {
			return parseZonedDate(value, timeZone);
		} catch (error) {
			if (!(error instanceof InvalidDateError)) throw error;
			ctx.issues.push({ code: 'custom', message: error.message, input: value });
			return z.NEVER;
		}
	});
}

const nonEmpty = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

interface ArticleSchemaContext<Image extends z.ZodType, AuthorRef extends z.ZodType, SectionRef extends z.ZodType> {
	/** `image` from Astro's schema context: checks the file exists and processes it. */
	image: () => Image;
	/** `reference('authors')` from `astro:content`. */
	author: AuthorRef;
	/** `reference('sections')` from `astro:content`. */
	section: SectionRef;
	/** The site's IANA time zone: dates without an offset are read in it. */
	timeZone: string;
}

/** The article frontmatter. Strict: a misspelt key (`titel:`) is an error, not a silently ignored field. */
export function articleSchema<Image extends z.ZodType, AuthorRef extends z.ZodType, SectionRef extends z.ZodType>({
	image,
	author,
	section,
	timeZone,
}: ArticleSchemaContext<Image, AuthorRef, SectionRef>) {
	const date = zonedDate(timeZone);
	return z
		.strictObject({
			title: nonEmpty('title').max(200, 'title must be at most 200 characters'),
			/** The dek: a one- or two-sentence summary shown under the headline, in lists and feeds. */
			description: nonEmpty('description').optional(),
			pubDate: date,
			updatedDate: date.optional(),
			authors: z.array(author).min(1, 'list at least one author id'),
			section,
			tags: z.array(nonEmpty('a tag')).default([]),
			hero: z
				.strictObject({
					image: image(),
					alt: nonEmpty('hero.alt (describe the image for readers who cannot see it)'),
					caption: nonEmpty('hero.caption').optional(),
					credit: nonEmpty('hero.credit').optional(),
				})
				.optional(),
			/** Where the story was filed from, e.g. "XI'AN, China". */
			dateline: nonEmpty('dateline').optional(),
			draft: z.boolean().default(false),
			corrections: z.array(z.strictObject({ date, text: nonEmpty('correction text') })).default([]),
			/** Absolute URL when the article first ran elsewhere. */
			canonical: z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' }).optional(),
		})
		.superRefine((article, ctx) => {
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
	return z.strictObject({
		name: nonEmpty('name'),
		role: nonEmpty('role').optional(),
		bio: nonEmpty('bio'),
		avatar: image().optional(),
		links: z.array(z.strictObject({ label: nonEmpty('link label'), url: z.url() })).default([]),
	});
}

/** A section of the paper (e.g. `src/content/sections/world.yaml`). */
export const sectionSchema = z.strictObject({
	name: nonEmpty('name'),
	description: nonEmpty('description'),
	/** Position in the navigation, lowest first. */
	order: z.int().default(100),
});

export { articlesLoader } from './loader.ts';
