/**
 * Decap CMS's prebuilt browser bundle, served by the site itself from `/admin/decap/`: the npm package's
 * `dist/decap-cms.js` (React included), the chunks it loads on demand (code-editor modes) and their WebAssembly.
 * Nothing is fetched from a CDN.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AstroError } from 'astro/errors';

/** The package's `dist/` folder and the files the browser may load from it (no source maps, no `cms.js` alias). */
export function decapBundle(root: URL): { dir: string; files: string[] } {
	let dir: string;
	try {
		dir = join(dirname(createRequire(root).resolve('decap-cms/package.json')), 'dist');
	} catch {
		throw new AstroError(
			'The newsroom `cms` option needs the decap-cms package, which is not installed.',
			'Run `npm install decap-cms decap-server`, or remove the `cms` option (docs/editing-in-the-browser.md).',
		);
	}
	const files = readdirSync(dir)
		.filter((file) => /^(?:decap-cms|\d+\.decap-cms)\.js$|^[0-9a-f]+\.wasm$/.test(file))
		.sort();
	if (!files.includes('decap-cms.js')) {
		throw new AstroError(`decap-cms is installed but ${join(dir, 'decap-cms.js')} is missing.`, 'Reinstall decap-cms.');
	}
	return { dir, files };
}
