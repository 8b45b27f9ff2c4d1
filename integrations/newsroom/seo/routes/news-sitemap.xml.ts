import type { APIRoute } from 'astro';
import config from 'virtual:newsroom/config';
import { loadContentSet } from '../../content/content-set.ts';
import { toZonedIso } from '../../core/dates.ts';
import { buildDate, urls } from '../../core/site.ts';
import { sitemapKey } from '../../core/urls.ts';
import { newsLanguage, newsSitemapXml, selectNewsArticles } from '../sitemaps.ts';

/** `/news-sitemap.xml`: the stories of the 48 hours before the build, for Google News. */
export const GET: APIRoute = async () => {
	const { articles } = await loadContentSet();
	const own = (id: string) => urls.absolute(urls.article(id));
	// A sitemap lists canonical URLs only: stories that first ran elsewhere stay out.
	const canonical = articles.filter(
		({ id, data }) => !data.canonical || sitemapKey(data.canonical) === sitemapKey(own(id)),
	);
	const entries = selectNewsArticles(canonical, buildDate).map((article) => ({
		url: own(article.id),
		title: article.data.title,
		publicationDate: toZonedIso(article.data.pubDate, config.timeZone),
	}));
	const publication = {
		name: config.newsSitemap.publicationName ?? config.name,
		language: config.newsSitemap.language ?? newsLanguage(config.locale),
	};
	return new Response(newsSitemapXml(entries, publication), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' },
	});
};
