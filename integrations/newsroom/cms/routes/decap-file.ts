import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import cms from 'virtual:newsroom/cms';

/** `/admin/decap/<file>`: Decap CMS's prebuilt bundle and the chunks it loads, copied from the npm package. */
export const getStaticPaths = (() => cms.decap.files.map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const file = String(params['file']);
	return new Response(await readFile(join(cms.decap.dir, file)), {
		headers: { 'Content-Type': file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8' },
	});
};
