import { execFile } from 'node:child_process';
import { readFile, rm, stat, unlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { addArticle, generate } from '../../scripts/bench/generate.mjs';
import { buildSite } from '../helpers/build-site.ts';
import { distDifferences, listFiles } from '../helpers/compare-dist.ts';
import { repoRoot, siteDist, testBuildTime, tmpRoot } from '../helpers/paths.ts';

// `newsroom build` splits the page rendering over worker processes or CI shards and merges the parts. Its output
// must be the output of one `astro build` at the same clock: every file is compared as bytes with a single build.
const bin = join(repoRoot, 'integrations/newsroom/bin/newsroom.mjs');
const epoch = String(Date.parse(testBuildTime) / 1000);

/** Runs `newsroom build …` in the repository; returns its log (stderr), or throws with it. */
async function newsroomBuild(args: string[], env: Record<string, string | undefined> = {}): Promise<string> {
	const merged: Record<string, string | undefined> = { ...process.env, ...env };
	for (const [key, value] of Object.entries(env)) if (value === undefined) delete merged[key];
	try {
		const { stdout, stderr } = await promisify(execFile)(
			process.execPath,
			[bin, 'build', '--log-level', 'info', ...args],
			{
				cwd: repoRoot,
				env: merged,
				maxBuffer: 256 * 1024 * 1024,
			},
		);
		return `${stdout}\n${stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
	} catch (error) {
		const { stderr = '' } = error as { stderr?: string };
		throw new Error(`newsroom build ${args.join(' ')} failed:\n${stderr.slice(-3000)}`, { cause: error });
	}
}

const folder = (name: string) => join(tmpRoot, 'parallel', name);
/** How many pages the log says worker/shard `shard` rendered. */
const pagesOf = (log: string, shard: string) => Number(new RegExp(`shard ${shard}: (\\d+) page`).exec(log)?.[1]);

describe('newsroom build on the sample site', { timeout: 600_000 }, () => {
	beforeAll(async () => {
		await rm(join(tmpRoot, 'parallel'), { recursive: true, force: true });
	});

	it('with two workers writes every file of a single build, byte for byte, each worker rendering its share', async () => {
		const out = folder('workers-dist');
		const log = await newsroomBuild(['--workers', '2', '--out-dir', out, '--cache-dir', folder('workers-cache')], {
			SOURCE_DATE_EPOCH: epoch,
		});
		expect(pagesOf(log, '2/2')).toBeGreaterThan(10);
		expect(log).toMatch(/merged 1 part\(s\)/);
		expect((await listFiles(out)).length).toBeGreaterThan(100);
		expect(await distDifferences(siteDist, out, ['astro build', 'newsroom build --workers 2'])).toEqual([]);
	});

	it('as two CI shards and a merge, at the clock given by --build-time, writes every file of a single build', async () => {
		// No SOURCE_DATE_EPOCH: the shards and the merge share the clock through --build-time alone.
		const env = { SOURCE_DATE_EPOCH: undefined };
		const time = ['--build-time', testBuildTime];
		const parts = [folder('part-1'), folder('part-2')];
		const logs = await Promise.all(
			parts.map((part, index) =>
				newsroomBuild(
					['--shard', `${index + 1}/2`, '--part', part, '--cache-dir', folder(`shard-cache-${index + 1}`), ...time],
					env,
				),
			),
		);
		// Every page once, plus the Recent Posts variants artefact each part renders of its own.
		expect(pagesOf(logs[0]!, '1/2')).toBeGreaterThan(5);
		expect(pagesOf(logs[1]!, '2/2')).toBeGreaterThan(5);
		const out = folder('merged-dist');
		await newsroomBuild(
			['--merge', parts[0]!, '--merge', parts[1]!, '--out-dir', out, '--cache-dir', folder('merge-cache'), ...time],
			env,
		);
		expect(await distDifferences(siteDist, out, ['astro build', 'shards + merge'])).toEqual([]);
	});

	it('refuses to merge when a shard is missing, naming it', async () => {
		const part = folder('lonely-part');
		await newsroomBuild([
			'--shard',
			'1/2',
			'--part',
			part,
			'--cache-dir',
			folder('lonely-cache'),
			'--build-time',
			testBuildTime,
		]);
		await expect(
			newsroomBuild(['--merge', part, '--out-dir', folder('lonely-dist'), '--build-time', testBuildTime]),
		).rejects.toThrow(/shard\(s\) 2\/2 missing from the merge/);
	});

	it('with one worker per core on a site this small, builds the same files (one worker renders every page)', async () => {
		const out = folder('default-dist');
		const log = await newsroomBuild(['--out-dir', out, '--cache-dir', folder('default-cache')], {
			SOURCE_DATE_EPOCH: epoch,
		});
		const others = [...log.matchAll(/shard (\d+)\/\d+: (\d+) page/g)].filter(([, shard]) => shard !== '1');
		// Each other worker renders only its own Recent Posts variants artefact.
		for (const [, , pages] of others) expect(Number(pages)).toBeLessThanOrEqual(1);
		expect(await distDifferences(siteDist, out, ['astro build', 'newsroom build'])).toEqual([]);
	});
});

describe('newsroom build on a generated site of 2 000 articles, then rebuilt incrementally', () => {
	const content = join(tmpRoot, 'parallel-generated', 'content');
	const env = { NEWSROOM_CONTENT_DIR: relative(repoRoot, content), SOURCE_DATE_EPOCH: epoch };
	const out = join(tmpRoot, 'parallel-generated', 'dist');
	const cache = join(tmpRoot, 'parallel-generated', 'cache');
	const build = () => newsroomBuild(['--workers', '2', '--out-dir', out, '--cache-dir', cache], env);

	beforeAll(async () => {
		await rm(join(tmpRoot, 'parallel-generated'), { recursive: true, force: true });
		await generate(content, 2000, { heroShare: 0.02 });
	}, 600_000);

	it('writes every file of a single build, byte for byte', async () => {
		const log = await build();
		expect(pagesOf(log, '2/2')).toBeGreaterThan(800);
		const single = await buildSite({ name: 'parallel-generated-single', env });
		expect((await listFiles(single)).some((file) => /\.(avif|webp|jpg)$/.test(file))).toBe(true);
		expect(await distDifferences(single, out, ['astro build', 'newsroom build --workers 2'])).toEqual([]);
	}, 900_000);

	it('after one new article and one withdrawn, reuses each worker’s cache and still writes what a build from scratch writes', async () => {
		// Each worker's own cache holds its pages: an unchanged article's page is reused, not rendered again.
		const cached = async () => {
			for (const shard of ['shard-1-of-2', 'shard-2-of-2']) {
				const file = join(cache, shard, 'dist', 'articles', '2019', '01');
				try {
					const [first] = (await listFiles(file)).filter((name) => name.endsWith('index.html'));
					if (first) return join(file, first);
				} catch {
					// not this worker's
				}
			}
			throw new Error('no cached article page');
		};
		const page = await cached();
		const before = (await stat(page)).mtimeMs;
		await addArticle(content, 2001);
		const withdrawn = (await listFiles(join(content, 'articles'))).find((file) => file.endsWith('story-7.md'))!;
		await unlink(join(content, 'articles', withdrawn));
		const log = await build();
		expect(log).toMatch(/Recent Posts brought up to date on [1-9]\d* of/);
		expect((await stat(page)).mtimeMs).toBe(before);
		const scratch = await buildSite({ name: 'parallel-generated-scratch', env });
		expect(await readFile(join(scratch, 'rss.xml'), 'utf8')).toContain('Story 2001');
		expect(await distDifferences(scratch, out, ['astro build from scratch', 'newsroom build, incremental'])).toEqual(
			[],
		);
	}, 900_000);
});
