import type { APIRoute } from 'astro';
import { loadRedirects } from '../aliases.ts';

/**
 * A build artefact, not a page: the redirects of this build for the integration's `astro:build:done`, which writes
 * `_redirects` from it (hooks share no memory with page modules), checks that no real page sits at an alias, and
 * deletes it.
 */
export const GET: APIRoute = async () =>
	new Response(JSON.stringify(await loadRedirects()), { headers: { 'Content-Type': 'application/json' } });
