import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, text } from '../helpers/parse.ts';
import { pagesDev, type PagesServer } from '../helpers/pages-dev.ts';
import { siteDist } from '../helpers/paths.ts';

/**
 * Live blogs and story kinds in the sample site: the page (pinned entry first, then newest, stable anchors and
 * permalinks), Google's structured-data rules for LiveBlogPosting and the article types, the CDN's short caching
 * while live (served by Cloudflare's local Pages server), and feeds carrying a live blog as one updated item.
 */

const site = 'https://asiapacific-news.example';
const live = '/articles/2023/05/sabah-election-live/';
const ended = '/articles/2023/04/flood-relief-live/';

function jsonLd(doc: Document): Record<string, any>[] {
	return [...doc.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent!));
}

describe('a live blog page', () => {
	it('shows the pinned entry first, then the newest, each with a stable anchor and a permalink to it', async () => {
		const doc = await page(live);
		const entries = [...doc.querySelectorAll('.live-entry')];
		expect(entries.map((entry) => entry.id)).toEqual(['update-1700-how-to-follow', 'update-2015-first-seat', 'update-1930-turnout']);
		expect(entries[0]!.classList.contains('pinned')).toBe(true);
		expect(text(entries[0]!.querySelector('.live-pinned'))).toBe('Pinned');
		for (const entry of entries) expect(entry.querySelector('.live-entry-link')?.getAttribute('href')).toBe(`#${entry.id}`);
		expect(text(doc.querySelector('.live-status'))).toBe('Live · 3 updates');
		expect(text((await page(ended)).querySelector('.live-status'))).toBe('Live coverage has ended · 2 updates');
	});

	it('meets Google’s LiveBlogPosting rules: coverage times, and each update with headline, date, body and its URL', async () => {
		const [posting] = jsonLd(await page(live));
		expect(posting).toMatchObject({
			'@type': 'LiveBlogPosting',
			headline: 'Sabah state election: polls close and the count begins',
			coverageStartTime: '2023-05-15T17:00:00+08:00',
			datePublished: '2023-05-15T17:00:00+08:00',
			// The newest entry is the latest change.
			dateModified: '2023-05-15T20:15:00+08:00',
		});
		expect(posting).not.toHaveProperty('coverageEndTime');
		expect(posting!['author'][0]).toMatchObject({ '@type': 'Person', name: expect.any(String), url: expect.stringMatching(/^https:/) });
		const updates = posting!['liveBlogUpdate'] as Record<string, any>[];
		expect(updates.map((update) => update['url'])).toEqual([
			`${site}${live}#update-2015-first-seat`,
			`${site}${live}#update-1930-turnout`,
			`${site}${live}#update-1700-how-to-follow`,
		]);
		for (const update of updates) {
			expect(update).toMatchObject({
				'@type': 'BlogPosting',
				headline: expect.stringMatching(/\S/),
				datePublished: expect.stringMatching(/^2023-05-15T\d\d:\d\d:00\+08:00$/),
				articleBody: expect.stringMatching(/\S/),
			});
			expect(update['headline'].length).toBeLessThanOrEqual(110);
		}
		// An entry without a headline gets the opening words of its text.
		expect(updates[0]!['headline']).toMatch(/^The first seat has been declared/);

		const [over] = jsonLd(await page(ended));
		expect(over).toMatchObject({
			'@type': 'LiveBlogPosting',
			coverageStartTime: '2023-04-20T07:00:00+08:00',
			coverageEndTime: '2023-04-21T18:00:00+08:00',
		});
	});

	it('gives analysis and opinion their article types and visible labels', async () => {
		const analysis = await page('/articles/2023/05/asean-chip-supply-analysis/');
		expect(jsonLd(analysis)[0]!['@type']).toBe('AnalysisNewsArticle');
		expect(text(analysis.querySelector('.article-header .kind'))).toBe('Analysis');
		const opinion = await page('/articles/2023/05/four-day-week-opinion/');
		expect(jsonLd(opinion)[0]!['@type']).toBe('OpinionNewsArticle');
		const home = await page('/');
		expect([...home.querySelectorAll('.card .kind')].map(text)).toEqual(expect.arrayContaining(['Live', 'Analysis', 'Opinion']));
	});

	it('shows no breaking banner once it has expired (the sample banner has)', async () => {
		expect((await page('/')).querySelector('.breaking-news')).toBeNull();
	});
});

describe('a live blog in the sitemap', () => {
	it('is dated by its newest entry, the last time it changed', async () => {
		const sitemap = new XMLParser({ isArray: (name) => name === 'url' }).parse(await readFile(join(siteDist, 'sitemap-0.xml'), 'utf8'));
		const lastmod = (path: string) => (sitemap.urlset.url as { loc: string; lastmod?: string }[]).find((url) => url.loc === `${site}${path}`)?.lastmod;
		// Published at 17:00 (+08:00), no updatedDate: its entries of 19:30 and 20:15 are its changes (@astrojs/sitemap
		// writes UTC).
		expect(lastmod(live)).toBe('2023-05-15T12:15:00.000Z');
		expect(lastmod(ended)).toBe('2023-04-21T10:00:00.000Z');
	});
});

describe('live updates (the liveUpdates option, on in the sample site)', () => {
	const updates = async (path: string) => JSON.parse(await readFile(join(siteDist, path, 'updates.json'), 'utf8'));

	it('writes each live blog an updates.json: its status and its entries, newest first, by anchor', async () => {
		expect(await updates(live)).toEqual({
			status: 'live',
			updates: [
				{ id: 'update-2015-first-seat', date: '2023-05-15T20:15:00+08:00' },
				{ id: 'update-1930-turnout', date: '2023-05-15T19:30:00+08:00' },
				{ id: 'update-1700-how-to-follow', date: '2023-05-15T17:00:00+08:00' },
			],
		});
		// Every anchor it lists is an entry of the page.
		const doc = await page(live);
		for (const { id } of (await updates(live)).updates) expect(doc.getElementById(id), id).not.toBeNull();
		expect((await updates(ended)).status).toBe('ended');
		await expect(readFile(join(siteDist, 'articles/2023/05/four-day-week-opinion/updates.json'))).rejects.toThrow(/ENOENT/);
	});

	it('puts the island on the live blog that is live only, worded by the labels', async () => {
		const island = (await page(live)).querySelector('newsroom-live-updates');
		expect(island?.getAttribute('data-src')).toBe(`${live}updates.json`);
		expect(island?.getAttribute('data-every')).toBe('30');
		expect(JSON.parse(island!.getAttribute('data-forms')!)).toEqual({ one: '{count} new update', other: '{count} new updates' });
		expect(island?.getAttribute('data-show')).toBe('Show');
		// Empty in the HTML: without JavaScript nothing is shown.
		expect(island?.childNodes.length).toBe(0);
		for (const path of [ended, '/articles/2023/05/four-day-week-opinion/', '/']) {
			const html = await readFile(join(siteDist, path, 'index.html'), 'utf8');
			expect(html, path).not.toContain('newsroom-live-updates');
		}
	});
});

describe('a live blog in feeds', () => {
	const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });

	it('is one item, modified at its newest entry, carrying its entries with their permalinks', async () => {
		const feed = parser.parse(await readFile(join(siteDist, 'sections/world/rss.xml'), 'utf8'));
		const items = (feed.rss.channel.item as Record<string, any>[]).filter((item) => item['link'] === `${site}${live}`);
		expect(items).toHaveLength(1);
		expect(items[0]!['dcterms:modified']).toBe('2023-05-15T20:15:00+08:00');
		const { document } = parseHTML(`<div>${items[0]!['content:encoded']}</div>`);
		expect([...document.querySelectorAll('section a')].map((a) => a.getAttribute('href'))).toEqual([
			`${site}${live}#update-1700-how-to-follow`,
			`${site}${live}#update-2015-first-seat`,
			`${site}${live}#update-1930-turnout`,
		]);
	});
});

describe('a live blog at the CDN (wrangler pages dev applies _headers)', () => {
	let server: PagesServer;
	beforeAll(async () => {
		server = await pagesDev(siteDist);
	}, 120_000);
	afterAll(() => server?.close());

	it('is cached for seconds while live, and like any article once ended', async () => {
		const cacheControl = async (path: string) => (await fetch(new URL(path, server.origin))).headers.get('cache-control');
		expect(await cacheControl(live)).toBe('public, max-age=30, stale-while-revalidate=30');
		expect(await cacheControl(ended)).toBe('public, max-age=300, stale-while-revalidate=600');
		expect(await cacheControl('/articles/2023/05/four-day-week-opinion/')).toBe('public, max-age=300, stale-while-revalidate=600');
	});

	it('serves a live blog’s updates.json as JSON, cached for seconds while live (polling sees an entry within a minute)', async () => {
		const response = await fetch(new URL(`${live}updates.json`, server.origin));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		expect(response.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=30');
		expect((await response.json()).status).toBe('live');
		const over = await fetch(new URL(`${ended}updates.json`, server.origin));
		expect(over.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=600');
	});
});
