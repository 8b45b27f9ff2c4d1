import type { APIRoute } from 'astro';
import config from 'virtual:newsroom/config';
import { loadContentSet } from '../../content/content-set.ts';
import { logoUrl, urls } from '../../core/site.ts';
import { feedArticleOf, feedArticles } from '../feed-response.ts';
import { toJsonFeed } from '../json-feed.ts';

/** The site feed as JSON Feed 1.1, /feed.json: the same newest `feeds.items` articles as /rss.xml. */
export const GET: APIRoute = async () => {
	const { articles } = await loadContentSet();
	const items = await Promise.all(feedArticles(articles).map(feedArticleOf));
	const feed = toJsonFeed(
		{
			title: config.name,
			description: config.description,
			homePage: urls.absolute(urls.home),
			feed: urls.absolute(urls.jsonFeed),
			language: config.locale,
			icon: logoUrl,
			timeZone: config.timeZone,
		},
		items,
	);
	return new Response(`${JSON.stringify(feed, null, '\t')}\n`, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
};
