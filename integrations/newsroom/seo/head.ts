/**
 * The tags in a page's `<head>` that search engines and social platforms read: title, robots, Open Graph (with
 * `article:*` for stories) and X cards. Pure: `SeoHead.astro` renders what this returns.
 */

/** An image for link previews: absolute URL, size in pixels, MIME type and alt text. */
export interface SocialImage {
	url: string;
	width: number;
	height: number;
	type: string;
	alt: string;
}

/** What an article adds to Open Graph: ISO 8601 dates with offset, author page URLs, section name, tags. */
export interface ArticleOpenGraph {
	publishedTime: string;
	modifiedTime: string;
	authors: readonly string[];
	section: string;
	tags: readonly string[];
}

export interface HeadFacts {
	siteName: string;
	/** BCP 47 locale, e.g. "en-US". */
	locale: string;
	/** The page's own title. */
	title: string;
	description: string;
	/** Absolute canonical URL; none for a page that should not be indexed. */
	canonical: string | undefined;
	noindex: boolean;
	image?: SocialImage | undefined;
	article?: ArticleOpenGraph | undefined;
	/** The publication's X account, e.g. "@daily". */
	xAccount?: string | undefined;
}

/** One `<meta>` element: `name` (HTML, X) or `property` (Open Graph). */
export type MetaTag = { name: string; content: string } | { property: string; content: string };

/**
 * The `<title>`, robots directive and `<meta>` tags of a page: Open Graph (`article:*` for stories) and X cards.
 * Pages with a landscape image get `summary_large_image`; others the small `summary` card.
 */
export function headMetadata(facts: HeadFacts): { title: string; robots: string; meta: MetaTag[] } {
	const { siteName, title, description, canonical, image, article } = facts;
	const meta: MetaTag[] = [
		{ property: 'og:site_name', content: siteName },
		{ property: 'og:locale', content: openGraphLocale(facts.locale) },
		{ property: 'og:type', content: article ? 'article' : 'website' },
		{ property: 'og:title', content: title },
		{ property: 'og:description', content: description },
		...(canonical ? [{ property: 'og:url', content: canonical }] : []),
	];
	if (image) {
		meta.push(
			{ property: 'og:image', content: image.url },
			{ property: 'og:image:type', content: image.type },
			{ property: 'og:image:width', content: String(image.width) },
			{ property: 'og:image:height', content: String(image.height) },
			{ property: 'og:image:alt', content: image.alt },
		);
	}
	if (article) {
		meta.push(
			{ property: 'article:published_time', content: article.publishedTime },
			{ property: 'article:modified_time', content: article.modifiedTime },
			...article.authors.map((author) => ({ property: 'article:author', content: author })),
			{ property: 'article:section', content: article.section },
			...article.tags.map((tag) => ({ property: 'article:tag', content: tag })),
		);
	}
	meta.push({ name: 'twitter:card', content: image && image.width > image.height ? 'summary_large_image' : 'summary' });
	if (facts.xAccount) meta.push({ name: 'twitter:site', content: facts.xAccount });
	if (image) meta.push({ name: 'twitter:image:alt', content: image.alt });
	return {
		title: title === siteName ? title : `${title} | ${siteName}`,
		robots: facts.noindex ? 'noindex, follow' : 'index, follow, max-image-preview:large',
		meta,
	};
}

/** Open Graph writes locales as language_TERRITORY: "en-US" → "en_US", "fr" → "fr". */
const openGraphLocales = new Map<string, string>();

/** "en-US" → "en_US", as Open Graph writes locales (computed once per locale: every page asks). */
function openGraphLocale(locale: string): string {
	let result = openGraphLocales.get(locale);
	if (result === undefined) {
		const { language, region } = new Intl.Locale(locale);
		result = region ? `${language}_${region}` : language;
		openGraphLocales.set(locale, result);
	}
	return result;
}
