import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, serveDist, type DistServer } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { siteDist, testBuildTime } from '../helpers/paths.ts';

// A right-to-left site (tests/fixtures/rtl-site, `locale: 'ar'`): every page says dir="rtl", and in Chromium the
// reference layout mirrors (the stylesheet uses logical properties): text starts at the right edge, the section
// links run from right to left, the skip link appears at the right. The sample site (English) is the left-to-right
// control for each measure. Live updates are off there: nothing of the island is built.
const root = fileURLToPath(new URL('../fixtures/rtl-site/', import.meta.url));
const article = '/articles/2026/01/mizaniya/';
const liveBlog = '/articles/2026/01/mubashir/';
let dist: string;
let browser: Browser;
let rtl: DistServer;
let ltr: DistServer;

beforeAll(async () => {
	dist = await buildSite({ root, name: 'rtl-site', env: { SOURCE_DATE_EPOCH: String(Date.parse(testBuildTime) / 1000) } });
	[browser, rtl, ltr] = await Promise.all([launchChromium(), serveDist(dist), serveDist(siteDist)]);
}, 300_000);

afterAll(async () => {
	await browser?.close();
	await rtl?.close();
	await ltr?.close();
});

async function htmlFiles(folder: string): Promise<string[]> {
	const entries = await readdir(folder, { recursive: true, withFileTypes: true });
	return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => join(entry.parentPath, entry.name));
}

/** Which edge of its box the text of the first `selector` starts at: the gap on that side is the smaller. */
async function textStart(page: Page, selector: string): Promise<'left' | 'right'> {
	return page.locator(selector).first().evaluate((element) => {
		const box = element.getBoundingClientRect();
		const range = document.createRange();
		range.selectNodeContents(element);
		const text = range.getBoundingClientRect();
		return text.left - box.left <= box.right - text.right ? 'left' : 'right';
	});
}

async function layout(server: DistServer, path: string) {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	try {
		await page.goto(new URL(path, server.origin).href);
		const starts = {
			masthead: await textStart(page, '.masthead'),
			headline: await textStart(page, 'h1'),
			byline: await textStart(page, '.byline'),
		};
		const nav = await page.locator('.site-nav a').evaluateAll((links) => links.map((link) => link.getBoundingClientRect().left));
		await page.keyboard.press('Tab');
		const skip = await page.locator('.skip-link').boundingBox();
		return { starts, navRunsRightToLeft: nav.length > 1 && nav[0]! > nav.at(-1)!, skipCentre: skip!.x + skip!.width / 2 };
	} finally {
		await page.close();
	}
}

describe('a right-to-left site (Arabic)', () => {
	it('declares lang="ar" and dir="rtl" on every page', async () => {
		const files = await htmlFiles(dist);
		expect(files.length).toBeGreaterThan(5);
		for (const file of files) {
			const { documentElement } = parseHTML(await readFile(file, 'utf8')).document;
			expect([documentElement.getAttribute('lang'), documentElement.getAttribute('dir')], file).toEqual(['ar', 'rtl']);
		}
	});

	it('mirrors the layout in Chromium: text, section links and the skip link start at the right edge', async () => {
		const mirrored = await layout(rtl, article);
		expect(mirrored).toEqual({ starts: { masthead: 'right', headline: 'right', byline: 'right' }, navRunsRightToLeft: true, skipCentre: expect.any(Number) });
		expect(mirrored.skipCentre).toBeGreaterThan(1280 / 2);
		// The control: the English sample site, left to right.
		const control = await layout(ltr, '/articles/2023/05/four-day-week-opinion/');
		expect(control).toEqual({ starts: { masthead: 'left', headline: 'left', byline: 'left' }, navRunsRightToLeft: false, skipCentre: expect.any(Number) });
		expect(control.skipCentre).toBeLessThan(1280 / 2);
	});

	it('builds nothing of the live-updates island with the option off (the default), even on a live blog', async () => {
		const html = await readFile(join(dist, liveBlog, 'index.html'), 'utf8');
		expect(html).toContain('live-entries');
		expect(html).not.toContain('newsroom-live-updates');
		await expect(readFile(join(dist, liveBlog, 'updates.json'))).rejects.toThrow(/ENOENT/);
	});
});
