import { XMLBuilder } from 'fast-xml-parser';
import { toZonedIso } from '../core/dates.ts';
import { xmlText } from '../core/text.ts';
import { sitemapKey } from '../core/urls.ts';

/**
 * What crawlers read besides pages: the sitemap's lastmod and exclusions (passed to @astrojs/sitemap), the Google
 * News sitemap, and robots.txt. Pure: the routes and the integration feed them the published set.
 */

interface Dated {
	data: { pubDate: Date; updatedDate?: Date | undefined; canonical?: string | undefined };
}

/** What @astrojs/sitemap cannot know from URLs alone, keyed by `sitemapKey(url)`. */
export interface SitemapData {
	/** W3C datetime of the last change, by page. */
	lastmod: Record<string, string>;
	/** Pages to leave out: articles whose canonical URL is on another site. */
	exclude: string[];
}

/**
 * The sitemap facts of the published set: an article changed at `lastChanged` (by default its updatedDate, else
 * pubDate; a live blog's newest entry is a change too: `ContentSet.lastChanged`); a listing (home, section, author,
 * tag) changed when its newest story was published. Articles that name another canonical URL are excluded, since a
 * sitemap lists canonical URLs only.
 */
export function sitemapData<T extends Dated>({
	articles,
	articleUrl,
	lastChanged = (article) => article.data.updatedDate ?? article.data.pubDate,
	listings,
	timeZone,
}: {
	articles: readonly T[];
	/** The article's absolute URL on this site. */
	articleUrl: (article: T) => string;
	/** When the article last changed. */
	lastChanged?: (article: T) => Date;
	/** Absolute URLs of listing pages and the articles each lists. */
	listings: readonly { url: string; articles: readonly T[] }[];
	timeZone: string;
}): SitemapData {
	const lastmod: Record<string, string> = {};
	const exclude: string[] = [];
	for (const article of articles) {
		const url = articleUrl(article);
		const { canonical } = article.data;
		lastmod[sitemapKey(url)] = toZonedIso(lastChanged(article), timeZone);
		if (canonical && sitemapKey(canonical) !== sitemapKey(url)) exclude.push(sitemapKey(url));
	}
	for (const listing of listings) {
		let newest: Date | undefined;
		for (const article of listing.articles) if (!newest || article.data.pubDate > newest) newest = article.data.pubDate;
		if (newest) lastmod[sitemapKey(listing.url)] = toZonedIso(newest, timeZone);
	}
	return { lastmod, exclude };
}

/** A @astrojs/sitemap item with its lastmod from the published set, or `undefined` to leave the page out. */
export function sitemapItem<T extends { url: string; lastmod?: string | undefined }>(
	item: T,
	data: { lastmod: ReadonlyMap<string, string>; exclude: ReadonlySet<string> },
): T | undefined {
	const key = sitemapKey(item.url);
	if (data.exclude.has(key)) return undefined;
	const lastmod = data.lastmod.get(key);
	return lastmod === undefined ? item : { ...item, lastmod };
}

/** The build artefact `/_newsroom/seo-data.json`, from the published set to `astro:build:done`. */
export interface SeoData {
	sitemap: SitemapData;
	/** Files of articles whose hero is under 1200×1200 px, so some crops are narrower than 1200 px. */
	smallHeroes: string[];
}

/** Google News lists articles published in the last two days, and at most 1000 of them per sitemap. */
export const NEWS_WINDOW_HOURS = 48;
export const NEWS_SITEMAP_LIMIT = 1000;

/**
 * The articles a Google News sitemap lists: published within the `windowHours` before `now` (both ends
 * included, nothing after `now`), newest first, at most `limit`.
 */
export function selectNewsArticles<T extends { data: { pubDate: Date } }>(
	articles: readonly T[],
	now: Date,
	{ windowHours = NEWS_WINDOW_HOURS, limit = NEWS_SITEMAP_LIMIT }: { windowHours?: number; limit?: number } = {},
): T[] {
	const end = now.getTime();
	const start = end - windowHours * 3_600_000;
	return articles
		.filter((article) => {
			const time = article.data.pubDate.getTime();
			return time >= start && time <= end;
		})
		.sort((a, b) => b.data.pubDate.getTime() - a.data.pubDate.getTime())
		.slice(0, limit);
}

/**
 * The language code Google News expects for a BCP 47 locale: the ISO 639 code ("en-US" → "en"), except Chinese,
 * which is "zh-cn" (simplified) or "zh-tw" (traditional).
 */
export function newsLanguage(locale: string): string {
	const { language, script } = new Intl.Locale(locale).maximize();
	if (language === 'zh') return script === 'Hant' ? 'zh-tw' : 'zh-cn';
	return language;
}

/** One story in the news sitemap: absolute URL, headline, W3C datetime with offset. */
export interface NewsSitemapEntry {
	url: string;
	title: string;
	publicationDate: string;
}

/** `news:publication`: the name Google News knows the publication by, and its ISO 639 language code. */
export interface NewsPublication {
	name: string;
	language: string;
}

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, indentBy: '\t' });

/** A Google News sitemap (sitemaps.org `urlset` with the `news:` extension); an empty list gives an empty urlset. */
export function newsSitemapXml(entries: readonly NewsSitemapEntry[], publication: NewsPublication): string {
	return builder.build({
		'?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
		urlset: {
			'@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
			'@_xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
			url: entries.map((entry) => ({
				loc: entry.url,
				'news:news': {
					'news:publication': { 'news:name': xmlText(publication.name), 'news:language': publication.language },
					'news:publication_date': entry.publicationDate,
					'news:title': xmlText(entry.title),
				},
			})),
		},
	});
}

/** A robots.txt that lets every crawler in and lists the sitemaps (absolute URLs). */
export function robotsTxt(sitemaps: readonly string[]): string {
	return ['User-agent: *', 'Allow: /', '', ...sitemaps.map((url) => `Sitemap: ${url}`), ''].join('\n');
}

/**
 * Built pages in the order @astrojs/sitemap sorts its URLs, for its `astro:build:done`. Its sort compares with
 * `localeCompare(b, 'en', { numeric: true })`, which sets up a collator at each of its n log n comparisons (2.8 s of
 * a 50 000-article rebuild's 60 000 pages); handed pages in that order, its sort only confirms it (n − 1
 * comparisons). The sitemap's order is its own either way. Its URLs are the site's address and base followed by
 * each page's path, so the paths decide, percent-encoded as in a URL.
 */
export function inSitemapOrder<T extends { pathname: string }>(pages: readonly T[]): T[] {
	const collator = new Intl.Collator('en', { numeric: true });
	// Each path as the sitemap writes it in its URL (percent-encoded), worked out once per page.
	const keyed = pages.map((page) => ({ page, key: new URL(page.pathname.replace(/^\//, ''), 'https://site.invalid/').href }));
	return keyed.sort((a, b) => collator.compare(a.key, b.key)).map(({ page }) => page);
}
