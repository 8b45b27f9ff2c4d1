import type { APIRoute, GetStaticPaths } from 'astro';
import newsroom from 'virtual:newsroom/config';
import { loadNewsroom, type Section } from '../../content/collections.ts';
import { urls } from '../../lib/site-urls.ts';
import { feedArticles, feedResponse } from '../feeds.ts';

/** One feed per section, /sections/<id>/rss.xml (a section without articles gets an empty, valid feed). */
export const getStaticPaths = (async () => {
	const { sectionList, bySection, cacheKey } = await loadNewsroom();
	return sectionList.map((section) => ({
		params: { id: section.id },
		props: { section },
		cacheKey: cacheKey(feedArticles(bySection.get(section.id) ?? []), 'feed'),
	}));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { section } = props as { section: Section };
	const { bySection } = await loadNewsroom();
	return feedResponse({
		title: `${section.data.name} | ${newsroom.name}`,
		description: section.data.description,
		page: urls.section(section.id),
		feed: urls.sectionFeed(section.id),
		articles: bySection.get(section.id) ?? [],
	});
};
