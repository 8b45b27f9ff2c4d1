import type { APIRoute } from 'astro';
import newsroom from 'virtual:newsroom/config';
import { loadNewsroom } from '../../content/collections.ts';
import { urls } from '../../lib/site-urls.ts';
import { feedResponse } from '../feeds.ts';

/** The site feed, /rss.xml: the newest published articles of every section. */
export const GET: APIRoute = async () => {
	const { articles } = await loadNewsroom();
	return feedResponse({
		title: newsroom.name,
		description: newsroom.description,
		page: urls.home,
		feed: urls.feed,
		articles,
	});
};
