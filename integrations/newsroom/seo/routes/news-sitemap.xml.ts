import type { APIRoute } from 'astro';
import newsroom from 'virtual:newsroom/config';
import { loadNewsroom } from '../../content/collections.ts';
import { toZonedIso } from '../../lib/format-date.ts';
import { urls } from '../../lib/site-urls.ts';
import { newsLanguage } from '../news-language.ts';
import { newsSitemapXml } from '../news-sitemap-xml.ts';
import { selectNewsArticles } from '../select-news-articles.ts';
import { sitemapKey } from '../sitemap-key.ts';

/** `/news-sitemap.xml`: the stories of the 48 hours before the build, for Google News. */
export const GET: APIRoute = async () => {
	const { articles } = await loadNewsroom();
	const own = (id: string) => urls.absolute(urls.article(id));
	// A sitemap lists canonical URLs only: stories that first ran elsewhere stay out.
	const canonical = articles.filter(
		({ id, data }) => !data.canonical || sitemapKey(data.canonical) === sitemapKey(own(id)),
	);
	const entries = selectNewsArticles(canonical, new Date(newsroom.buildTime)).map((article) => ({
		url: own(article.id),
		title: article.data.title,
		publicationDate: toZonedIso(article.data.pubDate, newsroom.timeZone),
	}));
	const publication = {
		name: newsroom.newsSitemap.publicationName ?? newsroom.name,
		language: newsroom.newsSitemap.language ?? newsLanguage(newsroom.locale),
	};
	return new Response(newsSitemapXml(entries, publication), {
		headers: { 'Content-Type': 'application/xml; charset=utf-8' },
	});
};
