import type { APIRoute, GetStaticPaths } from 'astro';
import newsroom from 'virtual:newsroom/config';
import { loadNewsroom, type Author } from '../../content/collections.ts';
import { urls } from '../../lib/site-urls.ts';
import { feedArticles, feedResponse } from '../feeds.ts';

/** One feed per author, /authors/<id>/rss.xml (an author without articles gets an empty, valid feed). */
export const getStaticPaths = (async () => {
	const { authors, byAuthor, cacheKey } = await loadNewsroom();
	return [...authors.values()].map((author) => ({
		params: { id: author.id },
		props: { author },
		cacheKey: cacheKey(feedArticles(byAuthor.get(author.id) ?? []), 'feed'),
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { author } = props as { author: Author };
	const { byAuthor } = await loadNewsroom();
	return feedResponse({
		title: `${author.data.name} | ${newsroom.name}`,
		description: author.data.bio,
		page: urls.author(author.id),
		feed: urls.authorFeed(author.id),
		articles: byAuthor.get(author.id) ?? [],
	});
};
