import type { APIRoute, GetStaticPaths } from 'astro';
import config from 'virtual:newsroom/config';
import labels from 'virtual:newsroom/labels';
import { loadContentSet, type Section } from '../../content/content-set.ts';
import { urls } from '../../core/site.ts';
import { feedCacheKey, feedResponse } from '../feed-response.ts';

/** One feed per section, /sections/<id>/rss.xml (a section without articles gets an empty, valid feed). */
export const getStaticPaths = (async () => {
	const { sectionList, bySection } = await loadContentSet();
	return Promise.all(sectionList.map(async (section) => ({
		params: { id: section.id },
		props: { section },
		cacheKey: await feedCacheKey(bySection.get(section.id) ?? []),
	})));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { section } = props as { section: Section };
	const { bySection } = await loadContentSet();
	return feedResponse({
		title: `${section.data.name} | ${config.name}`,
		description: section.data.description ?? labels.text('sectionDescription', { section: section.data.name }),
		page: urls.section(section.id),
		feed: urls.sectionFeed(section.id),
		articles: bySection.get(section.id) ?? [],
	});
};
