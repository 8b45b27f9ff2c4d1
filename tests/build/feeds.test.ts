import { execFile } from 'node:child_process';
import { access, cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { page, text } from '../helpers/parse.ts';
import { siteDist, tmpRoot } from '../helpers/paths.ts';

const run = promisify(execFile);
const site = 'https://asiapacific-news.example';
const article = (id: string) => `${site}/articles/${id}/`;
const bezos = '2026/01/bezos-musk-satellite-race';
const xi = '2023/05/xi-central-asia-potential';

const parser = new XMLParser({
	ignoreAttributes: false,
	parseTagValue: false,
	isArray: (name) => ['item', 'category', 'dc:creator'].includes(name),
});

interface Item {
	title: string;
	link: string;
	guid: { '#text': string; '@_isPermaLink': string };
	pubDate: string;
	description: string;
	'content:encoded': string;
	'dc:creator': string[];
	'dcterms:modified'?: string;
	category: string[];
	'media:content'?: Record<string, string> & { 'media:description': { '#text': string }; 'media:credit'?: string };
}

/** A built feed as fast-xml-parser reads it. */
async function feed(dist: string, path: string) {
	const xml = await readFile(join(dist, path), 'utf8');
	const parsed = parser.parse(xml);
	const channel = parsed.rss.channel;
	return { xml, parsed, channel, items: (channel.item ?? []) as Item[] };
}

/** Every rss.xml below `dist`, as paths relative to it. */
async function feedPaths(dist: string): Promise<string[]> {
	const files = await readdir(dist, { recursive: true });
	return files.filter((file) => file === 'rss.xml' || file.endsWith('/rss.xml')).sort();
}

/** What Debian's python3-feedparser makes of each feed: the bozo flag (malformed), entries and their ids. */
async function feedparser(dist: string, paths: string[]) {
	const script = [
		'import feedparser, json, sys',
		'out = []',
		'for path in sys.argv[1:]:',
		'    d = feedparser.parse(path)',
		'    out.append({"path": path, "bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,',
		'        "ids": [e.get("id") for e in d.entries], "updated": [e.get("updated") for e in d.entries]})',
		'print(json.dumps(out))',
	].join('\n');
	const { stdout } = await run('/usr/bin/python3', ['-c', script, ...paths.map((path) => join(dist, path))]);
	return JSON.parse(stdout) as {
		path: string;
		bozo: boolean;
		error: string;
		version: string;
		ids: string[];
		updated: (string | null)[];
	}[];
}

async function xmllint(files: string[]) {
	return run('xmllint', ['--noout', ...files]).then(
		({ stderr }) => ({ status: 0, stderr }),
		(error: { code: number; stderr: string }) => ({ status: error.code, stderr: error.stderr }),
	);
}

/** The HTML of content:encoded as a DOM. */
function contentOf(item: Item): Document {
	return parseHTML(`<!doctype html><html><body>${item['content:encoded']}</body></html>`)
		.document as unknown as Document;
}

/** Every URL in the HTML: href, src, poster, cite and each srcset candidate. */
function urlsIn(doc: Document): string[] {
	const found: string[] = [];
	for (const element of doc.querySelectorAll('[href], [src], [poster], [cite], [srcset]')) {
		for (const name of ['href', 'src', 'poster', 'cite']) {
			const value = element.getAttribute(name);
			if (value !== null) found.push(value);
		}
		const srcset = element.getAttribute('srcset');
		if (srcset) found.push(...srcset.split(/,\s+/).map((candidate) => candidate.trim().split(/\s+/)[0]!));
	}
	return found;
}

/** The file in `dist` that serves an absolute URL of the site (`base` is the site's path). */
function fileFor(dist: string, url: string, origin: string, base = '/'): string {
	const path = decodeURIComponent(new URL(url).pathname);
	expect(url.startsWith(origin + base), `${url} is on ${origin}${base}`).toBe(true);
	const inDist = path.slice(base.length);
	return join(dist, inDist.endsWith('/') || inDist === '' ? join(inDist, 'index.html') : inDist);
}

async function exists(file: string): Promise<boolean> {
	return access(file).then(
		() => true,
		() => false,
	);
}

describe('the feeds of the sample site', () => {
	it('are the site feed and one per section, per author and per topic with enough articles', async () => {
		expect(await feedPaths(siteDist)).toEqual([
			'authors/ap-journalist/rss.xml',
			'authors/newsdesk/rss.xml',
			'rss.xml',
			'sections/business/rss.xml',
			'sections/lifestyle/rss.xml',
			'sections/sports/rss.xml',
			'sections/travel/rss.xml',
			'sections/world/rss.xml',
			'tags/malaysia/rss.xml',
			'tags/tourism/rss.xml',
		]);
	});

	it('are well-formed (xmllint) and read by feedparser as RSS 2.0 without a bozo flag', async () => {
		const paths = await feedPaths(siteDist);
		expect(await xmllint(paths.map((path) => join(siteDist, path)))).toEqual({ status: 0, stderr: '' });
		const results = await feedparser(siteDist, paths);
		expect(
			results.map(({ path, bozo, error, version }) => ({ path: relative(siteDist, path), bozo, error, version })),
		).toEqual(paths.map((path) => ({ path, bozo: false, error: '', version: 'rss20' })));
		// feedparser sees our permalinks as the entry ids.
		expect(results.find((result) => result.path.endsWith('/dist/rss.xml'))?.ids[0]).toBe(
			article('2026/01/south-yemen-security-narratives'),
		);
	});

	it('have the channel fields: title, link, description, language, self link, lastBuildDate, ttl, logo', async () => {
		const cases = [
			[
				'rss.xml',
				'Asia Pacific Daily',
				`${site}/`,
				'News and analysis from across the Asia-Pacific region.',
				'Wed, 28 Jan 2026 18:00:00 +0800',
			],
			['sections/world/rss.xml', 'World | Asia Pacific Daily', `${site}/sections/world/`, undefined, 'Wed, 28 Jan 2026 18:00:00 +0800'],
			[
				'authors/newsdesk/rss.xml',
				'Asia Pacific Daily Newsdesk | Asia Pacific Daily',
				`${site}/authors/newsdesk/`,
				undefined,
				'Wed, 28 Jan 2026 17:00:00 +0800',
			],
		] as const;
		for (const [path, title, link, description, lastBuildDate] of cases) {
			const { parsed, channel } = await feed(siteDist, path);
			expect(parsed['?xml-stylesheet']).toEqual({ '@_href': '/feed.css', '@_type': 'text/css' });
			expect(channel.title).toBe(title);
			expect(channel.link).toBe(link);
			expect(channel.description.length).toBeGreaterThan(10);
			if (description) expect(channel.description).toBe(description);
			expect(channel.language).toBe('en');
			expect(channel['atom:link']).toEqual({
				'@_href': `${site}/${path}`,
				'@_rel': 'self',
				'@_type': 'application/rss+xml',
			});
			// The newest item's date in Kuala Lumpur time, not the build's clock: two builds write the same feed.
			expect(channel.lastBuildDate).toBe(lastBuildDate);
			expect(channel.ttl).toBe('30');
			expect(channel.image).toEqual({ url: `${site}/logo.png`, title, link });
			expect(await exists(fileFor(siteDist, channel.image.url, site))).toBe(true);
		}
		// The channel links to the page the feed follows, which exists.
		expect(await exists(fileFor(siteDist, `${site}/sections/world/`, site))).toBe(true);
	});

	it('list the published articles newest first, and nothing held back (drafts, embargo)', async () => {
		const { items } = await feed(siteDist, 'rss.xml');
		expect(items.map((item) => item.guid['#text'])).toEqual(
			[
				'2026/01/south-yemen-security-narratives',
				'2026/01/paris-couture-details-zara',
				'2026/01/festival-tourism-sundance-bafta',
				'2026/01/joe-burrow-piano-soft-skills',
				'2026/01/albania-visa-free-destination',
				bezos,
				xi,
				// The story formats' samples (dated before the seed's stories: its Recent Posts stay the seed page's).
				'2023/05/sabah-election-live',
				'2023/05/asean-chip-supply-analysis',
				'2023/05/four-day-week-opinion',
				'2023/04/flood-relief-live',
			].map(article),
		);
		const times = items.map((item) => Date.parse(item.pubDate));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		for (const path of await feedPaths(siteDist)) {
			const { xml } = await feed(siteDist, path);
			expect(xml).not.toContain('draft-budget-preview');
			expect(xml).not.toContain('embargoed-summit-statement');
		}
	});

	it('per section and per author carry exactly their articles, newest first', async () => {
		const guids = async (path: string) => (await feed(siteDist, path)).items.map((item) => item.guid['#text']);
		expect(await guids('sections/world/rss.xml')).toEqual(
			['2026/01/south-yemen-security-narratives', xi, '2023/05/sabah-election-live', '2023/04/flood-relief-live'].map(article),
		);
		expect(await guids('sections/business/rss.xml')).toEqual([bezos, '2023/05/asean-chip-supply-analysis'].map(article));
		expect(await guids('authors/ap-journalist/rss.xml')).toEqual(
			['2026/01/south-yemen-security-narratives', '2026/01/albania-visa-free-destination', bezos, xi].map(article),
		);
		const { items } = await feed(siteDist, 'sections/travel/rss.xml');
		for (const item of items) expect(item.category[0]).toBe('Travel');
	});

	it('give every item its permalink as link and guid, and pubDate with the +0800 offset of Kuala Lumpur', async () => {
		const { items } = await feed(siteDist, 'rss.xml');
		for (const item of items) {
			expect(item.guid['@_isPermaLink']).toBe('true');
			expect(item.link).toBe(item.guid['#text']);
			expect(item.pubDate).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0800$/);
			expect(await exists(fileFor(siteDist, item.link, site))).toBe(true);
		}
		const byId = new Map(items.map((item) => [item.guid['#text'], item]));
		expect(byId.get(article(bezos))?.pubDate).toBe('Wed, 28 Jan 2026 13:00:00 +0800');
		expect(byId.get(article(xi))?.pubDate).toBe('Fri, 19 May 2023 18:30:00 +0800');
		expect(byId.get(article(xi))?.['dcterms:modified']).toBe('2023-05-20T09:15:00+08:00');
	});

	it('give each item its dek or excerpt (as on the page), creators by name and the section and tags as categories', async () => {
		const { items } = await feed(siteDist, 'rss.xml');
		for (const item of items) {
			const doc = await page(new URL(item.link).pathname);
			expect(item.description).toBe(doc.querySelector('meta[name="description"]')?.getAttribute('content'));
		}
		const item = items.find((candidate) => candidate.guid['#text'] === article(bezos))!;
		expect(item.title).toBe('Bezos and Musk Face Off in New “Star Wars” Satellite Race to Connect Remote Americas');
		expect(item['dc:creator']).toEqual(['AP Journalist', 'Asia Pacific Daily Newsdesk']);
		expect(item.category).toEqual(['Business & Tech', 'Space', 'Satellites', 'Internet']);
	});

	it('carry the full article in content:encoded, MDX components included, every URL absolute on the site', async () => {
		for (const path of await feedPaths(siteDist)) {
			for (const item of (await feed(siteDist, path)).items) {
				const content = contentOf(item);
				for (const url of urlsIn(content)) {
					expect(url, `${url} in ${item.link}`).toMatch(/^https?:\/\//);
					if (url.startsWith(site)) expect(await exists(fileFor(siteDist, url, site)), url).toBe(true);
				}
				// Every paragraph of the article page's body is in the feed (a consent embed's placeholder is page UI:
				// the feed links to the content instead, checked below).
				const pageParagraphs = [...(await page(new URL(item.link).pathname)).querySelectorAll('.article-body p')]
					.filter((paragraph) => !paragraph.closest('newsroom-embed'))
					.map(text);
				const feedParagraphs = new Set([...content.querySelectorAll('p')].map(text));
				for (const paragraph of pageParagraphs) expect(feedParagraphs, `${paragraph} in ${path}`).toContain(paragraph);
			}
		}
		const { items } = await feed(siteDist, 'rss.xml');
		const factbox = contentOf(items.find((item) => item.guid['#text'] === article(bezos))!).querySelector(
			'aside.factbox',
		);
		expect(text(factbox?.querySelector('.factbox-title'))).toBe('The two networks');
		expect(text(factbox)).toContain('Starlink has thousands of satellites in low Earth orbit.');
		// The video behind consent is a link in feeds, where nobody can give consent.
		const bezosContent = contentOf(items.find((item) => item.guid['#text'] === article(bezos))!);
		const video = bezosContent.querySelector('a[href="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"]');
		expect(text(video?.parentElement)).toBe('Launch of the first TeraWave satellites, filmed from the pad (YouTube)');
		expect(bezosContent.querySelectorAll('iframe, button, newsroom-embed')).toHaveLength(0);
		const xiContent = contentOf(items.find((item) => item.guid['#text'] === article(xi))!);
		expect(xiContent.querySelectorAll('blockquote')).toHaveLength(2);
		expect(text(xiContent.body)).toContain('misstated the year of the next summit');
	});

	it('give each item its hero as media:content: an absolute URL to a processed JPEG, its size, alt text and credit', async () => {
		const { items } = await feed(siteDist, 'rss.xml');
		// The story formats' samples have no hero.
		for (const item of items.filter((item) => !item.guid['#text'].includes('/2023/0') || item.guid['#text'].includes('xi-central'))) {
			const media = item['media:content']!;
			expect(media['@_medium']).toBe('image');
			expect(media['@_type']).toBe('image/jpeg');
			const file = fileFor(siteDist, media['@_url']!, site);
			const { format, width, height } = await sharp(file).metadata();
			expect({ format, width: String(width), height: String(height) }).toEqual({
				format: 'jpeg',
				width: media['@_width'],
				height: media['@_height'],
			});
			const heroAlt = (await page(new URL(item.link).pathname)).querySelector('.hero img')?.getAttribute('alt');
			expect(media['media:description']['#text']).toBe(heroAlt);
			expect(media['media:credit']).toBe('Illustration by Asia Pacific Daily');
			// The hero opens the article in content:encoded too, for readers that ignore media:content.
			expect(contentOf(item).querySelector('figure img')?.getAttribute('src')).toBe(media['@_url']);
		}
	});

	it('are announced on every page (site feed), and on section and author pages (their own feed)', async () => {
		const alternates = async (path: string) =>
			[...(await page(path)).querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')].map((link) =>
				link.getAttribute('href')!,
			);
		expect(await alternates('/')).toEqual([`${site}/rss.xml`]);
		expect(await alternatesOf('/', 'application/feed+json')).toEqual([`${site}/feed.json`]);
		expect(await alternates(`/articles/${bezos}/`)).toEqual([`${site}/rss.xml`]);
		expect(await alternates('/sections/world/')).toEqual([`${site}/rss.xml`, `${site}/sections/world/rss.xml`]);
		expect(await alternates('/authors/newsdesk/')).toEqual([`${site}/rss.xml`, `${site}/authors/newsdesk/rss.xml`]);
		for (const href of [...(await alternates('/sections/world/')), ...(await alternates('/authors/newsdesk/'))]) {
			expect(await exists(fileFor(siteDist, href, site))).toBe(true);
		}
	});

	it('have a human page, /feeds/, listing every feed (site, sections, authors, topics) with its address, and no XSLT', async () => {
		const doc = await page('/feeds/');
		expect(text(doc.querySelector('.dek'))).toMatch(/feed reader/);
		const listed = [...doc.querySelectorAll('.feed-list li')].map((item) => [
			item.querySelector('a')!.getAttribute('href'),
			text(item.querySelector('.feed-url')),
		]);
		const expected = ['/rss.xml', '/feed.json', ...['world', 'business', 'sports', 'lifestyle', 'travel'].map((id) => `/sections/${id}/rss.xml`)];
		for (const path of expected) expect(listed, path).toContainEqual([path, `${site}${path}`]);
		expect(listed).toContainEqual(['/authors/newsdesk/rss.xml', `${site}/authors/newsdesk/rss.xml`]);
		expect(listed).toContainEqual(['/tags/tourism/rss.xml', `${site}/tags/tourism/rss.xml`]);
		for (const [href] of listed) expect(await exists(fileFor(siteDist, `${site}${href}`, site)), href!).toBe(true);
		// A topic with fewer than `feeds.tagMinimum` (2 on the sample site) articles has no feed.
		expect(await exists(join(siteDist, 'tags/albania/rss.xml'))).toBe(false);
		expect(await exists(join(siteDist, 'feed.xsl'))).toBe(false);
		expect((await readdir(siteDist, { recursive: true })).filter((file) => /\.xslt?$/.test(file))).toEqual([]);
	});

	it('include a feed per topic with enough articles, advertised by the topic page', async () => {
		const { channel, items } = await feed(siteDist, 'tags/tourism/rss.xml');
		expect(channel.title).toBe('Tourism | Asia Pacific Daily');
		expect(channel.link).toBe(`${site}/tags/tourism/`);
		expect(items.map((item) => item.link)).toEqual([
			`${site}/articles/2026/01/festival-tourism-sundance-bafta/`,
			`${site}/articles/2026/01/albania-visa-free-destination/`,
		]);
		const alternates = [...(await page('/tags/tourism/')).querySelectorAll('link[rel="alternate"]')].map((link) => link.getAttribute('href'));
		expect(alternates).toContain(`${site}/tags/tourism/rss.xml`);
		const none = [...(await page('/tags/albania/')).querySelectorAll('link[rel="alternate"]')].map((link) => link.getAttribute('href'));
		expect(none).toEqual([`${site}/rss.xml`, `${site}/feed.json`]);
	});

	it('include JSON Feed 1.1 at /feed.json with the RSS feed\'s items: full HTML, authors, tags, image and both dates', async () => {
		const json = JSON.parse(await readFile(join(siteDist, 'feed.json'), 'utf8'));
		expect(jsonFeedProblems(json)).toEqual([]);
		expect(json).toMatchObject({
			version: 'https://jsonfeed.org/version/1.1',
			title: 'Asia Pacific Daily',
			home_page_url: `${site}/`,
			feed_url: `${site}/feed.json`,
			language: 'en-US',
		});
		const { items } = await feed(siteDist, 'rss.xml');
		expect(json.items.map((item: { id: string }) => item.id)).toEqual(items.map((item) => item.guid['#text']));
		const bezosItem = json.items.find((item: { id: string }) => item.id === `${site}/articles/${bezos}/`);
		expect(bezosItem.authors).toEqual([
			{ name: 'AP Journalist', url: `${site}/authors/ap-journalist/` },
			{ name: 'Asia Pacific Daily Newsdesk', url: `${site}/authors/newsdesk/` },
		]);
		expect(bezosItem.tags).toEqual(['Business & Tech', 'Space', 'Satellites', 'Internet']);
		expect(bezosItem.image).toMatch(/^https:\/\/asiapacific-news\.example\/_astro\/.+\.jpg$/);
		expect(bezosItem.date_published).toMatch(/^2026-01-28T\d\d:\d\d:\d\d\+08:00$/);
		expect(Date.parse(bezosItem.date_modified)).toBeGreaterThanOrEqual(Date.parse(bezosItem.date_published));
		expect(parseHTML(`<div>${bezosItem.content_html}</div>`).document.querySelectorAll('p').length).toBeGreaterThan(2);
		expect(await alternatesOf('/', 'application/feed+json')).toEqual([`${site}/feed.json`]);
	});
});

/** The addresses a page announces for feeds of a MIME type (`<link rel="alternate">`). */
async function alternatesOf(path: string, type: string): Promise<string[]> {
	return [...(await page(path)).querySelectorAll(`link[rel="alternate"][type="${type}"]`)].map((link) => link.getAttribute('href')!);
}

/** The type of each element a JSON Feed 1.1 must or may carry (https://www.jsonfeed.org/version/1.1/). */
function jsonFeedProblems(json: Record<string, unknown>): string[] {
	const problems: string[] = [];
	const isUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\//.test(value);
	const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value);
	if (json['version'] !== 'https://jsonfeed.org/version/1.1') problems.push('version');
	if (typeof json['title'] !== 'string') problems.push('title');
	for (const key of ['home_page_url', 'feed_url', 'icon']) if (key in json && !isUrl(json[key])) problems.push(key);
	if (!Array.isArray(json['items'])) return [...problems, 'items'];
	(json['items'] as Record<string, unknown>[]).forEach((item, index) => {
		const where = `items[${index}]`;
		if (typeof item['id'] !== 'string' || item['id'] === '') problems.push(`${where}.id`);
		if (typeof item['content_html'] !== 'string' && typeof item['content_text'] !== 'string') problems.push(`${where}: no content`);
		for (const key of ['url', 'external_url', 'image']) if (key in item && !isUrl(item[key])) problems.push(`${where}.${key}`);
		for (const key of ['date_published', 'date_modified']) if (key in item && !isDate(item[key])) problems.push(`${where}.${key}`);
		if ('tags' in item && !(Array.isArray(item['tags']) && item['tags'].every((tag) => typeof tag === 'string'))) problems.push(`${where}.tags`);
		if ('authors' in item && !(Array.isArray(item['authors']) && item['authors'].every((author) => typeof author?.name === 'string'))) problems.push(`${where}.authors`);
	});
	return problems;
}

describe('the feeds of a fixture site (base path, a DST zone, 2 items a feed, hostile text), built twice', () => {
	const fixtureRoot = fileURLToPath(new URL('../fixtures/feeds-site/', import.meta.url));
	const origin = 'https://feeds-fixture.example';
	const base = '/news/';
	const story = (id: string) => `${origin}${base}articles/${id}/`;
	const winter = '2026/01/winter-story';
	let first: string;
	let second: string;

	beforeAll(async () => {
		first = await buildSite({
			root: fixtureRoot,
			name: 'feeds-fixture/first',
			env: { NEWSROOM_CONTENT_DIR: 'content' },
		});
		// The same content, with the winter story updated months later.
		const updated = join(tmpRoot, 'feeds-fixture', 'updated-content');
		await rm(updated, { recursive: true, force: true });
		await cp(join(fixtureRoot, 'content'), updated, { recursive: true });
		const file = join(updated, 'articles', winter + '.md');
		const source = await readFile(file, 'utf8');
		await writeFile(
			file,
			source.replace('pubDate: 2026-01-15 09:00\n', 'pubDate: 2026-01-15 09:00\nupdatedDate: 2026-06-01 10:00\n'),
		);
		second = await buildSite({
			root: fixtureRoot,
			name: 'feeds-fixture/second',
			env: { NEWSROOM_CONTENT_DIR: relative(fixtureRoot, updated) },
		});
	});

	it('are well-formed and feedparser reads them without a bozo flag, in both builds', async () => {
		for (const dist of [first, second]) {
			const paths = await feedPaths(dist);
			expect(paths).toEqual([
				'authors/hostile/rss.xml',
				'authors/reporter/rss.xml',
				'rss.xml',
				'sections/business/rss.xml',
				'sections/world/rss.xml',
			]);
			expect(await xmllint(paths.map((path) => join(dist, path)))).toEqual({ status: 0, stderr: '' });
			for (const result of await feedparser(dist, paths))
				expect(result, result.path).toMatchObject({ bozo: false, error: '', version: 'rss20' });
		}
	});

	it('keep the guid (and link and pubDate) of an article when it is updated; the update shows as dcterms:modified', async () => {
		const before = (await feed(first, 'sections/world/rss.xml')).items[0]!;
		const after = (await feed(second, 'sections/world/rss.xml')).items[0]!;
		expect(before.guid).toEqual({ '#text': story(winter), '@_isPermaLink': 'true' });
		expect(after.guid).toEqual(before.guid);
		expect(after.link).toBe(before.link);
		expect(after.pubDate).toBe(before.pubDate);
		expect(before['dcterms:modified']).toBeUndefined();
		expect(after['dcterms:modified']).toBe('2026-06-01T10:00:00-04:00');
		const [read] = await feedparser(second, ['sections/world/rss.xml']);
		expect(read?.ids).toEqual([story(winter)]);
		expect(read?.updated).toEqual(['2026-06-01T10:00:00-04:00']);
	});

	it('hold the `feeds.items` newest articles, with the offset in force on each date (EST, EDT)', async () => {
		const { channel, items } = await feed(first, 'rss.xml');
		expect(items.map((item) => [item.guid['#text'], item.pubDate])).toEqual([
			[story('2026/06/hostile'), 'Sat, 20 Jun 2026 12:00:00 -0400'],
			[story('2026/06/summer-story'), 'Mon, 15 Jun 2026 09:00:00 -0400'],
		]);
		expect((await feed(first, 'sections/world/rss.xml')).items[0]?.pubDate).toBe('Thu, 15 Jan 2026 09:00:00 -0500');
		expect(channel.ttl).toBe('15');
		// The newest item's date (the content's last change), not the build clock.
		expect(channel.lastBuildDate).toBe('Sat, 20 Jun 2026 12:00:00 -0400');
	});

	it('live under the base path, and so do their links, self link and stylesheet', async () => {
		const { parsed, channel } = await feed(first, 'rss.xml');
		expect(channel.link).toBe(`${origin}${base}`);
		expect(channel['atom:link']['@_href']).toBe(`${origin}${base}rss.xml`);
		expect(channel.image.url).toBe(`${origin}${base}logo.png`);
		expect(parsed['?xml-stylesheet']['@_href']).toBe(`${base}feed.css`);
		expect(await exists(join(first, 'feed.css'))).toBe(true);
		const alternates = [
			...(await page('/', first)).querySelectorAll('link[rel="alternate"][type="application/rss+xml"]'),
		];
		expect(alternates.map((link) => link.getAttribute('href'))).toEqual([`${origin}${base}rss.xml`]);
	});

	it('link an article first published elsewhere to its canonical URL, and keep our permalink as guid', async () => {
		const item = (await feed(first, 'rss.xml')).items[1]!;
		expect(item.link).toBe('https://elsewhere.example/original?a=1&b=2');
		expect(item.guid['#text']).toBe(story('2026/06/summer-story'));
	});

	it('make every link, image, srcset candidate and poster in content:encoded absolute', async () => {
		const item = (await feed(first, 'sections/world/rss.xml')).items[0]!;
		const content = contentOf(item);
		expect([...content.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
			`${story(winter)}#notes`,
			`${origin}/sections/world/`,
			`${origin}${base}articles/2026/01/other/`,
			'https://example.org/report?a=1&b=2',
		]);
		expect(content.querySelector('source')?.getAttribute('srcset')).toBe(
			`${origin}/media/pier.avif 1x, ${origin}/media/pier@2x.avif 2x`,
		);
		const img = content.querySelector('picture img')!;
		expect(img.getAttribute('src')).toBe(`${story(winter)}media/pier.jpg`);
		expect(img.getAttribute('srcset')).toBe(
			`${story(winter)}media/pier-480.jpg 480w, https://cdn.example/w_800,h_450/pier.jpg 800w`,
		);
		const video = content.querySelector('video')!;
		expect([video.getAttribute('src'), video.getAttribute('poster')]).toEqual([
			`${origin}/media/clip.mp4`,
			`${origin}/media/clip.jpg`,
		]);
		// The Markdown image and the hero were processed by Astro: absolute, below the base path, and built.
		const processed = [...content.querySelectorAll('img')]
			.map((image) => image.getAttribute('src')!)
			.filter((src) => src.includes('/_astro/'));
		expect(processed).toHaveLength(2);
		for (const src of processed) expect(await exists(fileFor(first, src, origin, base)), src).toBe(true);
		for (const url of urlsIn(content)) expect(url).toMatch(/^(https?:\/\/|data:)/);
	});

	it('render MDX components given by the `mdxComponents` option, which the article does not import', async () => {
		const { items } = await feed(first, 'authors/hostile/rss.xml');
		expect(items.map((item) => item.guid['#text'])).toEqual([
			story('2026/06/hostile'),
			story('2026/05/factbox-without-import'),
		]);
		const factbox = contentOf(items[1]!).querySelector('aside.factbox');
		expect(text(factbox?.querySelector('.factbox-title'))).toBe('Provided, not imported');
		expect(text(factbox)).toContain('Both the page and the feed render this box.');
	});

	it('carry hostile text (&, <, ]]>, quotes, control characters) in titles, names, categories and bodies intact', async () => {
		const clean = 'Fish & Chips <b>bold</b> ]]> "quoted" \'single\' \u007F end';
		const { channel, items } = await feed(first, 'rss.xml');
		expect(channel.title).toBe('Fixture & <Co> "Daily"');
		expect(channel.description).toBe('Feeds fixture: ampersands & <angle brackets>.');
		const item = items[0]!;
		expect(item.title).toBe(clean);
		expect(item.description).toBe('A dek with & and < and ]]> and  control');
		expect(item['dc:creator']).toEqual([`Ann O'Brien & "Co" <ed>`, 'Rita Reporter']);
		expect(item.category).toEqual(['Business & <Markets>', 'R&D', '<Script>', 'a]]>b']);
		const content = contentOf(item);
		expect(text(content.body)).toContain('Profits rose 5% & costs < 3% ]]> done. Control: end.');
		expect(content.querySelector('p[title]')?.getAttribute('title')).toBe('a "quoted" ]]> attribute');
		expect(text(content.querySelector('p[title]'))).toBe('Raw & HTML with markup');
		const hostileFeed = await feed(first, 'authors/hostile/rss.xml');
		expect(hostileFeed.channel.title).toBe(`Ann O'Brien & "Co" <ed> | Fixture & <Co> "Daily"`);
		expect(hostileFeed.channel.description).toBe('Writes ]]> & other things.');
	});
});
