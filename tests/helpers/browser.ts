import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
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

/**
 * A stand-in for a third-party site over https, as real embed hosts are (the policy's `frame-src` allows https
 * only): `handler` answers on localhost (another site than 127.0.0.1) with a certificate openssl signs for it.
 * Browser contexts that load it need `ignoreHTTPSErrors: true`.
 */
export async function thirdPartyServer(
	certificateFolder: string,
	handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<DistServer> {
	await mkdir(certificateFolder, { recursive: true });
	const key = join(certificateFolder, 'key.pem');
	const cert = join(certificateFolder, 'cert.pem');
	execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
		'-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost', '-keyout', key, '-out', cert], { stdio: 'ignore' });
	const server = createHttpsServer({ key: await readFile(key), cert: await readFile(cert) }, handler);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		origin: `https://localhost:${(server.address() as AddressInfo).port}`,
		close: () =>
			new Promise((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			}),
	};
}
