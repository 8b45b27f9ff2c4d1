import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LiveUpdatesFile } from '../../integrations/newsroom/live-updates/updates.ts';
import { launchChromium } from '../helpers/browser.ts';
import { pagesDev, type PagesServer } from '../helpers/pages-dev.ts';
import { siteDist, tmpRoot } from '../helpers/paths.ts';

// The live-updates island in Chromium, on a copy of the sample build served by Cloudflare's local Pages server (so
// the live blog's 30-second `_headers` rule applies to the polled file as on that CDN). A new entry is published by
// writing the updates.json a build with one more entry writes. Time is Playwright's clock: 30 seconds pass at once.
const live = '/articles/2023/05/sabah-election-live/';
const ended = '/articles/2023/04/flood-relief-live/';
const article = '/articles/2023/05/four-day-week-opinion/';
const dist = join(tmpRoot, 'live-updates', 'dist');
const file = join(dist, live, 'updates.json');
const newEntry = { id: 'update-2100-count-complete', date: '2023-05-15T21:00:00+08:00' };

let browser: Browser;
let server: PagesServer;
let built: LiveUpdatesFile;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	await rm(join(tmpRoot, 'live-updates'), { recursive: true, force: true });
	await cp(siteDist, dist, { recursive: true });
	built = JSON.parse(await readFile(file, 'utf8'));
	[browser, server] = await Promise.all([launchChromium(), pagesDev(dist)]);
}, 300_000);

beforeEach(async () => {
	await publish(built);
});

afterEach(async () => {
	await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

/** Writes the live blog's updates.json and waits until the server serves it. */
async function publish(contents: LiveUpdatesFile) {
	const text = `${JSON.stringify(contents)}\n`;
	await writeFile(file, text);
	const deadline = Date.now() + 20_000;
	while ((await (await fetch(new URL(`${live}updates.json`, server.origin), { cache: 'no-store' })).text()) !== text) {
		if (Date.now() > deadline) throw new Error('the Pages server does not serve the new updates.json');
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

interface Watched {
	page: Page;
	errors: string[];
	/** The updates.json requests the page made. */
	polls: string[];
	violations: () => Promise<string[]>;
}

/** A page on a fake clock that records console errors, CSP violations, layout shifts and its polls. */
async function watchedPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Watched> {
	const context = await browser.newContext(options);
	contexts.push(context);
	await context.addInitScript(() => {
		const violations: string[] = [];
		const shifts: number[] = [];
		Object.assign(window, { violations, shifts });
		document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
		}).observe({ type: 'layout-shift', buffered: true });
	});
	const page = await context.newPage();
	await page.clock.install();
	const errors: string[] = [];
	const polls: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('request', (request) => {
		if (request.url().endsWith('/updates.json')) polls.push(request.url());
	});
	return { page, errors, polls, violations: () => page.evaluate(() => (window as unknown as { violations: string[] }).violations) };
}

/** Lets `seconds` pass on the page's clock, and waits for the poll it makes then, if `polled`. */
async function pass(page: Page, seconds: number, polled: boolean) {
	const response = polled ? page.waitForResponse((response) => response.url().endsWith('/updates.json')) : undefined;
	await page.clock.runFor(seconds * 1000);
	await response;
	// The island handles the answer in a task or two.
	await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

const notice = (page: Page) => page.locator('newsroom-live-updates [role="status"]');
const setVisibility = (page: Page, state: 'hidden' | 'visible') =>
	page.evaluate((state) => {
		Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
		document.dispatchEvent(new Event('visibilitychange'));
	}, state);

describe('the live-updates island on a live blog that is live', () => {
	it('says "1 new update" once an entry is published, without moving the page, and shows it on request', async () => {
		const { page, errors, polls, violations } = await watchedPage();
		await page.goto(new URL(live, server.origin).href);
		await page.waitForFunction(() => customElements.get('newsroom-live-updates') !== undefined);
		expect(await notice(page).getAttribute('aria-live')).toBe('polite');
		expect(await notice(page).textContent()).toBe('');

		// Nothing new at the first poll, 30 seconds on: nothing shown.
		await pass(page, 30, true);
		expect(polls).toHaveLength(1);
		expect(await notice(page).textContent()).toBe('');

		await publish({ ...built, updates: [newEntry, ...built.updates] });
		await pass(page, 30, true);
		expect(polls).toHaveLength(2);
		await expect.poll(() => notice(page).locator('span').textContent()).toBe('1 new update');
		const button = page.getByRole('button', { name: 'Show' });
		expect(await button.isVisible()).toBe(true);
		// An overlay: it appears over the page, moving nothing (no layout shift).
		expect(await notice(page).evaluate((element) => getComputedStyle(element).position)).toBe('fixed');
		expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0))).toBe(0);
		expect(await violations()).toEqual([]);
		expect(errors).toEqual([]);

		// "Show": the page loaded again (a mark left on this one is gone), at the newest entry it did not show.
		await page.evaluate(() => Object.assign(window, { beforeShow: true }));
		await Promise.all([page.waitForEvent('load'), button.click()]);
		expect(await page.evaluate(() => [location.pathname, location.hash, 'beforeShow' in window])).toEqual([live, `#${newEntry.id}`, false]);
		expect(errors).toEqual([]);
	});

	it('polls only while the tab is visible, and stops once the blog has ended', async () => {
		const { page, errors, polls } = await watchedPage();
		await page.goto(new URL(live, server.origin).href);
		await page.waitForFunction(() => customElements.get('newsroom-live-updates') !== undefined);
		await setVisibility(page, 'hidden');
		await pass(page, 120, false);
		expect(polls).toHaveLength(0);
		// Back in view after more than an interval: it polls at once.
		await Promise.all([page.waitForResponse((response) => response.url().endsWith('/updates.json')), setVisibility(page, 'visible')]);
		expect(polls).toHaveLength(1);

		await publish({ status: 'ended', updates: [newEntry, ...built.updates] });
		await pass(page, 30, true);
		await expect.poll(() => notice(page).locator('span').textContent()).toBe('1 new update');
		await pass(page, 300, false);
		expect(polls).toHaveLength(2);
		expect(errors).toEqual([]);
	});

	it('shows nothing without JavaScript', async () => {
		const { page } = await watchedPage({ javaScriptEnabled: false });
		await page.goto(new URL(live, server.origin).href);
		expect(await page.locator('newsroom-live-updates').evaluate((element) => element.innerHTML)).toBe('');
		expect(await page.locator('newsroom-live-updates').boundingBox()).toMatchObject({ height: 0 });
	});
});

describe('no live-updates island', () => {
	it('on a live blog that has ended, or an ordinary article: no element, no polling', async () => {
		for (const path of [ended, article]) {
			const { page, errors, polls, violations } = await watchedPage();
			await page.goto(new URL(path, server.origin).href);
			expect(await page.locator('newsroom-live-updates').count(), path).toBe(0);
			await pass(page, 120, false);
			expect(polls, path).toEqual([]);
			expect(await violations(), path).toEqual([]);
			expect(errors, path).toEqual([]);
		}
	});
});
