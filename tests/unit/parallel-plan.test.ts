import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dropUnusedOriginals } from '../../integrations/newsroom/parallel/merge.ts';
import { buildArgs, BuildUsageError } from '../../integrations/newsroom/parallel/command.ts';
import {
	checkParts,
	fileKey,
	inPathOrder,
	parseShard,
	rendersPath,
	shardOf,
	type PartManifest,
} from '../../integrations/newsroom/parallel/plan.ts';

const part = (index: number, count: number, overrides: Partial<PartManifest> = {}) => ({
	folder: `parts/${index + 1}`,
	manifest: {
		shard: { index, count },
		buildTime: '2026-05-01T00:00:00.000Z',
		paths: 'abc',
		pages: [],
		assets: [],
		images: { deleted: [], referenced: [] },
		...overrides,
	},
});
const expected = { count: 2, buildTime: '2026-05-01T00:00:00.000Z', paths: 'abc' };

describe('splitting a build', () => {
	it('reads --shard i/N as CI matrices count (1-based) and refuses anything else', () => {
		expect(parseShard('2/3')).toEqual({ index: 1, count: 3 });
		for (const bad of ['0/2', '3/2', '1', 'a/b', '1/0', '-1/2']) expect(() => parseShard(bad)).toThrow(/is not i\/N/);
	});

	it('gives every path one shard, the same in every process, whatever the slashes, and spreads them evenly', () => {
		const paths = Array.from({ length: 4000 }, (_, i) => `/articles/2026/01/story-${i}/`);
		const counts = [0, 0, 0];
		for (const path of paths) counts[shardOf(path, 3)]!++;
		for (const count of counts) expect(count).toBeGreaterThan(1200);
		expect(shardOf('/articles/x/', 3)).toBe(shardOf('articles/x', 3));
		expect(shardOf('/anything/', 1)).toBe(0);
	});

	it('renders a path in its shard only, artefacts every part needs in every shard, and small sites in the first', () => {
		const plan = { shard: { index: 0, count: 2 }, buildTime: '' };
		const path = (pathname: string, route = '/[...slug]') => ({ pathname, route });
		const mine = Array.from({ length: 50 }, (_, i) => `/p${i}/`).filter((p) => shardOf(p, 2) === 0);
		const theirs = Array.from({ length: 50 }, (_, i) => `/p${i}/`).filter((p) => shardOf(p, 2) === 1);
		const every = new Set(['/_newsroom/recent-posts']);
		expect(rendersPath(plan, path(mine[0]!), 100, every)).toBe(true);
		expect(rendersPath(plan, path(theirs[0]!), 100, every)).toBe(false);
		expect(
			rendersPath({ ...plan, shard: { index: 1, count: 2 } }, path(mine[0]!, '/_newsroom/recent-posts'), 100, every),
		).toBe(true);
		// Under minPaths the first shard renders everything, the others nothing but the shared artefacts.
		expect(rendersPath({ ...plan, minPaths: 200 }, path(theirs[0]!), 100, every)).toBe(true);
		expect(rendersPath({ ...plan, shard: { index: 1, count: 2 }, minPaths: 200 }, path(theirs[0]!), 100, every)).toBe(
			false,
		);
		// A merge-only build renders nothing.
		expect(rendersPath({ buildTime: '' }, path(mine[0]!, '/_newsroom/recent-posts'), 100, every)).toBe(false);
	});

	it('orders merged pages and files as the single build listed them', () => {
		const order = new Map([
			['', 0],
			['a', 1],
			['b/c', 2],
			['rss.xml', 3],
		]);
		expect(inPathOrder(['rss.xml/', 'b/c/', '', 'a/', 'unknown/'], fileKey, order)).toEqual([
			'',
			'a/',
			'b/c/',
			'rss.xml/',
			'unknown/',
		]);
		expect(fileKey('b/c/index.html')).toBe('b/c');
		expect(fileKey('index.html')).toBe('');
		expect(fileKey('b/c.html')).toBe('b/c');
		expect(fileKey('rss.xml')).toBe('rss.xml');
	});

	it('merges only parts of one build: every shard once, one clock, one set of paths', () => {
		expect(() => checkParts([part(0, 2), part(1, 2)], expected)).not.toThrow();
		expect(() => checkParts([part(1, 2)], { ...expected, merging: { index: 0, count: 2 } })).not.toThrow();
		expect(() => checkParts([part(0, 2)], expected)).toThrow('shard(s) 2/2 missing from the merge');
		expect(() => checkParts([part(0, 2), part(0, 2)], expected)).toThrow(
			'part parts/1 is shard 1/2, as is part parts/1',
		);
		expect(() => checkParts([part(0, 3), part(1, 3)], expected)).toThrow('part parts/1 is shard 1 of 3, not of 2');
		expect(() => checkParts([part(0, 2), part(1, 2, { buildTime: '2026-05-01T00:05:00.000Z' })], expected)).toThrow(
			'part parts/2 was built at 2026-05-01T00:05:00.000Z, this build at 2026-05-01T00:00:00.000Z: give every shard and the merge the same --build-time',
		);
		expect(() => checkParts([part(0, 2), part(1, 2, { paths: 'other' })], expected)).toThrow(
			'was built from other content or code',
		);
	});

	it('reads newsroom build’s options with errors that say what was expected', () => {
		expect(buildArgs({ shard: '2/3', 'build-time': '2026-05-01T09:30:00Z' }, '/site')).toMatchObject({
			shard: { index: 1, count: 3 },
			part: '/site/dist-parts/2',
			buildTime: '2026-05-01T09:30:00.000Z',
		});
		expect(buildArgs({ merge: ['p/1', 'p/2'], 'build-time': '2026-05-01T09:30:00Z' }, '/site').merge).toEqual([
			'/site/p/1',
			'/site/p/2',
		]);
		const fails = (values: Record<string, string | string[]>, message: RegExp) =>
			expect(() => buildArgs(values, '/site')).toThrow(
				expect.objectContaining({ message: expect.stringMatching(message) }) as BuildUsageError,
			);
		fails({ workers: '0' }, /--workers "0" is not a whole number/);
		fails({ shard: '1/2' }, /need --build-time/);
		fails({ shard: '3/2', 'build-time': '2026-05-01T09:30:00Z' }, /is not i\/N/);
		fails({ merge: ['p'], 'build-time': 'yesterday' }, /--build-time "yesterday" is not an ISO 8601/);
		fails({ workers: '2', shard: '1/2', 'build-time': '2026-05-01T09:30:00Z' }, /leave out --shard/);
		fails({ part: 'x' }, /give --shard too/);
		fails({ 'log-level': 'loud' }, /--log-level "loud"/);
	});
});

describe('merging the images of the parts', () => {
	it('removes an original one part transformed and no part used as it is, as one build would', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'newsroom-originals-'));
		await mkdir(join(dir, '_astro'));
		for (const name of ['avatar.a1.jpg', 'hero.b2.jpg', 'logo.c3.png']) await writeFile(join(dir, '_astro', name), 'x');
		await dropUnusedOriginals(pathToFileURL(`${dir}/`), [
			// The merging build rendered no page with the avatar; a part transformed it (32 px) and deleted its original.
			{ deleted: [['/_astro/hero.b2.jpg', '/src/hero.jpg']], referenced: ['/src/logo.png'] },
			{ deleted: [['/_astro/avatar.a1.jpg', '/src/avatar.jpg']], referenced: ['/src/hero.jpg'] },
		]);
		// The hero is used as it is by another part (its original stays); the logo was never transformed.
		expect((await readdir(join(dir, '_astro'))).sort()).toEqual(['hero.b2.jpg', 'logo.c3.png']);
	});
});
