import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { page, text } from '../helpers/parse.ts';
import { repoRoot, tmpRoot } from '../helpers/paths.ts';

// Incremental builds (experimental.incrementalBuild + cache keys from loadContentSet().cacheKey) must never serve a
// stale page. A new article changes every page's Recent Posts list: pages are reused and their list is swapped
// for the current one after the build (incremental/recent-posts.ts), so the output equals a build from scratch.
const name = 'incremental';
const content = join(tmpRoot, name, 'content');
const env = {
	NEWSROOM_CONTENT_DIR: relative(repoRoot, content),
	SOURCE_DATE_EPOCH: String(Date.parse('2026-02-01T00:00:00Z') / 1000),
};

const story = (i: number, day: number) =>
	`---\ntitle: Story ${i}\npubDate: 2026-01-${String(day).padStart(2, '0')} 09:00\nauthors: [reporter]\nsection: world\ntags: [Topic]\n---\n\nStory number ${i} begins here.\n`;

async function write(path: string, contents: string) {
	await mkdir(dirname(join(content, path)), { recursive: true });
	await writeFile(join(content, path), contents);
}

const build = () => buildSite({ name, env, incremental: true });
// A page Astro renders is written to its cache anew, one it reuses is not. So the cached copy's mtime tells
// whether a page was rendered by a build.
const mtime = async (_dist: string, path: string) =>
	(await stat(join(tmpRoot, name, 'cache', 'dist', path, 'index.html'))).mtimeMs;
const recentTitles = async (dist: string, path: string) =>
	[...(await page(path, dist)).querySelectorAll('.recent-posts h3 a')].map((a) => text(a));

let dist: string;

beforeAll(async () => {
	await rm(join(tmpRoot, name), { recursive: true, force: true });
	await write('authors/reporter.yaml', 'name: Reporter\nbio: Writes.\n');
	await write('sections/world.yaml', 'name: World\ndescription: The world.\n');
	for (let i = 1; i <= 8; i++) await write(`articles/2026/01/story-${i}.md`, story(i, i));
	dist = await build();
});

describe('incremental rebuilds', () => {
	it('reuse every article page when nothing changed', async () => {
		const before = await Promise.all([1, 4, 8].map((i) => mtime(dist, `articles/2026/01/story-${i}`)));
		await build();
		const after = await Promise.all([1, 4, 8].map((i) => mtime(dist, `articles/2026/01/story-${i}`)));
		expect(after).toEqual(before);
	});

	it('show a new article in the Recent Posts of every page without rendering them again, and in feeds and sitemaps', async () => {
		const before = await mtime(dist, 'articles/2026/01/story-1');
		await write('articles/2026/01/story-9.md', story(9, 31));
		await build();
		expect(await mtime(dist, 'articles/2026/01/story-1')).toBe(before);
		for (let i = 1; i <= 8; i++) {
			expect(await recentTitles(dist, `/articles/2026/01/story-${i}/`)).toEqual(
				['Story 9', 'Story 8', 'Story 7', 'Story 6', 'Story 5', 'Story 4', 'Story 3']
					.filter((t) => t !== `Story ${i}`)
					.slice(0, 6),
			);
		}
		expect(await recentTitles(dist, '/articles/2026/01/story-9/')).toEqual([
			'Story 8',
			'Story 7',
			'Story 6',
			'Story 5',
			'Story 4',
			'Story 3',
		]);
		expect(await recentTitles(dist, '/')).toEqual(['Story 8', 'Story 7', 'Story 6', 'Story 5', 'Story 4', 'Story 3']);
		expect(text((await page('/articles/2026/01/story-9/', dist)).querySelector('h1'))).toBe('Story 9');
		const xml = new XMLParser();
		const feed = xml.parse(await readFile(join(dist, 'rss.xml'), 'utf8'));
		expect(feed.rss.channel.item[0].title).toBe('Story 9');
		const sectionFeed = xml.parse(await readFile(join(dist, 'sections/world/rss.xml'), 'utf8'));
		expect(sectionFeed.rss.channel.item[0].title).toBe('Story 9');
		const sitemap = xml.parse(await readFile(join(dist, 'sitemap-0.xml'), 'utf8'));
		const locs = sitemap.urlset.url.map((url: { loc: string }) => url.loc);
		expect(locs).toContain('https://asiapacific-news.example/articles/2026/01/story-9/');
		const news = xml.parse(await readFile(join(dist, 'news-sitemap.xml'), 'utf8'));
		expect([news.urlset.url].flat().map((url: { loc: string }) => url.loc)).toContain(
			'https://asiapacific-news.example/articles/2026/01/story-9/',
		);
	});

	it('show an edited headline everywhere', async () => {
		await write('articles/2026/01/story-9.md', story(9, 31).replace('title: Story 9', 'title: Story 9, corrected'));
		await build();
		expect((await recentTitles(dist, '/articles/2026/01/story-3/'))[0]).toBe('Story 9, corrected');
		expect(text((await page('/articles/2026/01/story-9/', dist)).querySelector('h1'))).toBe('Story 9, corrected');
	});

	it('drop a withdrawn article: its page goes, older stories move back into every list', async () => {
		await write('articles/2026/01/story-8.md', story(8, 8).replace('---\n\nStory', 'draft: true\n---\n\nStory'));
		await rm(join(content, 'articles/2026/01/story-9.md'));
		await build();
		await expect(stat(join(dist, 'articles/2026/01/story-9/index.html'))).rejects.toThrow();
		await expect(stat(join(dist, 'articles/2026/01/story-8/index.html'))).rejects.toThrow();
		expect(await recentTitles(dist, '/articles/2026/01/story-1/')).toEqual([
			'Story 7',
			'Story 6',
			'Story 5',
			'Story 4',
			'Story 3',
			'Story 2',
		]);
		expect(await recentTitles(dist, '/articles/2026/01/story-2/')).toEqual([
			'Story 7',
			'Story 6',
			'Story 5',
			'Story 4',
			'Story 3',
			'Story 1',
		]);
	});

	it('keep default lists current when the record of list options is lost but pages are reused', async () => {
		await rm(join(tmpRoot, name, 'cache', 'newsroom', 'recent-posts.json'));
		await write('articles/2026/01/story-10.md', story(10, 20));
		await build();
		expect((await recentTitles(dist, '/articles/2026/01/story-1/'))[0]).toBe('Story 10');
	});

	it('leave exactly what a build from scratch of the same content writes', async () => {
		const fresh = await buildSite({ name: `${name}-scratch`, env });
		const [incremental, scratch] = await Promise.all([files(dist), files(fresh)]);
		expect(incremental).toEqual(scratch);
		for (const file of scratch) {
			expect(await readFile(join(dist, file), 'utf8'), file).toBe(await readFile(join(fresh, file), 'utf8'));
		}
	});
});

/** Every file below `dir`, as sorted relative paths. */
async function files(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)))
		.sort();
}
