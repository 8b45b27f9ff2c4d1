import type { APIRoute } from 'astro';

/**
 * `/.well-known/gpc.json`: tells user agents this site honours Global Privacy Control (the GPC specification's
 * site-wide resource).
 */
export const GET: APIRoute = () =>
	new Response(`${JSON.stringify({ gpc: true })}\n`, { headers: { 'Content-Type': 'application/json' } });
