import type { APIRoute } from 'astro';
import config from 'virtual:newsroom/config';
import { loadContentSet } from '../../content/content-set.ts';
import { urls } from '../../core/site.ts';
import { sitemapKey } from '../../core/urls.ts';
import { smallHeroes } from '../../images/crops.ts';
import { sitemapData, type SeoData } from '../sitemaps.ts';

/**
 * A build artefact, not a page: what the integration's `astro:build:done` needs from the published set (hooks
 * share no memory with page modules): the sitemap's lastmod dates and the heroes too small for full-size crops.
 * The integration reads and deletes it before @astrojs/sitemap writes the sitemap.
 */
export const GET: APIRoute = async () => {
	const { articles, bySection, byAuthor, byTag, lastChanged } = await loadContentSet();
	const sitemap = sitemapData({
		articles,
		articleUrl: (article) => urls.absolute(urls.article(article.id)),
		// A live blog changes with each entry.
		lastChanged,
		listings: [
			{ url: urls.absolute(urls.home), articles },
			...[...bySection].map(([id, list]) => ({ url: urls.absolute(urls.section(id)), articles: list })),
			...[...byAuthor].map(([id, list]) => ({ url: urls.absolute(urls.author(id)), articles: list })),
			...[...byTag].map(([slug, tag]) => ({ url: urls.absolute(urls.tag(slug)), articles: tag.articles })),
		],
		timeZone: config.timeZone,
	});
	// The fallback pages at old paths (aliases:) are redirects, not pages: the sitemap leaves them out.
	const aliases = articles.flatMap((article) =>
		article.data.aliases.map((alias) => sitemapKey(urls.absolute(urls.href(alias)))),
	);
	const data: SeoData = {
		sitemap: { ...sitemap, exclude: [...sitemap.exclude, ...aliases] },
		smallHeroes: smallHeroes(articles).map((article) => article.filePath ?? article.id),
	};
	return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
