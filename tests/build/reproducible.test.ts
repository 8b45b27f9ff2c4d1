import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { distDifferences, listFiles } from '../helpers/compare-dist.ts';
import { repoRoot, testBuildTime, tmpRoot } from '../helpers/paths.ts';

/**
 * A preload that moves the process clock `years` ahead: `Date.now()` and `new Date()` (no arguments) see the
 * future, as a build on a machine with a wrong clock or a stray `new Date()` in page code would. Dates built from a
 * value are untouched.
 */
const shiftedClock = (years: number) =>
	`data:text/javascript,${encodeURIComponent(`const Real = Date;
const shift = ${years} * 365.25 * 86400000;
class ShiftedDate extends Real {
	constructor(...args) { if (args.length === 0) super(Real.now() + shift); else super(...args); }
	static now() { return Real.now() + shift; }
}
globalThis.Date = ShiftedDate;`)}`;

/**
 * Builds the sample site in a child process (TZ is read when a process starts, so it cannot change inside this
 * one), with the machine time zone `tz` and the fixed test clock (SOURCE_DATE_EPOCH), into its own out and cache
 * folders; `clockYears` moves the process clock.
 */
async function buildWith(name: string, tz: string, clockYears = 0): Promise<string> {
	const outDir = join(tmpRoot, name, 'dist');
	const cacheDir = join(tmpRoot, name, 'cache');
	await rm(join(tmpRoot, name), { recursive: true, force: true });
	const script = `import { build } from 'astro';
await build({ root: ${JSON.stringify(repoRoot)}, outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(cacheDir)}, logLevel: 'error' });
console.log(new Intl.DateTimeFormat().resolvedOptions().timeZone, new Date().getUTCFullYear());`;
	const preload = clockYears ? ['--import', shiftedClock(clockYears)] : [];
	const { stdout } = await promisify(execFile)(process.execPath, [...preload, '--input-type=module', '--eval', script], {
		cwd: repoRoot,
		env: { ...process.env, TZ: tz, SOURCE_DATE_EPOCH: String(Date.parse(testBuildTime) / 1000) },
		maxBuffer: 64 * 1024 * 1024,
	});
	// Proves the child really ran in that zone, at that clock.
	expect(stdout.trim().split('\n').at(-1)).toBe(`${tz} ${new Date().getUTCFullYear() + clockYears}`);
	return outDir;
}

describe('reproducible builds', () => {
	let utc: string;
	let losAngeles: string;
	let kiritimati: string;
	let later: string;
	beforeAll(async () => {
		utc = await buildWith('reproducible-utc', 'UTC');
		losAngeles = await buildWith('reproducible-los-angeles', 'America/Los_Angeles');
		// UTC+14: the machine's "today" is already tomorrow for most of the world.
		kiritimati = await buildWith('reproducible-kiritimati', 'Pacific/Kiritimati');
		// Same SOURCE_DATE_EPOCH, but the machine's clock three years on.
		later = await buildWith('reproducible-later-clock', 'UTC', 3);
	}, 1_200_000);

	it('two builds under different machine time zones write the same files', async () => {
		const files = await listFiles(utc);
		expect(files.filter((file) => file.endsWith('.html')).length).toBeGreaterThan(30);
		expect(await listFiles(losAngeles)).toEqual(files);
	});

	it('and byte-identical HTML, feeds, sitemaps, robots.txt and _headers', async () => {
		const files = await listFiles(utc);
		for (const file of ['rss.xml', 'sitemap-index.xml', 'news-sitemap.xml', '_headers']) expect(files).toContain(file);
		expect(await distDifferences(utc, losAngeles, ['UTC', 'America/Los_Angeles'])).toEqual([]);
	});

	it('every file, images included, is byte-identical in UTC+14 (Pacific/Kiritimati)', async () => {
		expect((await listFiles(utc)).some((file) => /\.(avif|webp|jpg)$/.test(file))).toBe(true);
		expect(await distDifferences(utc, kiritimati, ['UTC', 'Pacific/Kiritimati'])).toEqual([]);
	});

	it('every file is byte-identical when the machine clock is three years later (only SOURCE_DATE_EPOCH counts)', async () => {
		expect(await distDifferences(utc, later, ['UTC', 'UTC, clock +3 years'])).toEqual([]);
	});
});
