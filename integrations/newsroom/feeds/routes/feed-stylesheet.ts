import type { APIRoute } from 'astro';
import labels from 'virtual:newsroom/labels';
import { stylesheetWords } from '../feed-words.ts';
import stylesheet from '../feed.xsl?raw';

/**
 * The XSL stylesheet every feed links to, /feed.xsl: opened in a browser, a feed becomes a readable page, in the
 * site's words and language.
 */
export const GET: APIRoute = () =>
	new Response(stylesheetWords(stylesheet, labels), { headers: { 'Content-Type': 'text/xsl; charset=utf-8' } });
