import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// wrangler's `exports` leave its bin out: find it beside its package.json.
const wrangler = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin/wrangler.js');

/** Cloudflare's local Pages server serving a build folder, as that CDN serves it (`_headers`, `_redirects`, 404s). */
export interface PagesServer {
	origin: string;
	close(): Promise<void>;
}

/**
 * Starts `wrangler pages dev <dist>` (the wrangler devDependency, under this process's Node) on a free port on
 * 127.0.0.1: offline, metrics off, its state, logs and config in a temporary folder; resolves once it answers
 * `/` with the folder's own index.html. Two servers starting at once can race for a port, so a clash is tried again.
 */
export async function pagesDev(dist: string): Promise<PagesServer> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await startPagesDev(dist);
		} catch (error) {
			// A port clash (workerd's "Address already in use", or the port answered by another server) is tried
			// again on a new port; a third failure is the folder's or wrangler's own.
			if (attempt === 3) throw error;
		}
	}
}

async function startPagesDev(dist: string): Promise<PagesServer> {
	const port = await freePort();
	const home = await mkdtemp(join(tmpdir(), 'newsroom-wrangler-'));
	const child = spawn(
		process.execPath,
		[wrangler, 'pages', 'dev', dist, '--port', String(port), '--ip', '127.0.0.1', '--compatibility-date', '2025-01-01', '--log-level', 'warn'],
		{
			cwd: home,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				WRANGLER_SEND_METRICS: 'false',
				WRANGLER_LOG_PATH: join(home, 'logs'),
				XDG_CONFIG_HOME: join(home, 'config'),
				HOME: home,
				CI: '1',
				NO_COLOR: '1',
			},
		},
	);
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const origin = `http://127.0.0.1:${port}`;
	const close = async () => {
		if (child.exitCode === null) {
			try {
				// The whole process group: wrangler and the workerd it started.
				process.kill(-child.pid!, 'SIGTERM');
			} catch {
				// already gone
			}
			await new Promise((resolve) => child.once('exit', resolve));
		}
		await rm(home, { recursive: true, force: true });
	};
	// Another process can take the port between freePort() and workerd's bind (seen in CI: a 403 from
	// someone else's server); so "ready" means this folder's home page came back, not just any answer.
	const homePage = await readFile(join(dist, 'index.html')).catch(() => undefined);
	const servesThisFolder = async (response: Response) =>
		homePage ? response.status === 200 && Buffer.from(await response.arrayBuffer()).equals(homePage) : true;
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) break;
		const ready = await fetch(`${origin}/`, { redirect: 'manual' }).then(servesThisFolder, () => false);
		if (ready && child.exitCode === null) return { origin, close };
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	await close();
	throw new Error(`wrangler pages dev did not start serving ${dist} on ${origin}:\n${output}`);
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}
