import type { APIRoute } from 'astro';
import { loadContentSet } from '../../content/content-set.ts';
import { urls } from '../../core/site.ts';
import { loadRedirects } from '../aliases.ts';

/**
 * A build artefact, not a page: the redirects of this build for the integration's `astro:build:done`, which writes
 * `_redirects` from it (hooks share no memory with page modules), checks that no real page sits at an alias, and
 * deletes it; with the live blogs that are live, whose pages `_headers` caches briefly.
 */
export const GET: APIRoute = async () => {
	const { articles } = await loadContentSet();
	const live = articles.filter((article) => article.data.live?.status === 'live').map((article) => urls.article(article.id));
	return new Response(JSON.stringify({ ...(await loadRedirects()), live }), { headers: { 'Content-Type': 'application/json' } });
};
