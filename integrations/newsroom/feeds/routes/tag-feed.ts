import type { APIRoute, GetStaticPaths } from 'astro';
import config from 'virtual:newsroom/config';
import { loadContentSet } from '../../content/content-set.ts';
import { urls } from '../../core/site.ts';
import { feedArticles, feedResponse } from '../feed-response.ts';
import { hasTagFeed } from '../feed-list.ts';

/** One feed per topic with at least `feeds.tagMinimum` published articles, /tags/<slug>/rss.xml. */
export const getStaticPaths = (async () => {
	const { byTag, cacheKey } = await loadContentSet();
	return [...byTag]
		.filter(([, { articles }]) => hasTagFeed(articles.length))
		.map(([tag, { name }]) => ({
			params: { tag },
			props: { tag, name },
			cacheKey: cacheKey(feedArticles(byTag.get(tag)!.articles), `feed:${name}`),
		}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { tag, name } = props as { tag: string; name: string };
	const { byTag } = await loadContentSet();
	return feedResponse({
		title: `${name} | ${config.name}`,
		description: `Articles about ${name}.`,
		page: urls.tag(name),
		feed: urls.tagFeed(name),
		articles: byTag.get(tag)!.articles,
	});
};
