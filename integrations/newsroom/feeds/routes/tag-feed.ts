import type { APIRoute, GetStaticPaths } from 'astro';
import config from 'virtual:newsroom/config';
import labels from 'virtual:newsroom/labels';
import { loadContentSet } from '../../content/content-set.ts';
import { urls } from '../../core/site.ts';
import { feedCacheKey, feedResponse } from '../feed-response.ts';
import { hasTagFeed } from '../feed-list.ts';

/** One feed per topic with at least `feeds.tagMinimum` published articles, /tags/<slug>/rss.xml. */
export const getStaticPaths = (async () => {
	const { byTag } = await loadContentSet();
	return Promise.all(
		[...byTag]
			.filter(([, { articles }]) => hasTagFeed(articles.length))
			.map(async ([tag, { name }]) => ({
				params: { tag },
				props: { tag, name },
				// The topic's name as its articles spell it is part of the feed (its title).
				cacheKey: await feedCacheKey(byTag.get(tag)!.articles, `:${name}`),
			})),
	);
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { tag, name } = props as { tag: string; name: string };
	const { byTag } = await loadContentSet();
	return feedResponse({
		title: `${name} | ${config.name}`,
		description: labels.text('tagDescription', { tag: name }),
		page: urls.tag(name),
		feed: urls.tagFeed(name),
		articles: byTag.get(tag)!.articles,
	});
};
