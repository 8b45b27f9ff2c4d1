import { z } from 'astro/zod';
import { DATE_STYLES } from './core/dates.ts';
import { formatIssues, invalidOptions } from './core/errors.ts';
import { labelsSchema } from './core/labels.ts';

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

/** A cookie or Web Storage key a category sets, disclosed to readers and deleted while the category is refused. */
const storedItemSchema = z.strictObject({
	/** Its name; a trailing "*" matches a prefix ("_ga_*"). */
	name: z.string().regex(/^[\w.!#$%&'^`|~-]+\*?$/, 'expected a cookie or storage key name, optionally ending in "*"'),
	/** Who sets it: the publication, or a third party ("Google"). */
	provider: z.string().trim().min(1),
	/** Why, in the reader's words ("Counts visits and pages read"). */
	purpose: z.string().trim().min(1),
	/** How long it lives ("2 years", "Session"). */
	duration: z.string().trim().min(1),
	type: z.enum(['cookie', 'localStorage', 'sessionStorage']).default('cookie'),
	/** Cookies: the path it is set on; deletion covers it and "/". */
	path: z.string().startsWith('/', 'expected a path starting with "/"').default('/'),
	/** Cookies: the domain it is set for, when not the page's host alone (".example.com"). */
	domain: z
		.string()
		.regex(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'expected a domain such as ".example.com"')
		.optional(),
}, {
	error: (issue) =>
		issue.code === 'invalid_type'
			? 'expected { name, provider, purpose, duration }, e.g. { name: "_ga", provider: "Google", purpose: "Counts visits.", duration: "2 years" }'
			: undefined,
});

/** A category of cookies the reader can consent to. */
const consentCategorySchema = z
	.strictObject({
		id: z
			.string()
			.regex(/^[a-z][a-z0-9_-]*$/, 'use lowercase letters, digits, "-" or "_"')
			.refine((id) => id !== 'consent-mode', { message: '"consent-mode" is reserved for Google Consent Mode\'s advanced set-up' }),
		label: z.string().min(1),
		description: z.string().default(''),
		/** What readers allow with it, as a phrase for the banner's sentence ("audience measurement"); defaults to the label. */
		purpose: z.string().trim().min(1).optional(),
		/** Always on (e.g. "necessary"): shown as a disabled, checked toggle. */
		required: z.boolean().default(false),
		/** The cookies and storage keys it sets: disclosed in the dialog and on the privacy page, deleted while refused. */
		cookies: z.array(storedItemSchema).default([]),
		/** Google Consent Mode types granted with this category (with `consent.googleConsentMode`). */
		googleConsent: z.array(z.enum(googleConsentTypes)).default([]),
		/** Refused whenever the browser sends Global Privacy Control (advertising, selling or sharing data, analytics). */
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
	logo: z
		.string()
		.startsWith('/', 'expected a path in the public folder starting with "/", e.g. "/logo.png"')
		.default('/logo.png'),
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
	/**
	 * The words readers see (layouts, components, feeds' human parts), per key, defaulting to English
	 * (core/labels.ts `LABEL_DEFAULTS`; docs/configuration.md lists each). Recent Posts and the consent banner keep
	 * their own `recentPosts.heading`/`readMoreLabel` and `consent.labels`.
	 */
	labels: labelsSchema,
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
			/** A topic gets its own RSS feed from this many published articles. */
			tagMinimum: z.int().min(1).default(3),
		})
		.prefault({}),
	/**
	 * Live blogs tell a reader who has the page open that entries were added ("3 new updates", a button that
	 * reloads at the newest): a small island polls the blog's `updates.json` every `pollSeconds` while the tab is
	 * visible, on live blogs that are live only. Off by default (no script, no JSON); `true` polls every 30 seconds.
	 */
	liveUpdates: z
		.union(
			[
				z.boolean(),
				z.strictObject({
					/** Seconds between two polls; the CDN keeps a live blog's files 30 seconds (`_headers`). */
					pollSeconds: z
						.int('expected a whole number of seconds')
						.min(10, 'expected at least 10 seconds (the CDN keeps the file 30 seconds: faster polling only costs requests)')
						.max(600, 'expected at most 600 seconds (10 minutes)')
						.default(30),
				}),
			],
			{
				// Not an object: what may be given. An object: its field's own problem (zod cannot tell which form was meant
				// when both reject a value's type, as with `pollSeconds: 1.5`).
				error: (issue) => {
					if (typeof issue.input !== 'object' || issue.input === null) return 'expected true, false or { pollSeconds }, e.g. { pollSeconds: 30 }';
					const inner = (issue as { errors?: { path: PropertyKey[]; message: string }[][] }).errors?.at(-1)?.[0];
					return inner && `${inner.path.map(String).join('.')}: ${inner.message}`;
				},
			},
		)
		.default(false)
		.transform((value): false | { pollSeconds: number } => (value === true ? { pollSeconds: 30 } : value)),
	/** The Pagefind index of the article pages, for the site's `/search/` page. */
	search: z.boolean().default(true),
	consent: z
		.strictObject({
			/** The site's own short notice, the first words of the banner (its purposes and third parties follow). */
			message: z.string().min(1).default('This website uses cookies.'),
			/** The cookie policy: a site path (under the site's base path) or an absolute http(s) URL. */
			policyUrl: z
				.string()
				.regex(/^(\/|https?:\/\/)/, 'expected a site path starting with "/" or an http(s) URL')
				.default('/privacy/'),
			/**
			 * How readers reach the publication's data-protection contact, shown on the privacy page: an e-mail address
			 * or an http(s) URL (a contact page). Required: a policy without a contact is not one.
			 */
			contact: z
				.string({
					error: (issue) =>
						issue.input === undefined
							? 'required: how readers reach your data-protection contact, e.g. "privacy@example.com" or "https://example.com/contact/"'
							: 'expected text',
				})
				.trim()
				.regex(/^([^\s@]+@[^\s@]+\.[^\s@]+|https?:\/\/\S+)$/, 'expected an e-mail address or an http(s) URL'),
			readMoreLabel: z.string().min(1).default('Read More'),
			/**
			 * Read by screen readers after `readMoreLabel` (visually hidden), so the link says where it goes:
			 * "Read More about cookies on this site".
			 */
			readMoreContext: z.string().default('about cookies on this site'),
			/**
			 * Bump to ask every reader again (e.g. after the policy changed). A change to the categories or the cookies
			 * they declare asks again by itself.
			 */
			revision: z.int().min(0).default(1),
			/** How long a choice is kept before the reader is asked again (at most 13 months). */
			maxAgeDays: z.int().min(1).max(395, 'expected at most 395 days (13 months)').default(180),
			/**
			 * Google Consent Mode v2: `'basic'` sends `default` (all denied) and `update` commands to `dataLayer`, and
			 * Google tags are gated by their categories like any other; `'advanced'` also runs the scripts gated
			 * `data-consent="consent-mode"` before any choice (cookieless pings), disclosed on the privacy page;
			 * `false` sends nothing.
			 */
			googleConsentMode: z
				.union([z.literal(false), z.enum(['basic', 'advanced'])], {
					error: 'expected "basic", "advanced" or false',
				})
				.default('basic'),
			/**
			 * The site's consent log: a site path or https URL that receives each new decision (consent id, time,
			 * revision, categories, whether GPC applied) by `navigator.sendBeacon`. No IP, no other identifier.
			 */
			logEndpoint: z
				.string()
				.regex(/^(\/|https:\/\/)/, 'expected a site path starting with "/" or an https URL')
				.optional(),
			/**
			 * The tags that run only with consent, on every page, in this order (analytics, advertising): the consent
			 * island activates each once its categories are granted, and their hashes (inline `code`) and hosts (`src`)
			 * are added to the Content-Security-Policy, so they run under it.
			 */
			scripts: z
				.array(
					z
						.strictObject({
							/** The consent category it needs; several, space-separated, must all be granted. */
							category: z.string().regex(/^[a-z][a-z0-9_-]*( [a-z][a-z0-9_-]*)*$/, 'expected category ids, e.g. "analytics"'),
							/** The script's address: a site path or an https URL. */
							src: z.string().regex(/^(\/|https:\/\/)/, 'expected a site path starting with "/" or an https URL').optional(),
							/** Inline code, instead of `src`. */
							code: z
								.string()
								.min(1)
								.refine((code) => !/<\/script/i.test(code), { message: 'must not contain "</script"' })
								.optional(),
							/** The live script's type, e.g. "module". */
							type: z.string().min(1).optional(),
							/** Subresource Integrity of `src`. */
							integrity: z.string().regex(/^(sha256|sha384|sha512)-[A-Za-z0-9+/=]+$/, 'expected an integrity hash such as "sha384-…"').optional(),
							crossorigin: z.enum(['anonymous', 'use-credentials']).optional(),
						})
						.refine((script) => (script.src === undefined) !== (script.code === undefined), {
							message: 'give either src or code',
						}),
				)
				.default([]),
			labels: z
				.strictObject({
					/** The banner's accessible name. */
					region: z.string().min(1).default('Cookie consent'),
					/** After `message`: what the categories are for ({purposes}: their purposes as a list). */
					purposes: z.string().min(1).default('With your consent we also use them for {purposes}.'),
					/** After the purposes: who else sets cookies ({providers}: the third parties as a list). */
					thirdParties: z.string().min(1).default('Third parties involved: {providers}.'),
					acceptAll: z.string().min(1).default('Accept all'),
					rejectAll: z.string().min(1).default('Reject all'),
					settings: z.string().min(1).default('Settings'),
					/** The settings dialog's heading and the footer control's text. */
					settingsTitle: z.string().min(1).default('Cookie settings'),
					save: z.string().min(1).default('Save choices'),
					close: z.string().min(1).default('Close'),
					/** Shown briefly after a choice is stored. */
					saved: z.string().min(1).default('Your choice is saved. Change it any time under “Cookie settings”.'),
					gpcNote: z.string().min(1).default('Off because your browser sends a Global Privacy Control signal.'),
					/** Shown in the banner and beside the footer's cookie settings while Global Privacy Control is honoured. */
					gpcHonored: z.string().min(1).default('Opt-out preference signal honored'),
					/** The summary that opens a category's table of cookies in the dialog. */
					cookiesInCategory: z.string().min(1).default('Cookies and storage'),
					cookieName: z.string().min(1).default('Name'),
					cookieProvider: z.string().min(1).default('Provider'),
					cookiePurpose: z.string().min(1).default('Purpose'),
					cookieDuration: z.string().min(1).default('Duration'),
					/** A category that stores nothing. */
					noCookies: z.string().min(1).default('Nothing stored.'),
					alwaysOn: z.string().min(1).default('Always on'),
					/** What the consent cookie is for, in its disclosure row. */
					consentCookiePurpose: z.string().min(1).default('Remembers your cookie choices.'),
					/** A duration in days ({days}). */
					days: z.string().min(1).default('{days} days'),
					/** The footer link to the policy page. */
					policyLink: z.string().min(1).default('Privacy & cookie policy'),
					/** Privacy page: the GPC statement. */
					gpcStatement: z
						.string()
						.min(1)
						.default(
							'If your browser sends a Global Privacy Control signal, we honour it as your refusal of the categories marked below, and do not ask you to change it.',
						),
					/** Privacy page: under a category refused by Global Privacy Control. */
					refusedByGpc: z.string().min(1).default('Refused while your browser sends Global Privacy Control.'),
					/** Privacy page: Google Consent Mode's advanced set-up. */
					consentModeAdvanced: z
						.string()
						.min(1)
						.default(
							'This site uses Google Consent Mode (advanced): Google tags load before you choose and, until you consent, send Google cookieless signals (such as the page and the time of the visit) without reading or setting cookies.',
						),
					/** Privacy page: how to change a choice. */
					changeChoice: z
						.string()
						.min(1)
						.default('Use “Cookie settings” at the bottom of any page to change or withdraw your consent at any time.'),
					/** Privacy page: before the contact. */
					contactIntro: z.string().min(1).default('Questions about this policy:'),
					/** Embeds: the placeholder's text ({provider}, {category}). */
					embedNotice: z
						.string()
						.min(1)
						.default('This content is hosted by {provider}. Loading it lets {provider} set cookies ({category}).'),
					/** Embeds: the button that allows the category and loads the content ({provider}, {category}). */
					embedLoad: z.string().min(1).default('Allow {category} and load'),
					/** Embeds: the link to the content on its own site ({provider}). */
					embedOpen: z.string().min(1).default('Open on {provider}'),
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
						description: 'Statistics on how the site is read, to improve it.',
						purpose: 'audience measurement',
						googleConsent: ['analytics_storage'],
						refusedByGpc: true,
					},
					{
						id: 'marketing',
						label: 'Marketing',
						description: 'Personalised advertising, and content from social networks and video platforms.',
						purpose: 'personalised advertising',
						googleConsent: ['ad_storage', 'ad_user_data', 'ad_personalization'],
						refusedByGpc: true,
					},
				]),
		})
		// Left out, `consent` is read as `{}`, so the error names the one field every site must give: `contact`.
		.prefault({} as { contact: string }),
	/** Safe by default: the article HTML policy, the Content-Security-Policy and the security headers. */
	security: z
		.strictObject({
			/**
			 * `'sanitize'`: raw HTML in article bodies is held to the article HTML policy (docs/features.md, Security).
			 * `'trusted'`: bodies are published as written, scripts included; only for sites whose every author is trusted.
			 */
			bodyHtml: z.enum(['sanitize', 'trusted']).default('sanitize'),
			/**
			 * The hosts whose iframes articles and `<ConsentEmbed>` may show (https only), each behind consent: who
			 * readers know it as and the consent category it needs. They make the policy's `frame-src`.
			 */
			embeds: z
				.array(
					z.strictObject({
						host: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i, 'expected a host name such as "player.vimeo.com" (with ":port" if not 443)'),
						provider: z.string().trim().min(1),
						category: z.string().default('marketing'),
					}),
				)
				.default([
					{ host: 'www.youtube-nocookie.com', provider: 'YouTube', category: 'marketing' },
					{ host: 'player.vimeo.com', provider: 'Vimeo', category: 'marketing' },
					{ host: 'datawrapper.dwcdn.net', provider: 'Datawrapper', category: 'marketing' },
					{ host: 'flo.uri.sh', provider: 'Flourish', category: 'marketing' },
				]),
			/** Who may show the site's pages in a frame (`frame-ancestors`): `'none'`, `'self'` or https origins. */
			frameAncestors: z
				.array(z.string().regex(/^('none'|'self'|https:\/\/[a-z0-9.-]+(:\d+)?)$/i, `expected 'none', 'self' or an https origin`))
				.min(1)
				.refine((sources) => !sources.includes("'none'") || sources.length === 1, { message: `'none' cannot be combined with other sources` })
				.default(["'none'"]),
			/** Hosts beyond the site that consent-gated scripts load from (`script-src`), e.g. "https://www.googletagmanager.com". */
			scriptHosts: z
				.array(z.string().regex(/^https:\/\/[a-z0-9.-]+(:\d+)?$/i, 'expected an https origin such as "https://www.googletagmanager.com"'))
				.default([]),
			/** Where browsers report policy violations (`report-uri`, `report-to`): an https URL you run. */
			reportUri: z.url({ protocol: /^https$/, error: 'expected an https URL' }).optional(),
			/**
			 * Strict-Transport-Security, opt-in because it is sticky: once a browser has seen it, it refuses plain
			 * http for the site (and, with `includeSubDomains`, every subdomain) until `maxAge` runs out.
			 */
			hsts: z
				.union([
					z.literal(false),
					z.strictObject({
						maxAge: z.int().min(0).default(63_072_000),
						includeSubDomains: z.boolean().default(false),
						preload: z.boolean().default(false),
					}),
				])
				.default(false),
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
	/** Redirects written to `_redirects` (Netlify, Cloudflare Pages) besides every article's `aliases:`. */
	redirects: z
		.strictObject({
			/**
			 * WordPress's archive URLs redirect to their new pages: `/category/<id>/` to the section, `/tag/<slug>/`
			 * to the tag, `/author/<id>/` to the author, `/feed/` and `/category/<id>/feed/` to the RSS feeds. For a
			 * site moved from WordPress with `newsroom import wordpress`, whose ids are WordPress's slugs.
			 */
			wordpressArchives: z.boolean().default(false),
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
	if (!result.success) throw invalidOptions(formatIssues(result.error.issues));
	// The embed hosts a site gives must name its consent categories (the defaults name "marketing": a site without
	// it gets an error where an embed of theirs is used).
	const categories = result.data.consent.categories.map((category) => category.id);
	const unknown: string[] = input?.security?.embeds
		? result.data.security.embeds.flatMap((embed, index) =>
				categories.includes(embed.category)
					? []
					: [`**security.embeds.${index}.category**: "${embed.category}" is not a consent category (expected one of ${categories.map((id) => `"${id}"`).join(', ')})`],
			)
		: [];
	result.data.consent.scripts.forEach((script, index) => {
		for (const id of script.category.split(' ')) {
			if (!categories.includes(id) && id !== 'consent-mode') {
				unknown.push(`**consent.scripts.${index}.category**: "${id}" is not a consent category (expected one of ${categories.map((c) => `"${c}"`).join(', ')}, or "consent-mode")`);
			}
		}
	});
	if (unknown.length > 0) throw invalidOptions(unknown.join('\n'));
	return result.data;
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
