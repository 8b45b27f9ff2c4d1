import { build } from 'astro';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot, tmpRoot } from './paths.ts';

/**
 * Runs a real `astro build` of the site at `root` into `outDir` with its own cache folder, so test builds never
 * share state with each other or with the developer's `dist/`. `env` is set for the build only.
 */
export async function buildSite({
	root = repoRoot,
	outDir,
	env = {},
	name,
}: {
	root?: string;
	outDir?: string;
	env?: Record<string, string | undefined>;
	name: string;
}): Promise<string> {
	const out = outDir ?? join(tmpRoot, name, 'dist');
	await rm(out, { recursive: true, force: true });
	const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
	setEnv(env);
	try {
		await build({ root, outDir: out, cacheDir: join(tmpRoot, name, 'cache'), logLevel: 'error' });
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
