import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { pagesDev, type PagesServer } from '../helpers/pages-dev.ts';
import { siteDist } from '../helpers/paths.ts';

// Search on the sample site, served by Cloudflare's local Pages server so the search page's own policy
// (`'wasm-unsafe-eval'` for Pagefind, from `_headers` and its `<meta>`) applies as on that CDN.
let browser: Browser;
let site: PagesServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	[browser, site] = await Promise.all([launchChromium(), pagesDev(siteDist)]);
}, 120_000);

afterEach(async () => {
	await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
});

/** A page that records console errors, page errors and CSP violations. */
async function watchedPage(options: { javaScriptEnabled?: boolean } = {}) {
	const context = await browser.newContext(options);
	contexts.push(context);
	await context.addInitScript(() => {
		const violations: string[] = [];
		Object.assign(window, { violations });
		document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	const violations = () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
	return { page, errors, violations };
}

/** The titles and addresses of the results the search page lists once it has answered. */
async function results(page: Page): Promise<{ title: string; href: string }[]> {
	await page.waitForFunction(() => {
		const status = document.querySelector('.search-status')?.textContent ?? '';
		return status !== '' && !status.endsWith('…');
	});
	return page.$$eval('.search-results a', (links) => links.map((link) => ({ title: link.textContent ?? '', href: link.getAttribute('href') ?? '' })));
}

describe('search (Pagefind) in Chromium', () => {
	it('finds an article by a word of its body, from the header form, with no CSP violation or console error', async () => {
		const { page, errors, violations } = await watchedPage();
		await page.goto(`${site.origin}/articles/2026/01/albania-visa-free-destination/`);
		await page.fill('#site-search', 'Montenegro');
		await page.press('#site-search', 'Enter');
		await page.waitForURL(/\/search\/\?q=Montenegro/);
		const found = await results(page);
		expect(found).toEqual([
			{ title: expect.stringContaining('Albania Emerges'), href: '/articles/2026/01/albania-visa-free-destination/' },
		]);
		expect(await page.inputValue('#search-query')).toBe('Montenegro');
		expect(await page.locator('.search-results mark').first().textContent()).toMatch(/montenegro/i);
		expect(await violations()).toEqual([]);
		expect(errors).toEqual([]);
	});

	it('finds nothing from a draft or an embargoed article', async () => {
		const { page, errors, violations } = await watchedPage();
		for (const word of ['unfinished', 'embargo']) {
			await page.goto(`${site.origin}/search/?q=${word}`);
			expect(await results(page), word).toEqual([]);
			expect(await page.textContent('.search-status')).toBe('No articles match.');
		}
		expect(await violations()).toEqual([]);
		expect(errors).toEqual([]);
	});

	it('filters by section, author and year and sorts by date', async () => {
		const { page } = await watchedPage();
		await page.goto(`${site.origin}/search/?q=the&section=Travel`);
		const travel = await results(page);
		expect(travel.length).toBeGreaterThan(0);
		expect(travel.every((result) => /albania|festival/i.test(result.href))).toBe(true);
		await page.goto(`${site.origin}/search/?q=&year=2023`);
		// The 2023 stories of the sample: the Xi story and the story formats' samples, nothing from 2026.
		expect((await results(page)).map((result) => result.href).sort()).toEqual([
			'/articles/2023/04/flood-relief-live/',
			'/articles/2023/05/asean-chip-supply-analysis/',
			'/articles/2023/05/four-day-week-opinion/',
			'/articles/2023/05/sabah-election-live/',
			'/articles/2023/05/xi-central-asia-potential/',
		]);
		await page.goto(`${site.origin}/search/?q=the&sort=date`);
		const byDate = await results(page);
		const dates = await page.$$eval('.search-date', (nodes) => nodes.map((node) => node.textContent));
		expect(byDate.length).toBe(dates.length);
		// Newest first: the year and month in each address never go up down the list, and the oldest story is last.
		const months = byDate.map((result) => /\/articles\/(\d{4}\/\d{2})\//.exec(result.href)![1]!);
		expect(months).toEqual([...months].sort().reverse());
		expect(byDate.at(-1)!.href).toBe('/articles/2023/04/flood-relief-live/');
	});

	it('still offers the form and a way on without JavaScript', async () => {
		const { page } = await watchedPage({ javaScriptEnabled: false });
		await page.goto(`${site.origin}/search/?q=Montenegro`);
		expect(await page.locator('newsroom-search form[action="/search/"][method="get"] input[name="q"]').count()).toBe(1);
		expect(await page.locator('header form[action="/search/"][method="get"] input[name="q"]').count()).toBe(1);
		expect(await page.locator('a[href="/tags/"]').count()).toBeGreaterThan(0);
	});
});
