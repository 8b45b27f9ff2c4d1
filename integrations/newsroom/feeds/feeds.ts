import { getRssString } from '@astrojs/rss';
import newsroom from 'virtual:newsroom/config';
import type { Article } from '../content/collections.ts';
import { urls } from '../lib/site-urls.ts';
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
	const items = await Promise.all(articles.slice(0, newsroom.feeds.items).map(feedItemOf));
	const xml = await getRssString(
		toFeedOptions(
			{
				title,
				description,
				link: urls.absolute(page),
				self: urls.absolute(feed),
				language: newsroom.language,
				buildTime: new Date(newsroom.buildTime),
				timeZone: newsroom.timeZone,
				ttlMinutes: newsroom.feeds.ttlMinutes,
				logo: urls.absolute(`${urls.home}${newsroom.logo.slice(1)}`),
				stylesheet: feedStylesheet,
			},
			items,
		),
	);
	return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
