import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';

/**
 * Every word readers see that is not content: the layouts', the components', the feeds' human parts and the
 * JSON-LD's. English defaults, one line per key: adding a key here adds it to the `labels` option (validated,
 * documented in docs/configuration.md) and to `virtual:newsroom/labels`, where page code reads it. `{name}` marks a
 * value filled in by the page. A plural label is an object of `Intl.PluralRules` categories (`other` required).
 */
export const LABEL_DEFAULTS = {
	// Every page
	skipToContent: 'Skip to content',
	sectionsNav: 'Sections',
	/** The footer's copyright line ({year}, {name}). */
	copyright: '© {year} {name}.',
	/** A sentence after the copyright line (empty: none). */
	footerNote: '',
	// Home
	homeHeading: '{name}: latest news',
	leadStory: 'Lead story',
	latest: 'Latest',
	// Lists
	pageTitle: '{title} (page {page})',
	paginationNav: 'Pages',
	newer: '← Newer',
	older: 'Older →',
	pageOf: 'Page {page} of {pages}',
	noArticles: 'No published articles yet.',
	sectionDescription: 'Articles in {section}.',
	authorDescription: 'Articles by {author}.',
	authorArticles: 'Articles by {author}',
	tagHeading: 'Topic: {tag}',
	tagDescription: 'Articles about {tag}.',
	/** A section's or author's feed, as browsers list it ({name}). */
	feedLinkTitle: '{name}: articles',
	// Articles
	byline: 'By {authors}',
	published: 'Published',
	updated: 'Updated',
	corrections: 'Corrections',
	topics: 'Topics:',
	aboutAuthor: 'About {name}',
	// Story kinds: the visible label on cards and pages (news has none unless given)
	kindNews: '',
	kindAnalysis: 'Analysis',
	kindOpinion: 'Opinion',
	kindReview: 'Review',
	kindSponsored: 'Sponsored',
	/** Near the headline of sponsored content. */
	sponsoredDisclosure: 'Paid content: produced for an advertiser, not by our newsroom.',
	// Breaking news
	breaking: 'Breaking',
	// Live blogs
	live: 'Live',
	liveEnded: 'Live coverage has ended',
	pinned: 'Pinned',
	updateLink: 'Link to this update',
	liveUpdates: { one: '{count} update', other: '{count} updates' },
	/** The live-updates notice on an open live blog (the `liveUpdates` option): how many entries were added since. */
	newUpdates: { one: '{count} new update', other: '{count} new updates' },
	/** Its button, which reloads the page at the newest entry. */
	showUpdates: 'Show',
	// Other pages
	notFoundTitle: 'Page not found',
	notFoundDescription: 'The page you asked for does not exist.',
	/** {home}: a link to the home page, with the text of `homePage`. */
	notFoundText: 'The page may have moved, or the address may be mistyped. Try the {home}.',
	homePage: 'home page',
	privacyTitle: 'Privacy and cookie policy',
	privacyDescription: 'How {name} uses cookies and personal data.',
	privacyIntro:
		'{name} sets no cookies and stores nothing on your device until you choose, except what the site needs to work. When you choose, we store that choice (which categories you allowed, the policy revision, the time and a random id that identifies the decision, not you) so we do not ask again.',
	cookiesWeUse: 'Cookies we use',
	/** The fallback page at an article's old address. */
	movedTitle: 'This page has moved',
	/** {link}: the new address. */
	movedText: 'It is now at {link}.',
	// Feeds
	/** Above a feed opened in a browser (feed.css). */
	feedNote:
		'This is a web feed: copy its address from the address bar into a feed reader to follow the site. The site’s feeds page lists every feed.',
	feedsPage: 'Feeds',
	feedsAbout:
		'A feed lists the newest articles in a form feed readers understand: copy a feed’s address into your feed reader (or a news app that follows sites) and new articles come to you, with no account or e-mail address.',
	feedsSite: 'The whole site',
	// Search
	search: 'Search',
	searchLabel: 'Search articles',
	searchHeading: 'Search',
	searchPlaceholder: 'Words to find',
	searchNeedsScript: 'Searching needs JavaScript. Browse the topics, authors and sections instead:',
	searchAnySection: 'Any section',
	searchAnyAuthor: 'Any author',
	searchAnyYear: 'Any year',
	searchSection: 'Section',
	searchAuthor: 'Author',
	searchYear: 'Year',
	searchSort: 'Sort by',
	searchSortRelevance: 'Relevance',
	searchSortNewest: 'Newest first',
	searchLoading: 'Searching…',
	searchNoResults: 'No articles match.',
	searchResults: { one: '{count} article found', other: '{count} articles found' },
	// Indexes and reader comforts
	related: 'Related coverage',
	topicsIndex: 'Topics',
	authorsIndex: 'Authors',
	sectionsIndex: 'Sections',
	topicsIndexDescription: 'Every topic {name} covers.',
	authorsIndexDescription: 'The journalists of {name}.',
	sectionsIndexDescription: 'The sections of {name}.',
	articleCount: { one: '{count} article', other: '{count} articles' },
	minRead: { one: '{count} min read', other: '{count} min read' },
	share: 'Share this article',
	/** {network}: X, Facebook, LinkedIn, WhatsApp, LINE. */
	shareOn: 'Share on {network}',
	shareByEmail: 'Share by email',
	/** The e-mail share link's text. */
	email: 'Email',
} satisfies Record<string, string | PluralLabel>;

/** A label that depends on a count: text per `Intl.PluralRules` category. */
export type PluralLabel = { [Form in Intl.LDMLPluralRule]?: string | undefined } & { other: string };

type Defaults = typeof LABEL_DEFAULTS;
export type LabelKey = keyof Defaults;
export type TextLabelKey = { [K in LabelKey]: Defaults[K] extends string ? K : never }[LabelKey];
export type PluralLabelKey = Exclude<LabelKey, TextLabelKey>;
/** The labels of a site, every key given. */
export type Labels = { [K in LabelKey]: Defaults[K] extends string ? string : PluralLabel };

const pluralSchema = z.strictObject({
	zero: z.string().min(1).optional(),
	one: z.string().min(1).optional(),
	two: z.string().min(1).optional(),
	few: z.string().min(1).optional(),
	many: z.string().min(1).optional(),
	other: z.string().min(1),
});

/** The `labels` option: each key optional, defaulting to English; unknown keys are errors. */
export const labelsSchema = z
	.strictObject(
		Object.fromEntries(
			Object.entries(LABEL_DEFAULTS).map(([key, value]) => [
				key,
				typeof value === 'string'
					? // An empty default means "show nothing"; a site may leave such a label empty too.
						(value === '' ? z.string() : z.string().min(1, 'expected text (this label cannot be empty)')).default(value)
					: pluralSchema.prefault(value),
			]),
		) as unknown as {
			[K in LabelKey]: Defaults[K] extends string ? z.ZodDefault<z.ZodString> : z.ZodPrefault<typeof pluralSchema>;
		},
	)
	.prefault({});

/** `template` with each `{name}` replaced by `values[name]` (unknown names are left as written). */
export function fillLabel(template: string, values: Record<string, string | number> = {}): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * `template` split around one `{name}`, for labels that wrap markup (a link): `["It is now at ", "."]`. A label
 * without it yields the whole text and an empty tail.
 */
export function splitLabel(template: string, name: string): [string, string] {
	const at = template.indexOf(`{${name}}`);
	return at < 0 ? [template, ''] : [template.slice(0, at), template.slice(at + name.length + 2)];
}

/** The scripts written right to left (ISO 15924). */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi']);

/** `rtl` for a locale written right to left (Arabic, Hebrew, Persian, Urdu…), else `ltr`; from its likely script. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
	const script = new Intl.Locale(locale).maximize().script;
	return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}

/** The labels bound to the site's locale: text, plurals and lists as readers of that language expect them. */
export function bindLabels(labels: Labels, locale: string) {
	const plurals = new Intl.PluralRules(locale);
	const conjunction = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
	return {
		...labels,
		/** `dir` for `<html>`. */
		dir: textDirection(locale),
		/** A text label with its `{values}` filled in. */
		text: (key: TextLabelKey, values?: Record<string, string | number>) => fillLabel(labels[key], values),
		/** A text label split around `{name}`, for one that wraps markup: `[before, after]`. */
		split: (key: TextLabelKey, name: string) => splitLabel(labels[key], name),
		/** The visible label of a kind of story (`kindAnalysis`…; empty for plain news unless `kindNews` is given). */
		kind: (kind: string) => labels[`kind${kind[0]!.toUpperCase()}${kind.slice(1)}` as TextLabelKey] ?? '',
		/** A plural label for `count` ({count} is formatted in the locale). */
		count: (key: PluralLabelKey, count: number) => {
			const forms = labels[key];
			return fillLabel(forms[plurals.select(count)] ?? forms.other, { count: count.toLocaleString(locale) });
		},
		/** "A, B and C" in the locale, as parts (elements are the items' indexes) so items can be links. */
		listParts: (items: readonly string[]): { type: 'element' | 'literal'; value: string }[] => conjunction.formatToParts(items),
	};
}

export type SiteLabels = ReturnType<typeof bindLabels>;

/** The source of `virtual:newsroom/labels`: the site's labels bound to its locale. */
export function labelsModule(labels: Labels, locale: string): string {
	const from = JSON.stringify(fileURLToPath(new URL('./labels.ts', import.meta.url)));
	return `import { bindLabels } from ${from};\nexport default bindLabels(${JSON.stringify(labels)}, ${JSON.stringify(locale)});`;
}
