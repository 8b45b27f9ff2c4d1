import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium: tests never download a browser. */
export const chromiumPath = '/usr/bin/chromium';

/** Headless, sandbox-free (containers) and quiet: no GPU, no QUIC, no first-run, no background traffic. */
export const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

const contentTypes: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.xsl': 'application/xml',
	'.yml': 'text/yaml; charset=utf-8',
	'.wasm': 'application/wasm',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.gif': 'image/gif',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
};

/** A static server for a built site; `origin` is e.g. "http://127.0.0.1:40123". */
export interface DistServer {
	origin: string;
	close(): Promise<void>;
}

/**
 * Serves a built `dist/` folder on 127.0.0.1 (a free port) the way a static host does: `/x/` → `x/index.html`,
 * `/x` → 301 to `/x/` when `x` is a folder, anything missing → 404 with the site's `404.html`.
 */
export async function serveDist(dist: string): Promise<DistServer> {
	const root = normalize(dist + sep);
	const server = createServer(async (request, response) => {
		const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
		const file = normalize(join(root, decodeURIComponent(pathname)));
		const send = (status: number, path: string) => {
			response.writeHead(status, { 'content-type': contentTypes[extname(path)] ?? 'application/octet-stream' });
			createReadStream(path).pipe(response);
		};
		if (!file.startsWith(root)) return send404();
		const found = await stat(file).catch(() => undefined);
		if (found?.isDirectory()) {
			if (!pathname.endsWith('/')) {
				response.writeHead(301, { location: `${pathname}/` }).end();
				return undefined;
			}
			const index = join(file, 'index.html');
			return (await stat(index).catch(() => undefined)) ? send(200, index) : send404();
		}
		return found ? send(200, file) : send404();

		async function send404() {
			const page = join(root, '404.html');
			if (await stat(page).catch(() => undefined)) send(404, page);
			else response.writeHead(404).end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}

/**
 * Launches Debian chromium through playwright-core. Playwright gives the browser a fresh temporary profile
 * (removed on `close()`); use one `browser.newContext()` per test for isolated cookies and storage.
 */
export async function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}
