import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importWordPress } from '../../integrations/newsroom/wordpress/import.ts';
import { auditContext } from '../../scripts/audit/context.ts';
import { headersGate } from '../../scripts/audit/headers/headers-gate.ts';
import { linksGate } from '../../scripts/audit/links/links-gate.ts';
import { securityGate } from '../../scripts/audit/security/security-gate.ts';
import type { ImportReport } from '../../integrations/newsroom/wordpress/report.ts';
import { buildSite } from '../helpers/build-site.ts';
import { pagesDev, type PagesServer } from '../helpers/pages-dev.ts';
import { repoRoot, tmpRoot } from '../helpers/paths.ts';

/**
 * A site moved from WordPress, end to end: `newsroom import wordpress` writes the content, the reference site's
 * pages build it with `redirects.wordpressArchives`, and Cloudflare's local Pages server (`wrangler pages dev`,
 * which applies `_redirects` as the CDN does) answers every old permalink and archive URL with a 301 to its new
 * page. With the WordPress theme unit test export beside the repository (../shared/wxr), the same for every one of
 * its permalinks.
 */
const site = join(repoRoot, 'tests/fixtures/wordpress-site');
const fixture = join(repoRoot, 'tests/fixtures/wordpress');
const themeExport = join(repoRoot, '../shared/wxr/themeunittestdata.wordpress.xml');
const work = join(tmpRoot, 'wordpress-site');
const origin = 'https://harbour-gazette.example';

async function importAndBuild(name: string, file: string, uploads?: string) {
	const content = join(work, name, 'content');
	await rm(join(work, name), { recursive: true, force: true });
	const report = await importWordPress({ file, out: content, uploads, timeZone: 'Asia/Kuala_Lumpur' });
	const dist = await buildSite({ root: site, name: `wordpress-site-${name}`, env: { NEWSROOM_CONTENT_DIR: content } });
	return { report, dist, content };
}

/** Each `_redirects` rule as [from, to, status]. */
async function redirectRules(dist: string): Promise<string[][]> {
	return (await readFile(join(dist, '_redirects'), 'utf8'))
		.split('\n')
		.filter((line) => line && !line.startsWith('#'))
		.map((line) => line.split(' '));
}

describe('a site imported from a WordPress export', () => {
	let dist: string;
	let server: PagesServer;

	beforeAll(async () => {
		({ dist } = await importAndBuild('fixture', join(fixture, 'export.xml'), join(fixture, 'uploads')));
		server = await pagesDev(dist);
	}, 300_000);

	afterAll(async () => {
		await server?.close();
	});

	it('publishes every published post, with its hero and body images processed by astro:assets', async () => {
		const articles = (await readdir(join(dist, 'articles'), { recursive: true }))
			.filter((file) => file.endsWith('index.html'))
			.sort();
		expect(articles).toEqual([
			'2024/03/ferry-timetable-winter/index.html',
			'2024/03/gutenberg-storm-report/index.html',
			'2024/04/café-culture/index.html',
		]);
		const { document } = parseHTML(
			await readFile(join(dist, 'articles/2024/03/ferry-timetable-winter/index.html'), 'utf8'),
		);
		expect(document.querySelector('h1')?.textContent).toBe('Ferry timetable changes for winter');
		expect(document.querySelector('.hero img')?.getAttribute('alt')).toBe(
			'Fishing boats moored in the harbour at dawn',
		);
		const body = document.querySelector('.article-body')!;
		expect([...body.querySelectorAll('h2, h3')].map((heading) => `${heading.tagName}:${heading.textContent}`)).toEqual([
			'H2:What changes',
			'H3:Night boats',
		]);
		const images = [...body.querySelectorAll('img')].map((image) => [
			image.getAttribute('src')!.replace(/[^/]*$/, (name) => name.split('.')[0]!),
			image.getAttribute('alt'),
		]);
		expect(images).toEqual([
			['/_astro/harbour', 'Fishing boats moored in the harbour at dawn'],
			['/_astro/gallery-one', 'A red ferry leaving the quay'],
			['/_astro/gallery-two', 'Passengers on the upper deck'],
			['https://cdn.elsewhere.example/chart', 'Boat departures by hour'],
		]);
		expect(body.querySelector('a[href="/articles/2024/03/gutenberg-storm-report/"]')?.textContent).toBe(
			'the storm report',
		);
		expect(body.querySelector('audio[controls]')?.getAttribute('src')).toBe(
			'https://old.example/wp-content/uploads/2024/03/interview.mp3',
		);
	});

	it('writes a 301 for every alias of a published article and for the WordPress archives of what has pages', async () => {
		expect(await redirectRules(dist)).toEqual([
			['/2024/03/04/ferry-timetable-winter/', '/articles/2024/03/ferry-timetable-winter/', '301'],
			['/2024/03/05/gutenberg-storm-report/', '/articles/2024/03/gutenberg-storm-report/', '301'],
			['/2024/03/31/caf%C3%A9-culture/', '/articles/2024/04/caf%C3%A9-culture/', '301'],
			['/feed/', '/rss.xml', '301'],
			['/category/city/feed/', '/sections/city/rss.xml', '301'],
			['/category/city/', '/sections/city/', '301'],
			['/category/port/feed/', '/sections/port/rss.xml', '301'],
			['/category/port/', '/sections/port/', '301'],
			['/category/uncategorized/feed/', '/sections/uncategorized/rss.xml', '301'],
			['/category/uncategorized/', '/sections/uncategorized/', '301'],
			['/tag/city/', '/tags/city/', '301'],
			['/tag/ferries/', '/tags/ferries/', '301'],
			['/tag/weather/', '/tags/weather/', '301'],
			['/author/desk/', '/authors/desk/', '301'],
			['/author/maria-lopez/', '/authors/maria-lopez/', '301'],
		]);
		// A draft's and a password-protected post's old paths lead nowhere new: no redirect, no fallback page.
		expect(existsSync(join(dist, '2024/03/08/members-only'))).toBe(false);
	});

	it('answers every old URL with a 301 to its new page from Cloudflare’s local Pages server, and the target is there', async () => {
		for (const [from, to] of await redirectRules(dist)) {
			const response = await fetch(`${server.origin}${from}`, { redirect: 'manual' });
			expect([from, response.status, response.headers.get('location')]).toEqual([from, 301, to]);
			const target = await fetch(`${server.origin}${to}`, { redirect: 'manual' });
			expect([to, target.status]).toEqual([to, 200]);
		}
	});

	it('puts a fallback page at each old path: an instant refresh, the canonical URL, a visible link, noindex', async () => {
		const html = await readFile(join(dist, '2024/03/31/café-culture/index.html'), 'utf8');
		const { document } = parseHTML(html);
		const target = '/articles/2024/04/café-culture/';
		expect(document.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(`0; url=${target}`);
		expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
			`${origin}/articles/2024/04/caf%C3%A9-culture/`,
		);
		expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
		expect(document.querySelector('main a')?.getAttribute('href')).toBe(target);
	});

	it('gives a folder of only fallback pages no cache rule (the CDN redirects it), and passes the links, headers and security gates', async () => {
		const headers = await readFile(join(dist, '_headers'), 'utf8');
		expect(headers).not.toContain('/2024/');
		expect(headers).toContain('/articles/*');
		const context = await auditContext(dist);
		expect((await headersGate(context)).findings).toEqual([]);
		expect((await linksGate(context)).findings).toEqual([]);
		// The fallback pages have no rule (their paths are redirected), so no policy header: never served by the CDN.
		expect((await securityGate(context)).findings).toEqual([]);
	});

	it('leaves the old paths out of the sitemaps and feeds', async () => {
		const xml = new XMLParser();
		const sitemap = xml.parse(await readFile(join(dist, 'sitemap-0.xml'), 'utf8'));
		const locs: string[] = [sitemap.urlset.url].flat().map((url: { loc: string }) => url.loc);
		expect(locs).toContain(`${origin}/articles/2024/03/ferry-timetable-winter/`);
		expect(locs.filter((loc) => /\/20\d\d\/\d\d\/\d\d\//.test(loc))).toEqual([]);
		const rss = await readFile(join(dist, 'rss.xml'), 'utf8');
		expect(rss).not.toMatch(/\/2024\/03\/0\d\//);
	});
});

describe.runIf(existsSync(themeExport))('the WordPress theme unit test export (../shared/wxr)', () => {
	let report: ImportReport;
	let dist: string;
	let server: PagesServer;

	beforeAll(async () => {
		({ report, dist } = await importAndBuild('theme', themeExport));
		server = await pagesDev(dist);
	}, 300_000);

	afterAll(async () => {
		await server?.close();
	});

	it('gives every published post a page (55; the password-protected one is held back as a draft)', async () => {
		expect(report.items['post']).toEqual({ publish: 56, future: 1, draft: 1 });
		expect(report.articles).toMatchObject({ published: 55, drafts: 2, embargoed: 1 });
		const pages = (await readdir(join(dist, 'articles'), { recursive: true })).filter((file) =>
			file.endsWith('index.html'),
		);
		expect(pages).toHaveLength(55);
	});

	it('answers each of its 55 old permalinks with a 301 to the article, whose page exists', async () => {
		const aliases = (await redirectRules(dist)).filter(([from]) => !/^\/(feed|category|tag|author)\//.test(from!));
		expect(aliases).toHaveLength(55);
		for (const [from, to] of aliases) {
			const response = await fetch(`${server.origin}${from}`, { redirect: 'manual' });
			expect([from, response.status, response.headers.get('location')]).toEqual([from, 301, to]);
			expect(existsSync(join(dist, decodeURIComponent(to!), 'index.html'))).toBe(true);
		}
	});
});

describe('aliases that cannot redirect fail the build, naming both files', () => {
	const write = async (root: string, files: Record<string, string>) => {
		for (const [path, text] of Object.entries(files)) {
			await mkdir(dirname(join(root, path)), { recursive: true });
			await writeFile(join(root, path), text);
		}
	};
	const article = (title: string, aliases: string[]) =>
		`---\ntitle: ${title}\npubDate: 2026-01-20 09:00\nauthors: [desk]\nsection: city\naliases: [${aliases.join(', ')}]\n---\n\nText.\n`;
	const failure = async (name: string, articles: Record<string, string>) => {
		const content = join(work, name);
		await rm(content, { recursive: true, force: true });
		await write(content, { 'authors/desk.yaml': 'name: Desk\n', 'sections/city.yaml': 'name: City\n', ...articles });
		const error = await buildSite({
			root: site,
			name: `wordpress-site-${name}`,
			env: { NEWSROOM_CONTENT_DIR: content },
		}).then(
			() => undefined,
			(thrown: unknown) => thrown as Error,
		);
		expect(error).toBeDefined();
		return error!.message.replaceAll(content, '<content>');
	};

	it('an alias of two articles', async () => {
		expect(
			await failure('clash-aliases', {
				'articles/2026/01/one.md': article('One', ['/old/story/']),
				'articles/2026/01/two.md': article('Two', ['/elsewhere/', '/old/story']),
			}),
		).toContain('articles/2026/01/two.md (aliases.1): "/old/story" is also an alias of');
	});

	it("an alias that is another article's URL", async () => {
		const message = await failure('clash-article', {
			'articles/2026/01/one.md': article('One', ['/articles/2026/01/two/']),
			'articles/2026/01/two.md': article('Two', []),
		});
		expect(message).toMatch(
			/articles\/2026\/01\/one\.md \(aliases\.0\): "\/articles\/2026\/01\/two\/" is the URL of the article .*articles\/2026\/01\/two\.md/,
		);
	});

	it('an alias at a page of the site', async () => {
		const message = await failure('clash-page', { 'articles/2026/01/one.md': article('One', ['/privacy/']) });
		expect(message).toMatch(
			/articles\/2026\/01\/one\.md \(aliases\.0\): "\/privacy\/" is a page of the site \((\.\.\/)*src\/pages\/privacy\.astro\)/,
		);
	});
});
