import type { APIRoute } from 'astro';
import newsroom from 'virtual:newsroom/config';
import { robotsTxt } from '../robots-txt.ts';

/** `/robots.txt`: everything may be crawled; the sitemap index and the news sitemap. */
export const GET: APIRoute = () =>
	new Response(
		robotsTxt([new URL('sitemap-index.xml', newsroom.site).href, new URL('news-sitemap.xml', newsroom.site).href]),
		{
			headers: { 'Content-Type': 'text/plain; charset=utf-8' },
		},
	);
