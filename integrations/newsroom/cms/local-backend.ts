/**
 * Decap's local backend for `astro dev`: `decap-server` in a child process, listening on 127.0.0.1 only, reading
 * and writing the project's files, so an editor at `http://localhost:4321/admin/` changes the content on disk and
 * the dev server shows it at once. Decap uses it only when the CMS is opened on localhost.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';

export interface LocalBackend {
	/** Resolves once decap-server listens (or has failed to start, which it logs). */
	ready: Promise<void>;
	stop(): void;
}

export function startLocalBackend({
	root,
	port,
	logger,
}: {
	root: URL;
	port: number;
	logger: AstroIntegrationLogger;
}): LocalBackend {
	let entry: string;
	try {
		entry = createRequire(root).resolve('decap-server');
	} catch {
		logger.warn('the CMS cannot edit files locally: decap-server is not installed (npm install decap-server)');
		return { ready: Promise.resolve(), stop: () => {} };
	}
	// decap-server is configured through its environment (PORT, BIND_HOST, GIT_REPO_DIRECTORY, MODE): these are its
	// documented settings, passed to the child only.
	// The child runs decap-server and exits when its stdin closes, i.e. when this process ends however it ends (a
	// killed dev server or test worker must not leave a server writing to the project behind).
	const guard = `process.stdin.on('close', () => process.exit(0)); process.stdin.resume(); require(${JSON.stringify(entry)});`;
	const child: ChildProcess = spawn(process.execPath, ['-e', guard], {
		cwd: fileURLToPath(root),
		env: {
			...process.env,
			PORT: String(port),
			BIND_HOST: '127.0.0.1',
			GIT_REPO_DIRECTORY: fileURLToPath(root),
			MODE: 'fs',
			LOG_LEVEL: 'info',
		},
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	let stopped = false;
	const ready = new Promise<void>((resolve) => {
		const onOutput = (chunk: Buffer) => {
			for (const line of chunk.toString('utf8').split('\n')) {
				// Strip winston's colours; keep what an operator needs: that it listens, and any error.
				const text = line.replace(/\u001b\[[0-9;]*m/g, '').trim();
				if (!text) continue;
				if (/listening on/i.test(text)) {
					logger.info(`local backend (decap-server) on 127.0.0.1:${port}, editing ${fileURLToPath(root)}`);
					resolve();
				} else if (/error/i.test(text)) logger.warn(`decap-server: ${text}`);
			}
		};
		child.stdout?.on('data', onOutput);
		child.stderr?.on('data', onOutput);
		child.on('exit', (code) => {
			resolve();
			if (!stopped) {
				logger.warn(
					`decap-server stopped (exit code ${code}): is port ${port} in use? Set cms.localBackendPort to another port.`,
				);
			}
		});
	});
	const stop = () => {
		stopped = true;
		if (child.exitCode === null) child.kill();
		process.off('exit', stop);
	};
	process.on('exit', stop);
	return { ready, stop };
}
