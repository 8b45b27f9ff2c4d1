import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const wrangler = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');

/**
 * Cloudflare's local Pages server (`wrangler pages dev`) over a build folder: it applies `_redirects` and
 * `_headers` as Cloudflare Pages does, offline. Its state, logs and config go to a temporary folder, metrics off.
 */
export async function startPagesServer(dist: string): Promise<{ origin: string; close: () => Promise<void> }> {
	const port = await freePort();
	const home = await mkdtemp(join(tmpdir(), 'newsroom-wrangler-'));
	const child = spawn(
		process.execPath,
		[
			wrangler,
			'pages',
			'dev',
			dist,
			'--port',
			String(port),
			'--ip',
			'127.0.0.1',
			'--compatibility-date',
			'2025-01-01',
			'--log-level',
			'warn',
		],
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
				process.kill(-child.pid!, 'SIGTERM');
			} catch {
				// already gone
			}
			await new Promise((resolve) => child.once('exit', resolve));
		}
		await rm(home, { recursive: true, force: true });
	};
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) break;
		const ready = await fetch(`${origin}/`, { redirect: 'manual' }).then(
			() => true,
			() => false,
		);
		if (ready) return { origin, close };
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	await close();
	throw new Error(`wrangler pages dev did not start:\n${output}`);
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
