import { execFile } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, testBuildTime, tmpRoot } from '../helpers/paths.ts';

/** The build outputs that must not depend on the build machine: pages, feeds, sitemaps, robots.txt and _headers. */
const textOutput = /(\.html|\.xml|\.xsl|\.txt|\.json|_headers)$/;

/**
 * Builds the sample site in a child process (TZ is read when a process starts, so it cannot change inside this
 * one), with the machine time zone `tz` and the fixed test clock, into its own out and cache folders.
 */
async function buildWithTimeZone(name: string, tz: string): Promise<string> {
	const outDir = join(tmpRoot, name, 'dist');
	const cacheDir = join(tmpRoot, name, 'cache');
	await rm(join(tmpRoot, name), { recursive: true, force: true });
	const script = `import { build } from 'astro';
await build({ root: ${JSON.stringify(repoRoot)}, outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(cacheDir)}, logLevel: 'error' });
console.log(new Intl.DateTimeFormat().resolvedOptions().timeZone);`;
	const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', script], {
		cwd: repoRoot,
		env: { ...process.env, TZ: tz, SOURCE_DATE_EPOCH: String(Date.parse(testBuildTime) / 1000) },
		maxBuffer: 64 * 1024 * 1024,
	});
	// Proves the child really ran in that zone.
	expect(stdout.trim().split('\n').at(-1)).toBe(tz);
	return outDir;
}

async function listFiles(dist: string): Promise<string[]> {
	const entries = await readdir(dist, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
}

/** Where two versions of a file first differ: byte offset, line and column, and the text around it on each side. */
function firstDifference(file: string, a: Buffer, b: Buffer): string {
	let offset = 0;
	while (offset < a.length && offset < b.length && a[offset] === b[offset]) offset++;
	const before = a.subarray(0, offset).toString('utf8').split('\n');
	const around = (content: Buffer) =>
		JSON.stringify(content.subarray(Math.max(0, offset - 60), offset + 60).toString('utf8'));
	return `${file} differs at byte ${offset} (line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}):\n  UTC:                 ${around(a)}\n  America/Los_Angeles: ${around(b)}`;
}

describe('reproducible builds', () => {
	let utc: string;
	let losAngeles: string;
	beforeAll(async () => {
		utc = await buildWithTimeZone('reproducible-utc', 'UTC');
		losAngeles = await buildWithTimeZone('reproducible-los-angeles', 'America/Los_Angeles');
	}, 900_000);

	it('two builds under different machine time zones write the same files', async () => {
		const files = await listFiles(utc);
		expect(files.filter((file) => file.endsWith('.html')).length).toBeGreaterThan(30);
		expect(await listFiles(losAngeles)).toEqual(files);
	});

	it('and byte-identical HTML, feeds, sitemaps, robots.txt and _headers', async () => {
		const files = (await listFiles(utc)).filter((file) => textOutput.test(file));
		expect(files).toContain('rss.xml');
		expect(files).toContain('sitemap-index.xml');
		expect(files).toContain('news-sitemap.xml');
		expect(files).toContain('_headers');
		const differences: string[] = [];
		for (const file of files) {
			const [a, b] = await Promise.all([
				readFile(join(utc, file)),
				readFile(join(losAngeles, file)).catch(() => Buffer.alloc(0)),
			]);
			if (!a.equals(b)) differences.push(firstDifference(file, a, b));
		}
		expect(differences.join('\n\n')).toBe('');
	});
});
