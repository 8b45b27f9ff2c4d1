import { z } from 'astro/zod';
import { DATE_STYLES } from './core/dates.ts';
import { formatIssues, invalidOptions } from './core/errors.ts';

/** The Google Consent Mode types a consent category can grant. */
const googleConsentTypes = [
	'ad_storage',
	'ad_user_data',
	'ad_personalization',
	'analytics_storage',
	'functionality_storage',
	'personalization_storage',
	'security_storage',
] as const;

/** A category of cookies the reader can consent to. */
const consentCategorySchema = z
	.strictObject({
		id: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'use lowercase letters, digits, "-" or "_"'),
		label: z.string().min(1),
		description: z.string().default(''),
		/** Always on (e.g. "necessary"): shown as a disabled, checked toggle. */
		required: z.boolean().default(false),
		/**
		 * Cookies deleted while this category is refused or withdrawn; a trailing "*" matches a prefix ("_ga_*").
		 * Only cookies on path "/" can be deleted.
		 */
		cookies: z
			.array(z.string().regex(/^[\w.!#$%&'^`|~-]+\*?$/, 'expected a cookie name, optionally ending in "*"'))
			.default([]),
		/** Google Consent Mode types granted with this category (with `consent.googleConsentMode`). */
		googleConsent: z.array(z.enum(googleConsentTypes)).default([]),
		/** Refused whenever the browser sends Global Privacy Control (advertising, selling or sharing data). */
		refusedByGpc: z.boolean().default(false),
	})
	.refine((category) => !(category.required && category.refusedByGpc), {
		message: 'a required category cannot be refused by Global Privacy Control',
		path: ['refusedByGpc'],
	});

/** Where the CMS commits: the site's repository on GitHub or GitLab, and how editors sign in. */
const cmsBackendSchema = z.strictObject({
	/** `github` or `gitlab` (Decap CMS backends). */
	name: z.enum(['github', 'gitlab']),
	/** The repository, "owner/name" ("group/subgroup/name" on GitLab). */
	repo: z.string().regex(/^[\w.-]+(\/[\w.-]+)+$/, 'expected "owner/name", e.g. "asiapacific-daily/site"'),
	/** The branch the site is built from: editors' changes land there (through pull requests with `publishMode`). */
	branch: z.string().min(1).default('main'),
	/** The OAuth proxy that signs editors in to GitHub (e.g. a Decap/Netlify-style OAuth worker). */
	baseUrl: z.url({ protocol: /^https$/, error: 'expected the https URL of the OAuth proxy' }).optional(),
	/** The OAuth proxy's sign-in path, when not "auth". */
	authEndpoint: z.string().min(1).optional(),
	/** The API of a self-hosted GitHub Enterprise or GitLab, e.g. "https://gitlab.example.org/api/v4". */
	apiRoot: z.url({ protocol: /^https$/, error: 'expected an https URL' }).optional(),
	/** GitLab: "pkce" signs in with a GitLab OAuth application (`appId`) and needs no proxy. */
	authType: z.enum(['pkce', 'implicit']).optional(),
	/** GitLab: the OAuth application's ID, for `authType: "pkce"`. */
	appId: z.string().min(1).optional(),
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
	now: z.iso.datetime({ offset: true, error: 'expected an ISO 8601 instant, e.g. "2026-01-29T06:00:00Z"' }).optional(),
	/**
	 * Public path of the publication's logo (feeds, JSON-LD publisher, link previews of pages without an image):
	 * a file in `public/`, at least 112×112 px.
	 */
	logo: z.string().startsWith('/', 'expected a path in the public folder starting with "/", e.g. "/logo.png"').default('/logo.png'),
	/**
	 * The content folder, relative to the project root: `articles/`, `authors/` and `sections/` below it. Read by
	 * `defineNewsroomCollections()` in `src/content.config.ts`.
	 */
	contentDir: z.string().min(1).default('src/content'),
	/**
	 * A module (path from the project root) whose default export maps names to components for MDX articles, e.g.
	 * `export default { Factbox }`. Feeds render every article with it; pages should pass the same map to
	 * `<Content components>` (import it from `virtual:newsroom/mdx-components`).
	 */
	mdxComponents: z.string().min(1).optional(),
	recentPosts: z
		.strictObject({
			count: z.int().min(1).max(50).default(6),
			excerptWords: z.int().min(1).max(200).default(20),
			heading: z.string().min(1).default('Recent Posts'),
			readMoreLabel: z.string().min(1).default('Read More'),
			dateStyle: z.enum(DATE_STYLES).default('long'),
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
			/** The cookie policy: a site path (under the site's base path) or an absolute http(s) URL. */
			policyUrl: z
				.string()
				.regex(/^(\/|https?:\/\/)/, 'expected a site path starting with "/" or an http(s) URL')
				.default('/privacy/'),
			readMoreLabel: z.string().min(1).default('Read More'),
			/**
			 * Read by screen readers after `readMoreLabel` (visually hidden), so the link says where it goes:
			 * "Read More about cookies on this site".
			 */
			readMoreContext: z.string().default('about cookies on this site'),
			/** Bump to ask every reader again (e.g. after the policy changed). */
			revision: z.int().min(0).default(1),
			/** How long a choice is kept before the reader is asked again (at most 13 months). */
			maxAgeDays: z.int().min(1).max(395, 'expected at most 395 days (13 months)').default(180),
			/** Sends Google Consent Mode v2 `default` (all denied) and `update` commands to `dataLayer`. */
			googleConsentMode: z.boolean().default(false),
			labels: z
				.strictObject({
					/** The banner's accessible name. */
					region: z.string().min(1).default('Cookie consent'),
					acceptAll: z.string().min(1).default('Accept all'),
					rejectAll: z.string().min(1).default('Reject all'),
					settings: z.string().min(1).default('Settings'),
					/** The settings dialog's heading and the footer control's text. */
					settingsTitle: z.string().min(1).default('Cookie settings'),
					save: z.string().min(1).default('Save choices'),
					close: z.string().min(1).default('Close'),
					gpcNote: z.string().min(1).default('Off because your browser sends a Global Privacy Control signal.'),
				})
				.prefault({}),
			categories: z
				.array(consentCategorySchema)
				.min(1, 'expected at least one category, e.g. { id: "necessary", label: "Necessary", required: true }')
				.refine((categories) => new Set(categories.map((category) => category.id)).size === categories.length, {
					message: 'category ids must be unique',
				})
				.prefault([
					{
						id: 'necessary',
						label: 'Necessary',
						description: 'Needed for the site to work. Always on.',
						required: true,
					},
					{
						id: 'analytics',
						label: 'Analytics',
						description: 'Anonymous statistics that help us improve the site.',
						googleConsent: ['analytics_storage'],
					},
					{
						id: 'marketing',
						label: 'Marketing',
						description: 'Personalised advertising and social media.',
						googleConsent: ['ad_storage', 'ad_user_data', 'ad_personalization'],
						refusedByGpc: true,
					},
				]),
		})
		.prefault({}),
	newsSitemap: z
		.strictObject({
			/** Google News publication name (as registered in Publisher Center); defaults to `name`. */
			publicationName: z.string().trim().min(1).optional(),
			/** Google News language code; defaults to the locale's ("en-US" → "en", "zh-TW" → "zh-tw"). */
			language: z
				.string()
				.regex(/^([a-z]{2,3}|zh-cn|zh-tw)$/, 'expected an ISO 639 language code such as "en", or "zh-cn" / "zh-tw"')
				.optional(),
		})
		.prefault({}),
	/** The publication on social platforms: link previews and JSON-LD. */
	social: z
		.strictObject({
			/** The publication's X account for `twitter:site`, e.g. "@asiapacificdaily". */
			xAccount: z
				.string()
				.regex(/^@\w{1,15}$/, 'expected an X handle such as "@asiapacificdaily"')
				.optional(),
			/** The publication's profiles elsewhere (Wikipedia, social networks): JSON-LD `sameAs`. */
			sameAs: z.array(z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' })).default([]),
		})
		.prefault({}),
	/**
	 * The editors' desk: Decap CMS at `/admin/`, its configuration generated from the content schemas. Off unless
	 * given; needs the `decap-cms` and `decap-server` packages (docs/editing-in-the-browser.md).
	 */
	cms: z
		.strictObject({
			backend: cmsBackendSchema,
			/**
			 * `editorial_workflow`: every save is a branch and pull request, published by merging it (after CI);
			 * `simple`: every save is a commit to `backend.branch`.
			 */
			publishMode: z.enum(['editorial_workflow', 'simple']).default('editorial_workflow'),
			/** The folder (from the project root) uploaded images go to; files refer to it by relative paths. */
			mediaFolder: z
				.string()
				.min(1)
				.refine((value) => !value.startsWith('/') && !value.split('/').includes('..'), {
					message: 'expected a folder inside the project, relative to its root, e.g. "src/assets/images"',
				})
				.default('src/assets/images'),
			/** Stylesheets (from the project root) the preview renders an article with: the site's own look. */
			previewStylesheets: z.array(z.string().min(1)).default([]),
			/**
			 * The port of Decap's local backend (`decap-server`), which `astro dev` starts so the editor writes to the
			 * files on disk; `false` not to start it.
			 */
			localBackendPort: z.union([z.int().min(1024).max(65535), z.literal(false)]).default(8081),
		})
		.optional(),
});

export type NewsroomUserOptions = z.input<typeof newsroomOptionsSchema>;
export type NewsroomOptions = z.output<typeof newsroomOptionsSchema>;

/** Validates `newsroom()` options; a bad option throws an error naming it and what was expected. */
export function resolveOptions(input: NewsroomUserOptions | undefined): NewsroomOptions {
	const result = newsroomOptionsSchema.safeParse(input ?? {}, { reportInput: true });
	if (result.success) return result.data;
	throw invalidOptions(formatIssues(result.error.issues));
}

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
