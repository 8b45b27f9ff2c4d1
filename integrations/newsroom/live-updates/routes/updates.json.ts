import type { APIRoute, GetStaticPaths } from 'astro';
import config from 'virtual:newsroom/config';
import { loadContentSet, type Article } from '../../content/content-set.ts';
import { liveEntryAnchor } from '../../content/published.ts';
import { toZonedIso } from '../../core/dates.ts';
import { liveUpdatesFile } from '../updates.ts';

/**
 * `/articles/<id>/updates.json` for every live blog, live or ended (an open page learns it has ended): its status
 * and entries, newest first. Rendered again exactly when the blog's page is: its cache key holds the article and its
 * entries. While the blog is live, `_headers` gives its folder, this file included, the CDN's 30-second rule.
 */
export const getStaticPaths = (async () => {
	const { articles, cacheKey, liveKey } = await loadContentSet();
	return articles
		.filter((article) => article.data.live)
		.map((article) => ({ params: { slug: article.id }, props: { article }, cacheKey: cacheKey([article], `live-updates${liveKey([article])}`) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const { article } = props as { article: Article };
	const { liveEntries } = await loadContentSet();
	const entries = (liveEntries.get(article.id) ?? []).map((entry) => ({ id: liveEntryAnchor(entry), date: entry.data.date }));
	const file = liveUpdatesFile(article.data.live!.status, entries, (date) => toZonedIso(date, config.timeZone));
	return new Response(`${JSON.stringify(file)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
