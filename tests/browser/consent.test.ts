import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_COOKIE } from '../../integrations/newsroom/consent/rules.ts';
import { parseChoice } from '../../integrations/newsroom/consent/rules.ts';
import { serializeChoice } from '../../integrations/newsroom/consent/rules.ts';
import { launchChromium, serveDist, type DistServer } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { page as builtPage } from '../helpers/parse.ts';
import { repoRoot, siteDist } from '../helpers/paths.ts';

// The sample site (built once by the global setup: revision 1, no Consent Mode, a gated inline "analytics" tag)
// and a fixture site (revision 2, Google Consent Mode, gated `src` tags, analytics cookies to delete on withdrawal).
const article = '/articles/2023/05/xi-central-asia-potential/';
const budget = 2048;
const allDenied = {
	ad_storage: 'denied',
	ad_user_data: 'denied',
	ad_personalization: 'denied',
	analytics_storage: 'denied',
};

let browser: Browser;
let site: DistServer;
let fixture: DistServer;
let fixtureDist: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	fixtureDist = await buildSite({ name: 'consent-fixture', root: join(repoRoot, 'tests/fixtures/consent-site/') });
	[browser, site, fixture] = await Promise.all([launchChromium(), serveDist(siteDist), serveDist(fixtureDist)]);
});

afterEach(async () => {
	await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
	await fixture?.close();
});

interface ContextOptions {
	gpc?: boolean;
	javaScriptEnabled?: boolean;
	viewport?: { width: number; height: number };
}

/** A fresh browser context (no cookies, no storage), closed after the test, that records what the island does. */
async function newContext(options: ContextOptions = {}): Promise<BrowserContext> {
	const { gpc = false, javaScriptEnabled = true, viewport = { width: 1280, height: 720 } } = options;
	const context = await browser.newContext({ javaScriptEnabled, viewport });
	contexts.push(context);
	// Chromium has no Global Privacy Control switch: expose the signal the way Brave and Firefox do.
	if (gpc) {
		await context.addInitScript(() =>
			Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
		);
	}
	// Collect every `newsroom:consent` event, including one fired while the page loads, and note whether the
	// banner was ever shown (returning readers must never see it flash).
	await context.addInitScript(() => {
		const events: unknown[] = [];
		Object.assign(window, { consentEvents: events, bannerShown: false });
		document.addEventListener('newsroom:consent', (event) => events.push((event as CustomEvent).detail));
		new MutationObserver((records) => {
			for (const { target } of records) {
				if ((target as Element).matches('newsroom-consent > section') && !(target as HTMLElement).hidden) {
					Object.assign(window, { bannerShown: true });
				}
			}
		}).observe(document, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
	});
	return context;
}

/** Opens `url` in `options.context` or a fresh one, and waits for the consent island. */
async function open(
	url: string,
	options: ContextOptions & { context?: BrowserContext } = {},
): Promise<{ context: BrowserContext; page: Page }> {
	const context = options.context ?? (await newContext(options));
	const page = await context.newPage();
	await page.goto(url);
	if (options.javaScriptEnabled !== false) await islandReady(page);
	return { context, page };
}

/** `customElements.define` upgrades the element synchronously, so once it is defined the island has run. */
async function islandReady(page: Page) {
	await page.waitForFunction(() => customElements.get('newsroom-consent') !== undefined);
}

const banner = (page: Page) => page.getByRole('region', { name: 'Cookie consent' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Cookie settings' });

/** Everything the page could have stored on the device. */
async function deviceStorage(context: BrowserContext, page: Page) {
	const cookies = (await context.cookies()).map((cookie) => cookie.name);
	const { local, session, databases } = await page.evaluate(async () => ({
		local: localStorage.length,
		session: sessionStorage.length,
		databases: (await indexedDB.databases()).length,
	}));
	return { cookies, local, session, databases };
}

const nothingStored = { cookies: [], local: 0, session: 0, databases: 0 };

async function storedChoice(context: BrowserContext) {
	const cookie = (await context.cookies()).find((candidate) => candidate.name === CONSENT_COOKIE);
	return parseChoice(cookie?.value);
}

/** The sample site's gated tag sets `data-sample-analytics` on `<html>` when it runs. */
async function sampleAnalyticsRan(page: Page): Promise<boolean> {
	return page.evaluate(() => document.documentElement.dataset['sampleAnalytics'] === 'on');
}

/** The fixture's `dataLayer`, with gtag's `arguments` objects as arrays. */
async function dataLayer(page: Page): Promise<unknown[][]> {
	return page.evaluate(() =>
		((window as unknown as { dataLayer?: ArrayLike<unknown>[] }).dataLayer ?? []).map((entry) => Array.from(entry)),
	);
}

async function bannerShown(page: Page): Promise<boolean> {
	return page.evaluate(() => (window as unknown as { bannerShown: boolean }).bannerShown);
}

async function consentEvents(page: Page): Promise<{ categories: string[] }[]> {
	return page.evaluate(() => (window as unknown as { consentEvents: { categories: string[] }[] }).consentEvents);
}

/** Whether a gated script is still inert (`type="text/plain"`): the island never activated it. */
async function inert(page: Page, gate: string): Promise<boolean> {
	return page.evaluate(
		(gate) => document.querySelector(`script[data-consent="${gate}"]`)?.getAttribute('type') === 'text/plain',
		gate,
	);
}

async function checkboxes(page: Page) {
	return page.evaluate(() =>
		[...document.querySelectorAll<HTMLInputElement>('newsroom-consent input[type=checkbox]')].map((box) => ({
			id: box.value,
			checked: box.checked,
			disabled: box.disabled,
		})),
	);
}

describe('the consent island on the sample site', () => {
	it('is the only JavaScript on the page and at most 2 KB gzipped', async () => {
		for (const path of [article, '/', '/privacy/']) {
			const doc = await builtPage(path);
			const executable = [...doc.querySelectorAll('script')].filter((script) =>
				['', 'module', 'text/javascript'].includes(script.getAttribute('type') ?? ''),
			);
			expect(executable, path).toHaveLength(1);
			const [island] = executable;
			const src = island!.getAttribute('src');
			const code = src ? await readFile(join(siteDist, src)) : Buffer.from(island!.textContent ?? '');
			expect(code.toString()).toContain('newsroom-consent');
			const gzipped = gzipSync(code).byteLength;
			expect(gzipped, `${path}: island is ${gzipped} bytes gzipped`).toBeLessThanOrEqual(budget);
		}
	});

	it('renders its markup in the static HTML of every page: a labelled, hidden banner and a settings dialog', async () => {
		for (const path of [article, '/', '/privacy/', '/404.html']) {
			const doc = await builtPage(path);
			const islands = doc.querySelectorAll('newsroom-consent');
			expect(islands, path).toHaveLength(1);
			const region = islands[0]!.querySelector('section');
			expect(region?.getAttribute('aria-label'), path).toBe('Cookie consent');
			// Hidden until the island finds no stored choice: no flash for returning readers, nothing without JS.
			expect(region?.hasAttribute('hidden'), path).toBe(true);
			expect([...region!.querySelectorAll('button')].map((button) => button.textContent)).toEqual([
				'Accept all',
				'Reject all',
				'Settings',
			]);
			const settings = islands[0]!.querySelector('dialog');
			expect(settings?.getAttribute('aria-labelledby')).toBe('newsroom-consent-title');
			const boxes = [...settings!.querySelectorAll('input[type=checkbox]')];
			expect(
				boxes.map((box) => [box.getAttribute('value'), box.hasAttribute('checked'), box.hasAttribute('disabled')]),
			).toEqual([
				['necessary', true, true],
				['analytics', false, false],
				['marketing', false, false],
			]);
			expect(doc.querySelectorAll('footer button[data-consent-open]'), path).toHaveLength(1);
		}
	});

	it('loads no script file but the island before the reader chooses', async () => {
		const context = await browser.newContext();
		contexts.push(context);
		const page = await context.newPage();
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
		});
		await page.goto(`${site.origin}${article}`);
		await islandReady(page);
		const doc = await builtPage(article);
		const islandFiles = [...doc.querySelectorAll('script[src]')].map((script) => script.getAttribute('src'));
		expect(scripts).toEqual(islandFiles);
	});

	it('shows the notice and sets nothing before the reader chooses', async () => {
		const { context, page } = await open(`${site.origin}${article}`);
		await expect(banner(page).isVisible()).resolves.toBe(true);
		expect(await bannerShown(page)).toBe(true);
		expect(await banner(page).innerText()).toContain('This website uses cookies.');
		await expect(banner(page).getByRole('link', { name: 'Read More' }).getAttribute('href')).resolves.toBe('/privacy/');
		expect(await deviceStorage(context, page)).toEqual(nothingStored);
		expect(await sampleAnalyticsRan(page)).toBe(false);

		// Looking at the settings and closing them, either way, is not a choice.
		await banner(page).getByRole('button', { name: 'Settings' }).click();
		await dialog(page).getByRole('button', { name: 'Close' }).click();
		await banner(page).getByRole('button', { name: 'Settings' }).click();
		await page.keyboard.press('Escape');
		expect(await dialog(page).isVisible()).toBe(false);

		await page.goto(`${site.origin}/`);
		await islandReady(page);
		await expect(banner(page).isVisible()).resolves.toBe(true);
		expect(await deviceStorage(context, page)).toEqual(nothingStored);
		expect(await consentEvents(page)).toEqual([]);
	});

	it('causes no layout shift when the banner appears', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
		contexts.push(context);
		await context.addInitScript(() => {
			const shifts: number[] = [];
			Object.assign(window, { shifts });
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
			}).observe({ type: 'layout-shift', buffered: true });
		});
		const page = await context.newPage();
		await page.goto(`${site.origin}${article}`);
		await islandReady(page);
		await expect(banner(page).isVisible()).resolves.toBe(true);
		const shiftsAfterFrames = () =>
			page.evaluate(async () => {
				// Layout-shift entries are reported after the frame that shifted has been rendered.
				for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
				return (window as unknown as { shifts: number[] }).shifts;
			});
		expect(await shiftsAfterFrames()).toEqual([]);

		// The measurement itself works: pushing the content down is reported.
		await page.evaluate(() => {
			const block = document.createElement('div');
			block.style.height = '200px';
			document.querySelector('main')!.prepend(block);
		});
		expect((await shiftsAfterFrames()).length).toBeGreaterThan(0);
	});

	it('Accept all: stores one cookie, persists across reloads and runs the gated script', async () => {
		const { context, page } = await open(`${site.origin}${article}`);
		await banner(page).getByRole('button', { name: 'Accept all' }).click();
		expect(await banner(page).isVisible()).toBe(false);
		expect(await sampleAnalyticsRan(page)).toBe(true);

		const choice = await storedChoice(context);
		expect(choice).toMatchObject({ revision: 1, categories: ['necessary', 'analytics', 'marketing'] });
		expect(Number.isNaN(Date.parse(choice!.timestamp))).toBe(false);
		expect(await consentEvents(page)).toEqual([choice]);
		const [cookie, ...others] = await context.cookies();
		expect(others).toEqual([]);
		expect(cookie).toMatchObject({
			name: CONSENT_COOKIE,
			path: '/',
			domain: '127.0.0.1',
			sameSite: 'Lax',
			httpOnly: false,
		});
		const days = (cookie!.expires - Date.now() / 1000) / 86_400;
		expect(days).toBeGreaterThan(179);
		expect(days).toBeLessThanOrEqual(180);
		expect(await deviceStorage(context, page)).toEqual({ ...nothingStored, cookies: [CONSENT_COOKIE] });

		await page.reload();
		await islandReady(page);
		expect(await bannerShown(page)).toBe(false);
		expect(await sampleAnalyticsRan(page)).toBe(true);
		expect(await consentEvents(page)).toEqual([choice]);
		expect(await storedChoice(context)).toEqual(choice);
	});

	it('Reject all: persists, and the gated script never runs', async () => {
		const { context, page } = await open(`${site.origin}${article}`);
		await banner(page).getByRole('button', { name: 'Reject all' }).click();
		expect(await banner(page).isVisible()).toBe(false);
		expect(await storedChoice(context)).toMatchObject({ revision: 1, categories: ['necessary'] });
		expect(await consentEvents(page)).toMatchObject([{ categories: ['necessary'] }]);
		expect(await inert(page, 'analytics')).toBe(true);
		expect(await sampleAnalyticsRan(page)).toBe(false);

		for (const path of [article, '/', '/privacy/']) {
			await page.goto(`${site.origin}${path}`);
			await islandReady(page);
			expect(await bannerShown(page), path).toBe(false);
			expect(await inert(page, 'analytics'), path).toBe(true);
			expect(await sampleAnalyticsRan(page), path).toBe(false);
		}
	});

	it('Settings: allows one category, and the footer reopens them to withdraw it', async () => {
		const { context, page } = await open(`${site.origin}${article}`);
		await banner(page).getByRole('button', { name: 'Settings' }).click();
		expect(await page.evaluate(() => document.querySelector('newsroom-consent dialog')!.matches(':modal'))).toBe(true);
		expect(await checkboxes(page)).toEqual([
			{ id: 'necessary', checked: true, disabled: true },
			{ id: 'analytics', checked: false, disabled: false },
			{ id: 'marketing', checked: false, disabled: false },
		]);
		await dialog(page).getByRole('checkbox', { name: 'Analytics' }).check();
		await dialog(page).getByRole('button', { name: 'Save choices' }).click();
		expect(await dialog(page).isVisible()).toBe(false);
		expect(await banner(page).isVisible()).toBe(false);
		expect(await storedChoice(context)).toMatchObject({ categories: ['necessary', 'analytics'] });
		expect(await sampleAnalyticsRan(page)).toBe(true);

		await page.reload();
		await islandReady(page);
		expect(await banner(page).isVisible()).toBe(false);
		expect(await sampleAnalyticsRan(page)).toBe(true);

		await page.getByRole('contentinfo').getByRole('button', { name: 'Cookie settings' }).click();
		expect(await dialog(page).isVisible()).toBe(true);
		expect((await checkboxes(page)).map((box) => box.checked)).toEqual([true, true, false]);
		await dialog(page).getByRole('checkbox', { name: 'Analytics' }).uncheck();
		await dialog(page).getByRole('button', { name: 'Save choices' }).click();
		expect(await storedChoice(context)).toMatchObject({ categories: ['necessary'] });
		expect((await consentEvents(page)).map((event) => event.categories)).toEqual([
			['necessary', 'analytics'],
			['necessary'],
		]);
		await page.reload();
		await islandReady(page);
		expect(await sampleAnalyticsRan(page)).toBe(false);
	});

	it('asks again when the stored choice is for an older policy revision', async () => {
		const { context, page } = await open(`${site.origin}${article}`);
		const old = { revision: 0, timestamp: '2025-06-01T00:00:00.000Z', categories: ['necessary', 'analytics'] };
		await context.addCookies([{ name: CONSENT_COOKIE, value: serializeChoice(old), url: site.origin }]);
		await page.reload();
		await islandReady(page);
		expect(await banner(page).isVisible()).toBe(true);
		expect(await sampleAnalyticsRan(page)).toBe(false);
		expect(await consentEvents(page)).toEqual([]);

		const current = { ...old, revision: 1 };
		await context.addCookies([{ name: CONSENT_COOKIE, value: serializeChoice(current), url: site.origin }]);
		await page.reload();
		await islandReady(page);
		expect(await banner(page).isVisible()).toBe(false);
		expect(await sampleAnalyticsRan(page)).toBe(true);
		expect(await consentEvents(page)).toEqual([current]);
	});

	it('treats Global Privacy Control as a refusal of marketing', async () => {
		const { context, page } = await open(`${site.origin}${article}`, { gpc: true });
		await banner(page).getByRole('button', { name: 'Settings' }).click();
		expect(await checkboxes(page)).toEqual([
			{ id: 'necessary', checked: true, disabled: true },
			{ id: 'analytics', checked: false, disabled: false },
			{ id: 'marketing', checked: false, disabled: true },
		]);
		expect(await dialog(page).getByText('Global Privacy Control').isVisible()).toBe(true);
		await dialog(page).getByRole('button', { name: 'Accept all' }).click();
		expect(await storedChoice(context)).toMatchObject({ categories: ['necessary', 'analytics'] });
		expect(await sampleAnalyticsRan(page)).toBe(true);
	});

	it('works with the keyboard alone, with visible focus and no focus trap', async () => {
		const { context, page } = await open(`${site.origin}${article}`);
		const focused = () =>
			page.evaluate(() => {
				const element = document.activeElement as HTMLElement;
				if (element === document.body) return { name: 'document body', visibleFocus: false, inDialog: false };
				const style = getComputedStyle(element);
				return {
					name: element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '',
					visibleFocus:
						element.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
					inDialog: element.closest('dialog') !== null,
				};
			});
		// The banner comes first in the focus order, and Tab leaves it for the page (it is not modal).
		const order = [];
		for (let step = 0; step < 5; step++) {
			await page.keyboard.press('Tab');
			order.push(await focused());
		}
		expect(order.map((entry) => entry.name)).toEqual([
			'Read More about cookies on this site',
			'Accept all',
			'Reject all',
			'Settings',
			'Skip to content',
		]);
		expect(order.every((entry) => entry.visibleFocus)).toBe(true);

		await page.keyboard.press('Shift+Tab');
		expect((await focused()).name).toBe('Settings');
		await page.keyboard.press('Enter');
		expect(await dialog(page).isVisible()).toBe(true);
		// The modal dialog takes focus (its first enabled toggle) and keeps it while open.
		expect(await focused()).toEqual({ name: '', visibleFocus: true, inDialog: true });
		expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('analytics');
		await page.keyboard.press('Space');
		// Page content behind the modal dialog is inert: Tab cycles through the dialog (and the browser's own UI).
		for (let step = 0; step < 8; step++) {
			await page.keyboard.press('Tab');
			const { inDialog, name } = await focused();
			expect(inDialog || name === 'document body').toBe(true);
		}
		// Back to "Save choices": after the two toggles come Save, Accept all, Reject all, Close.
		while ((await focused()).name !== 'Save choices') await page.keyboard.press('Tab');
		await page.keyboard.press('Enter');
		expect(await dialog(page).isVisible()).toBe(false);
		expect(await storedChoice(context)).toMatchObject({ categories: ['necessary', 'analytics'] });
		expect(await sampleAnalyticsRan(page)).toBe(true);
		// With the banner gone, Tab carries on where it was: the skip link.
		await page.keyboard.press('Tab');
		expect((await focused()).name).toBe('Skip to content');

		// Reopening from the footer and pressing Escape changes nothing.
		const before = await storedChoice(context);
		await page.getByRole('contentinfo').getByRole('button', { name: 'Cookie settings' }).focus();
		await page.keyboard.press('Enter');
		expect(await dialog(page).isVisible()).toBe(true);
		await page.keyboard.press('Escape');
		expect(await dialog(page).isVisible()).toBe(false);
		expect((await focused()).name).toBe('Cookie settings');
		expect(await storedChoice(context)).toEqual(before);
	});

	it('fits a 320 px wide screen and 200% zoom', async () => {
		// 200% zoom of a 1280 × 720 window leaves a 640 × 360 CSS-pixel viewport.
		for (const viewport of [
			{ width: 320, height: 568 },
			{ width: 640, height: 360 },
		]) {
			const { page } = await open(`${site.origin}${article}`, { viewport });
			const label = `${viewport.width}×${viewport.height}`;
			expect(await page.evaluate(() => document.documentElement.scrollWidth), label).toBeLessThanOrEqual(
				viewport.width,
			);
			const box = (await banner(page).boundingBox())!;
			expect(box.width, label).toBeLessThanOrEqual(viewport.width);
			expect(box.height, label).toBeLessThanOrEqual(viewport.height * 0.7 + 1);
			for (const name of ['Accept all', 'Reject all', 'Settings']) {
				const button = banner(page).getByRole('button', { name });
				await button.scrollIntoViewIfNeeded();
				const { x, y, width, height } = (await button.boundingBox())!;
				expect(
					x >= 0 && y >= 0 && x + width <= viewport.width && y + height <= viewport.height,
					`${label} ${name}`,
				).toBe(true);
			}
			await banner(page).getByRole('button', { name: 'Settings' }).click();
			const dialogBox = (await dialog(page).boundingBox())!;
			expect(dialogBox.width, label).toBeLessThanOrEqual(viewport.width);
			expect(dialogBox.height, label).toBeLessThanOrEqual(viewport.height);
			const save = dialog(page).getByRole('button', { name: 'Save choices' });
			await save.scrollIntoViewIfNeeded();
			await save.click();
			expect(await banner(page).isVisible(), label).toBe(false);
		}
	});

	it('leaves the page readable and sets nothing without JavaScript', async () => {
		const { context, page } = await open(`${site.origin}${article}`, { javaScriptEnabled: false });
		expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
		expect(await banner(page).isVisible()).toBe(false);
		// "Cookie settings" cannot work without JavaScript, so it is not shown.
		expect(await page.getByRole('contentinfo').getByRole('button', { name: 'Cookie settings' }).isVisible()).toBe(
			false,
		);
		expect(await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy & cookie policy' }).isVisible()).toBe(
			true,
		);
		expect((await context.cookies()).length).toBe(0);
	});
});

describe('the consent island with Google Consent Mode, gated src scripts and withdrawal (fixture site)', () => {
	it('sends the Consent Mode default before any tag and an update after the choice', async () => {
		const { page } = await open(`${fixture.origin}/`);
		const requested: string[] = [];
		page.on('request', (request) => requested.push(new URL(request.url()).pathname));
		expect(await dataLayer(page)).toEqual([['consent', 'default', allDenied]]);
		// A tag gated as "necessary" runs at once, and finds the default already there.
		expect(await page.evaluate(() => (window as unknown as { necessaryTagSaw: unknown }).necessaryTagSaw)).toEqual([
			['consent', 'default', allDenied],
		]);
		expect(await inert(page, 'analytics')).toBe(true);
		expect(await page.evaluate(() => 'analyticsSrc' in window || 'analyticsInline' in window)).toBe(false);

		// Consent given later in the visit activates inline and src scripts, in every granted category.
		await banner(page).getByRole('button', { name: 'Accept all' }).click();
		await page.waitForFunction(() => 'analyticsSrc' in window && 'marketingSrc' in window);
		expect(await page.evaluate(() => 'analyticsInline' in window && 'bothCategories' in window)).toBe(true);
		expect(requested).toEqual(expect.arrayContaining(['/analytics-stub.js', '/marketing-stub.js']));
		const granted = Object.fromEntries(Object.keys(allDenied).map((type) => [type, 'granted']));
		expect(await dataLayer(page)).toEqual([
			['consent', 'default', allDenied],
			['consent', 'update', granted],
		]);
	});

	it('withdrawing a category deletes its configured cookies and updates Consent Mode', async () => {
		const { context, page } = await open(`${fixture.origin}/`);
		await banner(page).getByRole('button', { name: 'Settings' }).click();
		await dialog(page).getByRole('checkbox', { name: 'Analytics' }).check();
		await dialog(page).getByRole('button', { name: 'Save choices' }).click();
		await page.waitForFunction(() => 'analyticsSrc' in window);
		expect(await inert(page, 'marketing')).toBe(true);
		expect(await inert(page, 'analytics marketing')).toBe(true);
		await context.addCookies([{ name: 'unrelated', value: '1', url: fixture.origin }]);
		const names = async () => (await context.cookies()).map((cookie) => cookie.name).sort();
		expect(await names()).toEqual(['_ga', '_ga_TEST123', CONSENT_COOKIE, 'unrelated']);

		await page.reload();
		await islandReady(page);
		await page.waitForFunction(() => 'analyticsSrc' in window);
		expect((await dataLayer(page)).map((entry) => entry.slice(0, 2))).toEqual([
			['consent', 'default'],
			['consent', 'update'],
		]);
		expect((await dataLayer(page))[1]![2]).toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied' });

		await page.getByRole('contentinfo').getByRole('button', { name: 'Cookie settings' }).click();
		await dialog(page).getByRole('checkbox', { name: 'Analytics' }).uncheck();
		await dialog(page).getByRole('button', { name: 'Save choices' }).click();
		expect(await names()).toEqual([CONSENT_COOKIE, 'unrelated']);
		expect(await storedChoice(context)).toMatchObject({ revision: 2, categories: ['necessary'] });
		expect((await dataLayer(page)).at(-1)).toEqual(['consent', 'update', allDenied]);
	});

	it('asks again on a site whose policy revision is newer than the stored choice', async () => {
		// Cookies ignore the port: the sample site (revision 1) and the fixture (revision 2) share them.
		const { context, page } = await open(`${site.origin}${article}`);
		await banner(page).getByRole('button', { name: 'Accept all' }).click();
		expect(await storedChoice(context)).toMatchObject({ revision: 1 });

		const { page: newer } = await open(`${fixture.origin}/`, { context });
		expect(await banner(newer).isVisible()).toBe(true);
		expect(await inert(newer, 'analytics')).toBe(true);
		expect(await dataLayer(newer)).toEqual([['consent', 'default', allDenied]]);
		await banner(newer).getByRole('button', { name: 'Reject all' }).click();
		expect(await storedChoice(context)).toMatchObject({ revision: 2, categories: ['necessary'] });
	});

	it('with Global Privacy Control, Accept all leaves marketing tags inert and ad storage denied', async () => {
		const { context, page } = await open(`${fixture.origin}/`, { gpc: true });
		await banner(page).getByRole('button', { name: 'Accept all' }).click();
		await page.waitForFunction(() => 'analyticsSrc' in window);
		expect(await inert(page, 'marketing')).toBe(true);
		expect(await storedChoice(context)).toMatchObject({ categories: ['necessary', 'analytics'] });
		expect((await dataLayer(page)).at(-1)).toEqual([
			'consent',
			'update',
			{ ...allDenied, analytics_storage: 'granted' },
		]);
		expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('_fbp');
	});

	it('with Global Privacy Control, a marketing consent stored earlier is not honoured', async () => {
		const context = await newContext({ gpc: true });
		const earlier = {
			revision: 2,
			timestamp: '2026-01-01T00:00:00.000Z',
			categories: ['necessary', 'analytics', 'marketing'],
		};
		await context.addCookies([{ name: CONSENT_COOKIE, value: serializeChoice(earlier), url: fixture.origin }]);
		const { page } = await open(`${fixture.origin}/`, { context });
		await page.waitForFunction(() => 'analyticsSrc' in window);
		expect(await bannerShown(page)).toBe(false);
		expect(await inert(page, 'marketing')).toBe(true);
		expect((await dataLayer(page)).at(-1)).toEqual([
			'consent',
			'update',
			{ ...allDenied, analytics_storage: 'granted' },
		]);
		expect(await consentEvents(page)).toEqual([{ ...earlier, categories: ['necessary', 'analytics'] }]);
	});
});
