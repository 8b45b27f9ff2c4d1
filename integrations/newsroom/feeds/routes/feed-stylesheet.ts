import type { APIRoute } from 'astro';
import stylesheet from '../feed.css?raw';

/** The CSS every RSS feed links to, /feed.css: opened in a browser, a feed reads as a short list, without XSLT. */
export const GET: APIRoute = () => new Response(stylesheet, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
