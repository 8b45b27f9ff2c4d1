import { toZonedIso } from '../core/dates.ts';
import type { FeedArticle } from './rss.ts';

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): the same items as the RSS feeds, full HTML in
 * `content_html`, dates in RFC 3339 with the site's offset, authors with their pages, the topics as tags and the
 * hero as the item's image.
 */

export interface JsonFeedChannel {
	title: string;
	description: string;
	/** Absolute URLs of the home page and of the feed itself. */
	homePage: string;
	feed: string;
	/** BCP 47 language of the site, e.g. "en-US". */
	language: string;
	/** Absolute URL of the publication's logo. */
	icon: string;
	timeZone: string;
}

export function toJsonFeed(channel: JsonFeedChannel, articles: readonly FeedArticle[]): object {
	return {
		version: 'https://jsonfeed.org/version/1.1',
		title: channel.title,
		home_page_url: channel.homePage,
		feed_url: channel.feed,
		...(channel.description ? { description: channel.description } : {}),
		icon: channel.icon,
		language: channel.language,
		items: articles.map((article) => ({
			// The permalink never changes once published, like the RSS guid.
			id: article.permalink,
			url: article.permalink,
			...(article.canonical ? { external_url: article.canonical } : {}),
			title: article.title,
			content_html: article.contentHtml,
			summary: article.summary,
			...(article.image ? { image: article.image.url } : {}),
			date_published: toZonedIso(article.pubDate, channel.timeZone),
			date_modified: toZonedIso(article.updated ?? article.pubDate, channel.timeZone),
			authors: article.authors.map((name, index) => ({ name, ...(article.authorUrls?.[index] ? { url: article.authorUrls[index] } : {}) })),
			tags: [...new Set([article.section, ...article.tags])],
		})),
	};
}
