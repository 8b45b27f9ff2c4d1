import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot, tmpRoot } from './paths.ts';

/** Cloudflare's local Pages server serving a build folder, as that CDN serves it (`_headers`, `_redirects`, 404s). */
export interface PagesServer {
	origin: string;
	close(): Promise<void>;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

/**
 * Starts `wrangler pages dev <dist>` (the wrangler devDependency, under this process's Node) on a free port on
 * 127.0.0.1, offline and without telemetry, its state in the test scratch folder; resolves once it is ready.
 */
export async function pagesDev(dist: string): Promise<PagesServer> {
	// Two servers starting at once can race for one of workerd's internal sockets: try again on a clash.
	for (let attempt = 1; ; attempt++) {
		try {
			return await startPagesDev(dist);
		} catch (error) {
			if (attempt === 3 || !/Address already in use/.test(String(error))) throw error;
		}
	}
}

async function startPagesDev(dist: string): Promise<PagesServer> {
	const port = await freePort();
	const cwd = join(tmpRoot, 'wrangler');
	await mkdir(cwd, { recursive: true });
	const child: ChildProcess = spawn(
		process.execPath,
		[join(repoRoot, 'node_modules/wrangler/bin/wrangler.js'), 'pages', 'dev', dist, '--port', String(port), '--ip', '127.0.0.1'],
		{ cwd, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`wrangler pages dev did not start in 60 s:\n${output}`)), 60_000);
		const read = (chunk: Buffer) => {
			output += chunk.toString();
			if (/Ready on http/.test(output)) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout!.on('data', read);
		child.stderr!.on('data', read);
		child.on('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`wrangler pages dev exited with ${code}:\n${output}`));
		});
	});
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}
