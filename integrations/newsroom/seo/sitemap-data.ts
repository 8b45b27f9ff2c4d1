import { toZonedIso } from '../lib/format-date.ts';
import { sitemapKey } from './sitemap-key.ts';

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
 * The sitemap facts of the published set: an article changed at its updatedDate (else pubDate); a listing
 * (home, section, author, tag) changed when its newest story was published. Articles that name another
 * canonical URL are excluded, since a sitemap lists canonical URLs only.
 */
export function sitemapData<T extends Dated>({
	articles,
	articleUrl,
	listings,
	timeZone,
}: {
	articles: readonly T[];
	/** The article's absolute URL on this site. */
	articleUrl: (article: T) => string;
	/** Absolute URLs of listing pages and the articles each lists. */
	listings: readonly { url: string; articles: readonly T[] }[];
	timeZone: string;
}): SitemapData {
	const lastmod: Record<string, string> = {};
	const exclude: string[] = [];
	for (const article of articles) {
		const url = articleUrl(article);
		const { pubDate, updatedDate, canonical } = article.data;
		lastmod[sitemapKey(url)] = toZonedIso(updatedDate ?? pubDate, timeZone);
		if (canonical && sitemapKey(canonical) !== sitemapKey(url)) exclude.push(sitemapKey(url));
	}
	for (const listing of listings) {
		let newest: Date | undefined;
		for (const article of listing.articles) if (!newest || article.data.pubDate > newest) newest = article.data.pubDate;
		if (newest) lastmod[sitemapKey(listing.url)] = toZonedIso(newest, timeZone);
	}
	return { lastmod, exclude };
}
