import type { APIRoute } from 'astro';
import { urls } from '../../core/site.ts';
import { robotsTxt } from '../sitemaps.ts';

/** `/robots.txt`: everything may be crawled; the sitemap index and the news sitemap. */
export const GET: APIRoute = () =>
	new Response(robotsTxt([urls.absolute('sitemap-index.xml'), urls.absolute('news-sitemap.xml')]), {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
