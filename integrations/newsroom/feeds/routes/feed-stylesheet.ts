import type { APIRoute } from 'astro';
import labels from 'virtual:newsroom/labels';
import { stylesheetWords } from '../feed-words.ts';
import stylesheet from '../feed.css?raw';

/**
 * The CSS every RSS feed links to, /feed.css: opened in a browser, a feed reads as a short list, without XSLT, with
 * a note in the site's words.
 */
export const GET: APIRoute = () =>
	new Response(stylesheetWords(stylesheet, labels), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
