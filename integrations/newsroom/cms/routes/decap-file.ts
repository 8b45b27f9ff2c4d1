import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import cms from 'virtual:newsroom/cms';

/**
 * `/admin/decap/<name>.js` and `/admin/decap/<name>.wasm` (one route each, so the dev server, which wants a
 * trailing slash on extensionless routes, serves them too): Decap CMS's prebuilt bundle and the chunks it loads,
 * read from the npm package.
 */
export const getStaticPaths = (({ routePattern }) => {
	const extension = routePattern.endsWith('.wasm') ? '.wasm' : '.js';
	return cms.decap.files
		.filter((file) => file.endsWith(extension))
		.map((file) => ({ params: { name: file.slice(0, -extension.length) }, props: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
	const file = String(props['file']);
	return new Response(await readFile(join(cms.decap.dir, file)), {
		headers: { 'Content-Type': file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8' },
	});
};
