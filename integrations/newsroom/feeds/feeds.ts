import { getRssString } from '@astrojs/rss';
import newsroom from 'virtual:newsroom/config';
import type { Article } from '../content/collections.ts';
import { urls } from '../lib/site-urls.ts';
import { logoUrl } from '../seo/site-publisher.ts';
import { toFeedOptions } from './feed-channel.ts';
import { feedItemOf } from './feed-items.ts';

/** Site path of the stylesheet that turns a feed into a readable page in a browser (served by the integration). */
export const feedStylesheet = `${urls.home}feed.xsl`;

/**
 * One RSS feed: the newest `feeds.items` of `articles` (already the published set, newest first) under a channel
 * that follows the page at `page` and lives at `feed` (both site paths).
 */
export async function feedResponse({
	title,
	description,
	page,
	feed,
	articles,
}: {
	title: string;
	description: string;
	page: string;
	feed: string;
	articles: readonly Article[];
}): Promise<Response> {
	const newest = articles.slice(0, newsroom.feeds.items);
	const items = await Promise.all(newest.map(feedItemOf));
	const xml = await getRssString(
		toFeedOptions(
			{
				title,
				description,
				link: urls.absolute(page),
				self: urls.absolute(feed),
				language: newsroom.language,
				lastChanged: lastChange(newest),
				timeZone: newsroom.timeZone,
				ttlMinutes: newsroom.feeds.ttlMinutes,
				logo: logoUrl,
				stylesheet: feedStylesheet,
			},
			items,
		),
	);
	return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}

/** The latest publication or update among `articles`, or undefined for none. */
function lastChange(articles: readonly Article[]): Date | undefined {
	let latest: Date | undefined;
	for (const { data } of articles) {
		const changed = data.updatedDate ?? data.pubDate;
		if (!latest || changed > latest) latest = changed;
	}
	return latest;
}

/** The articles a feed of `articles` carries, for its incremental-build cache key. */
export function feedArticles(articles: readonly Article[]): readonly Article[] {
	return articles.slice(0, newsroom.feeds.items);
}
