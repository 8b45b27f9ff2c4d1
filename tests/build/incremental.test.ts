import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, captureOutput } from '../helpers/build-site.ts';
import { distDifferences } from '../helpers/compare-dist.ts';
import { page, text } from '../helpers/parse.ts';
import { repoRoot, tmpRoot } from '../helpers/paths.ts';

// Incremental builds (experimental.incrementalBuild + cache keys from loadContentSet().cacheKey) must never serve a
// stale page. A new article changes every page's Recent Posts list: pages are reused and their list is swapped
// for the current one after the build (incremental/recent-posts.ts), so the output equals a build from scratch.
// Every step below ends by building the same content from scratch at the same clock and comparing every file of
// both builds as bytes.
const name = 'incremental';
const content = join(tmpRoot, name, 'content');
/** The build's clock (SOURCE_DATE_EPOCH); the embargo steps move it. */
let clock = '2026-02-01T00:00:00Z';
const env = () => ({
	NEWSROOM_CONTENT_DIR: relative(repoRoot, content),
	SOURCE_DATE_EPOCH: String(Date.parse(clock) / 1000),
});

const story = (i: number, day: number) =>
	`---\ntitle: Story ${i}\npubDate: 2026-01-${String(day).padStart(2, '0')} 09:00\nauthors: [reporter]\nsection: world\ntags: [Topic]\n---\n\nStory number ${i} begins here.\n`;

async function write(path: string, contents: string) {
	await mkdir(dirname(join(content, path)), { recursive: true });
	await writeFile(join(content, path), contents);
}

/** The last build's log. Every build logs at `info`: another log level is another config, and Astro's incremental
 * builds reuse no page across a change of config. */
let lastLog = '';
async function build(): Promise<string> {
	let out = '';
	lastLog = await captureOutput(async () => {
		out = await buildSite({ name, env: env(), incremental: true, logLevel: 'info' });
	});
	return out;
}
/** How many pages the checks after the last build read, of how many (incremental/page-facts.ts). */
function pagesRead(): { read: number; pages: number } {
	const [, read, pages] = /the checks after the build read (\d+) of (\d+) page\(s\)/.exec(lastLog) ?? [];
	return { read: Number(read), pages: Number(pages) };
}
/** When the search index was last built (not reused): the search feature then writes its digest anew. */
/** When the search index of a year (one Pagefind index per year of articles) was last built. */
const searchIndexBuilt = async (year: string) => (await stat(join(tmpRoot, name, 'cache', 'newsroom', 'search', year, 'digest'))).mtimeMs;
// A page Astro renders is written to its cache anew, one it reuses is not. So the cached copy's mtime tells
// whether a page was rendered by a build.
const mtime = async (_dist: string, path: string) =>
	(await stat(join(tmpRoot, name, 'cache', 'dist', path, 'index.html'))).mtimeMs;
const recentTitles = async (dist: string, path: string) =>
	[...(await page(path, dist)).querySelectorAll('.recent-posts h3 a')].map((a) => text(a));
const xml = new XMLParser({ ignoreAttributes: false });
const readXml = async (path: string) => xml.parse(await readFile(join(dist, path), 'utf8'));
const items = (feed: { rss: { channel: { item?: unknown } } }) => [feed.rss.channel.item ?? []].flat() as Record<string, unknown>[];

/** Builds the same content from scratch at the same clock: the incremental build folder must be identical, as bytes. */
async function expectSameAsScratch() {
	const fresh = await buildSite({ name: `${name}-scratch`, env: env() });
	expect(await distDifferences(dist, fresh, ['incremental', 'scratch'])).toEqual([]);
}

let dist: string;

/** How many pages the search index (Pagefind) holds, over every year's part and every language. */
async function indexedPages(folder: string): Promise<number> {
	const { parts } = JSON.parse(await readFile(join(folder, 'pagefind', 'parts.json'), 'utf8')) as { parts: { path: string }[] };
	let pages = 0;
	for (const part of parts) {
		const entry = JSON.parse(await readFile(join(folder, 'pagefind', part.path, 'pagefind-entry.json'), 'utf8')) as {
			languages: Record<string, { page_count: number }>;
		};
		pages += Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
	}
	return pages;
}

beforeAll(async () => {
	await rm(join(tmpRoot, name), { recursive: true, force: true });
	await write('authors/reporter.yaml', 'name: Reporter\nbio: Writes.\n');
	await write('authors/editor.yaml', 'name: Editor\nbio: Edits.\n');
	await write('sections/world.yaml', 'name: World\ndescription: The world.\n');
	await write('sections/business.yaml', 'name: Business\ndescription: Money.\n');
	for (let i = 1; i <= 8; i++) await write(`articles/2026/01/story-${i}.md`, story(i, i));
	await write(
		'articles/2025/12/markets.md',
		'---\ntitle: Markets\npubDate: 2025-12-30 08:00\nauthors: [editor]\nsection: business\n---\n\nMarkets moved.\n',
	);
	dist = await build();
});

describe('incremental rebuilds', () => {
	it('reuse every article page when nothing changed', async () => {
		const before = await Promise.all([1, 4, 8].map((i) => mtime(dist, `articles/2026/01/story-${i}`)));
		const indexBuilt = await Promise.all(['2026', '2025'].map(searchIndexBuilt));
		await build();
		// The search index too: the pages it holds are the ones it was built from.
		expect(await Promise.all(['2026', '2025'].map(searchIndexBuilt))).toEqual(indexBuilt);
		const after = await Promise.all([1, 4, 8].map((i) => mtime(dist, `articles/2026/01/story-${i}`)));
		expect(after).toEqual(before);
		await expectSameAsScratch();
	});

	it('check only the pages a build wrote: the facts of the pages Astro reused are kept in the cache folder', async () => {
		// The security, consent and search steps read what they need of each page once; a page Astro reused and
		// nobody touched is known by its file status and not read again (pages without a cache key, listings and the
		// home page, render on every build).
		await build();
		const quiet = pagesRead();
		expect(quiet.pages).toBeGreaterThan(20);
		expect(quiet.read).toBeLessThanOrEqual(quiet.pages - 9);
		// The record is keyed by the code that reads pages: another version of it reads every page again.
		const record = join(tmpRoot, name, 'cache', 'newsroom', 'page-facts.json');
		const kept = JSON.parse(await readFile(record, 'utf8')) as { version: string };
		await writeFile(record, JSON.stringify({ ...kept, version: 'older code' }));
		await build();
		const afterUpgrade = pagesRead();
		expect(afterUpgrade.read).toBe(afterUpgrade.pages);
		await expectSameAsScratch();
	});

	it('show a new article in the Recent Posts of every page without rendering them again, and in feeds and sitemaps', async () => {
		const before = await mtime(dist, 'articles/2026/01/story-1');
		expect(await indexedPages(dist)).toBe(9);
		await write('articles/2026/01/story-9.md', story(9, 31));
		const [built2026, built2025] = await Promise.all(['2026', '2025'].map(searchIndexBuilt));
		await build();
		// The search index holds the new article (and is byte-identical to a scratch build's, below): its year is
		// indexed again, the year before is reused, though the Recent Posts list of its one page changed.
		expect(await searchIndexBuilt('2026')).toBeGreaterThan(built2026!);
		expect(await searchIndexBuilt('2025')).toBe(built2025);
		expect(await recentTitles(dist, '/articles/2025/12/markets/')).toContain('Story 9');
		expect(await indexedPages(dist)).toBe(10);
		// Its related stories: same topic and section, nearest in date first, never itself.
		const related = [...(await page('/articles/2026/01/story-9/', dist)).querySelectorAll('.related a')].map((a) => text(a));
		expect(related).toEqual(['Story 8', 'Story 7', 'Story 6', 'Story 5', 'Story 4']);
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
		const parser = new XMLParser();
		const feed = parser.parse(await readFile(join(dist, 'rss.xml'), 'utf8'));
		expect(feed.rss.channel.item[0].title).toBe('Story 9');
		const sectionFeed = parser.parse(await readFile(join(dist, 'sections/world/rss.xml'), 'utf8'));
		expect(sectionFeed.rss.channel.item[0].title).toBe('Story 9');
		const sitemap = parser.parse(await readFile(join(dist, 'sitemap-0.xml'), 'utf8'));
		const locs = sitemap.urlset.url.map((url: { loc: string }) => url.loc);
		expect(locs).toContain('https://asiapacific-news.example/articles/2026/01/story-9/');
		const news = parser.parse(await readFile(join(dist, 'news-sitemap.xml'), 'utf8'));
		expect([news.urlset.url].flat().map((url: { loc: string }) => url.loc)).toContain(
			'https://asiapacific-news.example/articles/2026/01/story-9/',
		);
		await expectSameAsScratch();
	});

	it('show an edited headline everywhere', async () => {
		await write('articles/2026/01/story-9.md', story(9, 31).replace('title: Story 9', 'title: Story 9, corrected'));
		await build();
		expect((await recentTitles(dist, '/articles/2026/01/story-3/'))[0]).toBe('Story 9, corrected');
		expect(text((await page('/articles/2026/01/story-9/', dist)).querySelector('h1'))).toBe('Story 9, corrected');
		await expectSameAsScratch();
	});

	it('drop a withdrawn article: its page goes, older stories move back into every list', async () => {
		await write('articles/2026/01/story-8.md', story(8, 8).replace('---\n\nStory', 'draft: true\n---\n\nStory'));
		await rm(join(content, 'articles/2026/01/story-9.md'));
		await build();
		await expect(stat(join(dist, 'articles/2026/01/story-9/index.html'))).rejects.toThrow();
		await expect(stat(join(dist, 'articles/2026/01/story-8/index.html'))).rejects.toThrow();
		expect(await indexedPages(dist)).toBe(8);
		// Story 7's related links no longer name the withdrawn story 8: its page was rebuilt.
		expect([...(await page('/articles/2026/01/story-7/', dist)).querySelectorAll('.related a')].map((a) => text(a))).not.toContain('Story 8');
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
		await expectSameAsScratch();
	});

	it('keep default lists current when the record of list options is lost but pages are reused', async () => {
		await rm(join(tmpRoot, name, 'cache', 'newsroom', 'recent-posts.json'));
		await write('articles/2026/01/story-10.md', story(10, 20));
		await build();
		expect((await recentTitles(dist, '/articles/2026/01/story-1/'))[0]).toBe('Story 10');
		await expectSameAsScratch();
	});

	it('show a renamed author in every byline, author page, feed and JSON-LD block that names them', async () => {
		await write('authors/reporter.yaml', 'name: Senior Reporter\nbio: Writes.\n');
		await build();
		for (const i of [1, 7, 10]) {
			const document = await page(`/articles/2026/01/story-${i}/`, dist);
			expect(text(document.querySelector('.byline'))).toBe('By Senior Reporter');
			expect(text(document.querySelector('.author-box h2'))).toBe('Senior Reporter');
			const article = JSON.parse(document.querySelector('script[type="application/ld+json"]')!.textContent!);
			expect(article.author.map((author: { name: string }) => author.name)).toEqual(['Senior Reporter']);
		}
		expect(text((await page('/authors/reporter/', dist)).querySelector('h1'))).toBe('Senior Reporter');
		for (const path of ['rss.xml', 'sections/world/rss.xml', 'authors/reporter/rss.xml']) {
			const creators = items(await readXml(path)).filter((item) => item['title'] !== 'Markets').map((item) => item['dc:creator']);
			expect(creators.length, path).toBeGreaterThan(0);
			expect(new Set(creators), path).toEqual(new Set(['Senior Reporter']));
		}
		expect((await readXml('authors/reporter/rss.xml')).rss.channel.title).toBe('Senior Reporter | Asia Pacific Daily');
		await expectSameAsScratch();
	});

	it('show a renamed section in the navigation of every page, its front, article pages and feeds', async () => {
		await write('sections/world.yaml', 'name: World News\ndescription: The world.\n');
		await build();
		for (const path of ['/', '/articles/2025/12/markets/', '/articles/2026/01/story-2/', '/sections/business/', '/authors/editor/', '/tags/topic/']) {
			const nav = [...(await page(path, dist)).querySelectorAll('.site-nav a')].map((a) => text(a));
			expect(nav, path).toContain('World News');
			expect(nav, path).not.toContain('World');
		}
		expect(text((await page('/sections/world/', dist)).querySelector('h1'))).toBe('World News');
		expect(text((await page('/articles/2026/01/story-2/', dist)).querySelector('.section-link'))).toBe('World News');
		const world = items(await readXml('rss.xml')).find((item) => item['title'] === 'Story 2')!;
		expect([world['category']].flat()).toContain('World News');
		expect((await readXml('sections/world/rss.xml')).rss.channel.title).toBe('World News | Asia Pacific Daily');
		await expectSameAsScratch();
	});

	describe('an embargo lifted by a scheduled rebuild with a later clock, pages reused', () => {
		const lift = '2026-02-02T09:00:00Z'; // 17:00 in Kuala Lumpur
		const url = 'https://asiapacific-news.example/articles/2026/02/summit/';
		const locs = async (path: string) =>
			[(await readXml(path)).urlset.url ?? []].flat().map((entry: { loc: string }) => entry.loc);
		const everywhere = async () => ({
			page: await stat(join(dist, 'articles/2026/02/summit/index.html')).then(() => true, () => false),
			recent: (await recentTitles(dist, '/articles/2026/01/story-1/')).includes('Summit statement'),
			home: (await recentTitles(dist, '/')).includes('Summit statement') || text((await page('/', dist)).querySelector('.lead h2')) === 'Summit statement',
			feeds: await Promise.all(
				['rss.xml', 'sections/world/rss.xml', 'authors/reporter/rss.xml'].map(async (path) =>
					items(await readXml(path)).some((item) => item['title'] === 'Summit statement'),
				),
			),
			sitemap: (await locs('sitemap-0.xml')).includes(url),
			news: (await locs('news-sitemap.xml')).includes(url),
		});

		beforeAll(async () => {
			await write(
				'articles/2026/02/summit.md',
				'---\ntitle: Summit statement\npubDate: 2026-02-02 17:00\nauthors: [reporter]\nsection: world\n---\n\nThe statement.\n',
			);
		});

		it('holds the story back at one second before its time, everywhere', async () => {
			clock = new Date(Date.parse(lift) - 1000).toISOString();
			await build();
			expect(await everywhere()).toEqual({ page: false, recent: false, home: false, feeds: [false, false, false], sitemap: false, news: false });
			await expectSameAsScratch();
		});

		it('publishes it at exactly its time: its page, Recent Posts on reused pages, every feed, both sitemaps', async () => {
			const before = await mtime(dist, 'articles/2026/01/story-1');
			clock = lift;
			await build();
			expect(await mtime(dist, 'articles/2026/01/story-1')).toBe(before);
			expect(await everywhere()).toEqual({ page: true, recent: true, home: true, feeds: [true, true, true], sitemap: true, news: true });
			expect((await recentTitles(dist, '/articles/2026/01/story-1/'))[0]).toBe('Summit statement');
			await expectSameAsScratch();
		});
	});

	it('add one entry to a live blog: render its page and its feeds again, reuse every other page', async () => {
		await write(
			'articles/2026/01/live.md',
			'---\ntitle: Count live\npubDate: 2026-01-20 09:00\nauthors: [reporter]\nsection: world\nlive:\n  status: live\n---\n\nFollow the count.\n',
		);
		await write('articles/2026/01/live.live/0900.md', '---\ndate: 2026-01-20 09:00\nheadline: How to follow\npinned: true\n---\n\nPinned.\n');
		await write('articles/2026/01/live.live/1000.md', '---\ndate: 2026-01-20 10:00\n---\n\nFirst result.\n');
		await build();
		const pages = ['articles/2026/01/live', 'articles/2026/01/story-1', 'sections/world', 'authors/reporter'];
		const before = await Promise.all(pages.map((path) => mtime(dist, path)));
		await write('articles/2026/01/live.live/1100.md', '---\ndate: 2026-01-20 11:00\nheadline: Second result\n---\n\nSecond result.\n');
		await build();
		const after = await Promise.all(pages.map((path) => mtime(dist, path)));
		expect(after.map((time, index) => time !== before[index])).toEqual([true, false, false, false]);
		const live = await page('/articles/2026/01/live/', dist);
		expect([...live.querySelectorAll('.live-entry')].map((entry) => entry.id)).toEqual(['update-0900', 'update-1100', 'update-1000']);
		// Its updates.json (live updates are on in the site) lists the new entry, newest first, as the page shows it.
		const updates = JSON.parse(await readFile(join(dist, 'articles/2026/01/live/updates.json'), 'utf8')) as { updates: { id: string }[] };
		expect(updates.updates.map((update) => update.id)).toEqual(['update-1100', 'update-1000', 'update-0900']);
		const feed = await readXml('sections/world/rss.xml');
		const item = items(feed).find((candidate) => candidate['title'] === 'Count live')!;
		expect(item['dcterms:modified']).toBe('2026-01-20T11:00:00+08:00');
		expect(String(item['content:encoded'])).toContain('Second result');
		await expectSameAsScratch();
	});

	it('index a story of another year on its own: the other years are reused, the newest stays the root', async () => {
		const built = await Promise.all(['2026', '2025'].map(searchIndexBuilt));
		await write('articles/2024/06/archive.md', '---\ntitle: From the archive\npubDate: 2024-06-01 09:00\nauthors: [editor]\nsection: world\n---\n\nAn old story.\n');
		await build();
		const parts = JSON.parse(await readFile(join(dist, 'pagefind', 'parts.json'), 'utf8')) as { parts: { path: string }[] };
		expect(parts.parts.map((part) => part.path)).toEqual(['', '2025/', '2024/']);
		expect(await Promise.all(['2026', '2025'].map(searchIndexBuilt))).toEqual(built);
		await expectSameAsScratch();
	});

	it('move the last newest year below a story of a new one', async () => {
		// The first build of a year renders every page again (the footer shows the year), so every year is indexed.
		clock = '2027-01-10T00:00:00Z';
		await write('articles/2027/01/new-year.md', '---\ntitle: New year\npubDate: 2027-01-05 09:00\nauthors: [editor]\nsection: world\n---\n\nA new year.\n');
		await build();
		const parts = JSON.parse(await readFile(join(dist, 'pagefind', 'parts.json'), 'utf8')) as { parts: { path: string }[] };
		expect(parts.parts.map((part) => part.path)).toEqual(['', '2026/', '2025/', '2024/']);
		const root = JSON.parse(await readFile(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
		expect(Object.values(root.languages).map((language) => language.page_count)).toEqual([1]);
		await expectSameAsScratch();
	});

	it('leave exactly what a build from scratch of the same content writes', async () => {
		await expectSameAsScratch();
	});

	it('read again a reused page edited in the output since the last build (Astro leaves it there)', async () => {
		const story = join(dist, 'articles/2026/01/story-3/index.html');
		const original = await readFile(story, 'utf8');
		await writeFile(story, original.replace('</main>', '<iframe src="https://tracker.example/pixel"></iframe></main>'));
		await expect(build()).rejects.toThrow(/story-3\/index\.html: <iframe src="https:\/\/tracker\.example\/pixel">/);
		await writeFile(story, original);
		await build();
		await expectSameAsScratch();
	});
});
