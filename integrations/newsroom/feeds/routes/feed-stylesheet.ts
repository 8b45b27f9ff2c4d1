import type { APIRoute } from 'astro';
import stylesheet from '../feed.xsl?raw';

/** The XSL stylesheet every feed links to, /feed.xsl: opened in a browser, a feed becomes a readable page. */
export const GET: APIRoute = () => new Response(stylesheet, { headers: { 'Content-Type': 'text/xsl; charset=utf-8' } });
