import type { APIRoute } from 'astro';
import config from 'virtual:newsroom/config';
import { loadContentSet } from '../../content/content-set.ts';
import { urls } from '../../core/site.ts';
import { feedResponse } from '../feed-response.ts';

/** The site feed, /rss.xml: the newest published articles of every section. */
export const GET: APIRoute = async () => {
	const { articles } = await loadContentSet();
	return feedResponse({
		title: config.name,
		description: config.description,
		page: urls.home,
		feed: urls.feed,
		articles,
	});
};
