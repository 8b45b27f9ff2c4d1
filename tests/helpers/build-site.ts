import { build } from 'astro';
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
}: {
	root?: string;
	outDir?: string;
	env?: Record<string, string | undefined>;
	name: string;
	incremental?: boolean;
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
		await build({ root, outDir: out, cacheDir, logLevel: 'error' });
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
