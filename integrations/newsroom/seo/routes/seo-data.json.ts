import type { APIRoute } from 'astro';
import newsroom from 'virtual:newsroom/config';
import { loadNewsroom } from '../../content/collections.ts';
import { smallHeroes } from '../../images/small-heroes.ts';
import { urls } from '../../lib/site-urls.ts';
import type { SeoData } from '../seo-data.ts';
import { sitemapData } from '../sitemap-data.ts';

/**
 * A build artefact, not a page: what the integration's `astro:build:done` needs from the published set (hooks
 * share no memory with page modules): the sitemap's lastmod dates and the heroes too small for full-size crops.
 * The integration reads and deletes it before @astrojs/sitemap writes the sitemap.
 */
export const GET: APIRoute = async () => {
	const { articles, bySection, byAuthor, byTag } = await loadNewsroom();
	const data: SeoData = {
		sitemap: sitemapData({
			articles,
			articleUrl: (article) => urls.absolute(urls.article(article.id)),
			listings: [
				{ url: urls.absolute(urls.home), articles },
				...[...bySection].map(([id, list]) => ({ url: urls.absolute(urls.section(id)), articles: list })),
				...[...byAuthor].map(([id, list]) => ({ url: urls.absolute(urls.author(id)), articles: list })),
				...[...byTag].map(([slug, tag]) => ({ url: urls.absolute(urls.tag(slug)), articles: tag.articles })),
			],
			timeZone: newsroom.timeZone,
		}),
		smallHeroes: smallHeroes(articles).map((article) => article.filePath ?? article.id),
	};
	return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
