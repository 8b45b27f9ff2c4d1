import type { APIRoute, GetStaticPaths } from 'astro';
import config from 'virtual:newsroom/config';
import labels from 'virtual:newsroom/labels';
import { loadContentSet, type Author } from '../../content/content-set.ts';
import { urls } from '../../core/site.ts';
import { feedCacheKey, feedResponse } from '../feed-response.ts';

/** One feed per author, /authors/<id>/rss.xml (an author without articles gets an empty, valid feed). */
export const getStaticPaths = (async () => {
	const { authors, byAuthor } = await loadContentSet();
	return Promise.all([...authors.values()].map(async (author) => ({
		params: { id: author.id },
		props: { author },
		cacheKey: await feedCacheKey(byAuthor.get(author.id) ?? []),
	})));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { author } = props as { author: Author };
	const { byAuthor } = await loadContentSet();
	return feedResponse({
		title: `${author.data.name} | ${config.name}`,
		description: author.data.bio ?? labels.text('authorDescription', { author: author.data.name }),
		page: urls.author(author.id),
		feed: urls.authorFeed(author.id),
		articles: byAuthor.get(author.id) ?? [],
	});
};
