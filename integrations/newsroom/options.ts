import { z } from 'astro/zod';

/** A category of cookies the reader can consent to. */
const consentCategorySchema = z.strictObject({
	id: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'use lowercase letters, digits, "-" or "_"'),
	label: z.string().min(1),
	description: z.string().default(''),
	/** Always on (e.g. "necessary"): shown as a disabled, checked toggle. */
	required: z.boolean().default(false),
	/** Names of cookies to delete when the reader withdraws this category. */
	cookies: z.array(z.string()).default([]),
});

/** The options of `newsroom()`, as written in `astro.config.mjs`, with their defaults. */
export const newsroomOptionsSchema = z.strictObject({
	/** Publication name: feeds, JSON-LD publisher, Google News. */
	name: z.string().min(1),
	/** One-line description: home meta description and feed description. */
	description: z.string().default(''),
	/** BCP 47 locale for dates and `<html lang>`, e.g. "en-US". */
	locale: z
		.string()
		.default('en-US')
		.refine((value) => isLocale(value), { message: 'expected a BCP 47 locale such as "en-US"' }),
	/** IANA time zone every date is read and shown in, e.g. "Asia/Kuala_Lumpur". */
	timeZone: z
		.string()
		.default('UTC')
		.refine((value) => isTimeZone(value), { message: 'expected an IANA time zone such as "Asia/Kuala_Lumpur"' }),
	/**
	 * The build's "now": articles dated after it are embargoed. An ISO 8601 instant; defaults to
	 * SOURCE_DATE_EPOCH (reproducible builds) or the moment the build starts.
	 */
	now: z.iso.datetime({ offset: true }).optional(),
	/** Public path of the publication's logo (feeds, JSON-LD). */
	logo: z.string().startsWith('/').default('/logo.png'),
	recentPosts: z
		.strictObject({
			count: z.int().min(1).max(50).default(6),
			excerptWords: z.int().min(1).max(200).default(20),
			heading: z.string().min(1).default('Recent Posts'),
			readMoreLabel: z.string().min(1).default('Read More'),
			dateStyle: z.enum(['full', 'long', 'medium', 'short']).default('long'),
		})
		.prefault({}),
	feeds: z
		.strictObject({
			items: z.int().min(1).max(500).default(50),
			ttlMinutes: z.int().min(1).default(30),
		})
		.prefault({}),
	consent: z
		.strictObject({
			message: z.string().min(1).default('This website uses cookies.'),
			policyUrl: z.string().default('/privacy/'),
			readMoreLabel: z.string().min(1).default('Read More'),
			/** Bump to ask every reader again (e.g. after the policy changed). */
			revision: z.int().min(0).default(1),
			googleConsentMode: z.boolean().default(false),
			categories: z
				.array(consentCategorySchema)
				.min(1)
				.default([
					{ id: 'necessary', label: 'Necessary', description: 'Needed for the site to work. Always on.', required: true, cookies: [] },
					{ id: 'analytics', label: 'Analytics', description: 'Anonymous statistics that help us improve the site.', required: false, cookies: [] },
					{ id: 'marketing', label: 'Marketing', description: 'Personalised advertising and social media.', required: false, cookies: [] },
				]),
		})
		.prefault({}),
	newsSitemap: z
		.strictObject({
			/** Google News publication name; defaults to `name`. */
			publicationName: z.string().optional(),
			/** ISO 639 language code for Google News; defaults to the locale's language. */
			language: z.string().optional(),
		})
		.prefault({}),
});

export type NewsroomUserOptions = z.input<typeof newsroomOptionsSchema>;
export type NewsroomOptions = z.output<typeof newsroomOptionsSchema>;

function isLocale(value: string): boolean {
	try {
		return Intl.getCanonicalLocales(value).length === 1;
	} catch {
		return false;
	}
}

function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}
