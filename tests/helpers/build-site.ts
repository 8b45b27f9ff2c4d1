import { build, type AstroInlineConfig } from 'astro';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot, tmpRoot } from './paths.ts';

/**
 * Runs a real `astro build` of the site at `root` into `outDir` with its own cache folder, so test builds never
 * share state with each other or with the developer's `dist/`. `env` is set for the build only. A build starts
 * from nothing (no output, no content or incremental cache) unless `incremental` keeps the previous build's.
 */
export async function buildSite({
	root = repoRoot,
	outDir,
	env = {},
	name,
	incremental = false,
	logLevel = 'error',
	inline = {},
}: {
	root?: string;
	outDir?: string;
	env?: Record<string, string | undefined>;
	name: string;
	incremental?: boolean;
	/** What Astro logs (to this process's stdout and stderr; see `captureOutput`). */
	logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
	/** Settings added to the site's own (a test's Vite plugin that looks at the bundles, an experimental flag). */
	inline?: AstroInlineConfig;
}): Promise<string> {
	const out = outDir ?? join(tmpRoot, name, 'dist');
	const cacheDir = join(tmpRoot, name, 'cache');
	if (!incremental) {
		await rm(out, { recursive: true, force: true });
		await rm(cacheDir, { recursive: true, force: true });
	}
	const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
	setEnv(env);
	try {
		await build({ ...inline, root, outDir: out, cacheDir, logLevel });
	} finally {
		setEnv(saved);
	}
	return out;
}

function setEnv(env: Record<string, string | undefined>) {
	for (const [key, value] of Object.entries(env)) {
		if (value === undefined) delete process.env[key];
		else process.env[key] = value;
	}
}

/** Runs `task` and returns what it wrote to stdout and stderr (an in-process build's log), passing nothing through. */
export async function captureOutput(task: () => Promise<unknown>): Promise<string> {
	const chunks: string[] = [];
	const streams = [process.stdout, process.stderr] as const;
	const writes = streams.map((stream) => stream.write);
	for (const stream of streams) {
		stream.write = ((chunk: string | Uint8Array) => {
			chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
			return true;
		}) as typeof stream.write;
	}
	try {
		await task();
	} finally {
		streams.forEach((stream, index) => (stream.write = writes[index]!));
	}
	// Colours are not part of what a reader reads.
	return chunks.join('').replace(/\u001b\[[0-9;]*m/g, '');
}
