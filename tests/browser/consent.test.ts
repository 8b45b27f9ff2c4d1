import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_COOKIE, serializeChoice, type ConsentChoice } from '../../integrations/newsroom/consent/rules.ts';
import { launchChromium, serveDist, thirdPartyServer, type DistServer } from '../helpers/browser.ts';
import { buildSite } from '../helpers/build-site.ts';
import { page as builtPage } from '../helpers/parse.ts';
import { repoRoot, siteDist, tmpRoot } from '../helpers/paths.ts';

// The sample site (built once by the global setup: revision 1, Consent Mode basic, a gated inline "analytics" tag)
// and a fixture site (revision 2, Consent Mode basic and, in a second build, advanced; gated `src` tags in order;
// cookies on other paths, a `__Secure-` cookie and storage keys to delete; a consent log; embeds from a third-party
// origin served by `thirdParty` below).
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
let advanced: DistServer;
let fixtureDist: string;
/** The "third party" whose pages the fixture embeds: it records every request it receives. */
let thirdParty: DistServer;
let thirdPartyOrigin: string;
const thirdPartyRequests: string[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	thirdParty = await thirdPartyServer(join(tmpRoot, 'consent-third-party'), (request, response) => {
		thirdPartyRequests.push(request.url ?? '');
		response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Player</title><p>Playing');
	});
	thirdPartyOrigin = thirdParty.origin;
	const root = join(repoRoot, 'tests/fixtures/consent-site/');
	fixtureDist = await buildSite({ name: 'consent-fixture', root, env: { THIRD_PARTY_ORIGIN: thirdPartyOrigin } });
	const advancedDist = await buildSite({
		name: 'consent-fixture-advanced',
		root,
		env: { THIRD_PARTY_ORIGIN: thirdPartyOrigin, CONSENT_MODE: 'advanced' },
	});
	[browser, site, fixture, advanced] = await Promise.all([
		launchChromium(),
		serveDist(siteDist),
		serveDist(fixtureDist),
		serveDist(advancedDist),
	]);
}, 300_000);

afterEach(async () => {
	await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
	await fixture?.close();
	await advanced?.close();
	await thirdParty?.close();
});

interface ContextOptions {
	gpc?: boolean;
	javaScriptEnabled?: boolean;
	viewport?: { width: number; height: number };
}

/** A fresh browser context (no cookies, no storage), closed after the test, that records what the island does. */
async function newContext(options: ContextOptions = {}): Promise<BrowserContext> {
	const { gpc = false, javaScriptEnabled = true, viewport = { width: 1280, height: 720 } } = options;
	// The third party's certificate is self-signed.
	const context = await browser.newContext({ javaScriptEnabled, viewport, ignoreHTTPSErrors: true });
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

/** The choice in the consent cookie, read field by field (`revision|timestamp|id|categories|gpc`). */
async function storedChoice(context: BrowserContext): Promise<ConsentChoice | undefined> {
	const cookie = (await context.cookies()).find((candidate) => candidate.name === CONSENT_COOKIE);
	if (!cookie) return undefined;
	const [revision = '', timestamp = '', id = '', categories = '', gpc] = cookie.value.split('|');
	return { revision, timestamp, id, categories: categories ? categories.split('+') : [], gpc: gpc === 'gpc' };
}

/** The policy revision the page's island asks for (`<option revision>.<hash of the categories>`). */
async function currentRevision(page: Page): Promise<string> {
	return page.evaluate(() => JSON.parse(document.querySelector<HTMLElement>('newsroom-consent')!.dataset['config']!).revision);
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

async function consentEvents(page: Page): Promise<(ConsentChoice & { decision: string })[]> {
	return page.evaluate(() => (window as unknown as { consentEvents: (ConsentChoice & { decision: string })[] }).consentEvents);
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
		expect(choice).toMatchObject({ revision: await currentRevision(page), categories: ['necessary', 'analytics', 'marketing'], gpc: false });
		expect(choice!.revision).toMatch(/^1\.[0-9a-f]{6}$/);
		expect(Number.isNaN(Date.parse(choice!.timestamp))).toBe(false);
		// Proof of consent: a random id for the decision (a UUID), in the cookie and the event.
		expect(choice!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(await consentEvents(page)).toEqual([{ ...choice, decision: 'new' }]);
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
		expect(await consentEvents(page)).toEqual([{ ...choice, decision: 'replay' }]);
		expect(await storedChoice(context)).toEqual(choice);
	});

	it('Reject all: persists, and the gated script never runs', async () => {
		const { context, page } = await open(`${site.origin}${article}`);
		await banner(page).getByRole('button', { name: 'Reject all' }).click();
		expect(await banner(page).isVisible()).toBe(false);
		expect(await storedChoice(context)).toMatchObject({ categories: ['necessary'] });
		expect(await consentEvents(page)).toMatchObject([{ categories: ['necessary'], decision: 'new' }]);
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
		// Withdrawing a running category reloads the page: the tag that ran can only be stopped so.
		await Promise.all([page.waitForEvent('load'), dialog(page).getByRole('button', { name: 'Save choices' }).click()]);
		await islandReady(page);
		expect(await storedChoice(context)).toMatchObject({ categories: ['necessary'] });
		expect(await sampleAnalyticsRan(page)).toBe(false);
		expect((await consentEvents(page)).map((event) => [event.categories, event.decision])).toEqual([[['necessary'], 'replay']]);
	});

	it('asks again when the stored choice is for an older policy revision, or older than its lifetime', async () => {
		const { context, page } = await open(`${site.origin}${article}`);
		const revision = await currentRevision(page);
		const recent = new Date(Date.now() - 86_400_000).toISOString();
		const old = { revision: '0.abcdef', timestamp: recent, id: 'an-older-decision', categories: ['necessary', 'analytics'], gpc: false };
		await context.addCookies([{ name: CONSENT_COOKIE, value: serializeChoice(old), url: site.origin }]);
		await page.reload();
		await islandReady(page);
		expect(await banner(page).isVisible()).toBe(true);
		expect(await sampleAnalyticsRan(page)).toBe(false);
		expect(await consentEvents(page)).toEqual([]);

		// The current revision, but stored 181 days ago: past the 180-day lifetime.
		const expired = { ...old, revision, timestamp: new Date(Date.now() - 181 * 86_400_000).toISOString() };
		await context.addCookies([{ name: CONSENT_COOKIE, value: serializeChoice(expired), url: site.origin }]);
		await page.reload();
		await islandReady(page);
		expect(await banner(page).isVisible()).toBe(true);
		expect(await sampleAnalyticsRan(page)).toBe(false);

		const current = { ...old, revision };
		await context.addCookies([{ name: CONSENT_COOKIE, value: serializeChoice(current), url: site.origin }]);
		await page.reload();
		await islandReady(page);
		expect(await banner(page).isVisible()).toBe(false);
		expect(await sampleAnalyticsRan(page)).toBe(true);
		expect(await consentEvents(page)).toEqual([{ ...current, decision: 'replay' }]);
	});

	it('treats Global Privacy Control as a refusal of analytics and marketing, and says so', async () => {
		const { context, page } = await open(`${site.origin}${article}`, { gpc: true });
		// The banner and the footer's cookie settings both say the signal is honoured.
		expect(await banner(page).getByText('Opt-out preference signal honored').isVisible()).toBe(true);
		expect(await page.getByRole('contentinfo').getByText('Opt-out preference signal honored').isVisible()).toBe(true);
		await banner(page).getByRole('button', { name: 'Settings' }).click();
		expect(await checkboxes(page)).toEqual([
			{ id: 'necessary', checked: true, disabled: true },
			{ id: 'analytics', checked: false, disabled: true },
			{ id: 'marketing', checked: false, disabled: true },
		]);
		expect(await dialog(page).getByText('Global Privacy Control').first().isVisible()).toBe(true);
		await dialog(page).getByRole('button', { name: 'Accept all' }).click();
		expect(await storedChoice(context)).toMatchObject({ categories: ['necessary'], gpc: true });
		expect(await consentEvents(page)).toMatchObject([{ categories: ['necessary'], gpc: true, decision: 'new' }]);
		expect(await sampleAnalyticsRan(page)).toBe(false);
		// Without the signal, nothing says so.
		const { page: plain } = await open(`${site.origin}${article}`);
		expect(await plain.getByText('Opt-out preference signal honored').first().isVisible()).toBe(false);
	});

	it('names the purposes and third parties in the banner, confirms a choice, and pads scrolling by the banner height', async () => {
		const { page } = await open(`${site.origin}${article}`);
		expect(await banner(page).innerText()).toContain(
			'This website uses cookies. With your consent we also use them for audience measurement and personalised advertising.',
		);
		const padding = () => page.evaluate(() => document.documentElement.style.scrollPaddingBottom);
		const height = await banner(page).evaluate((element) => (element as HTMLElement).offsetHeight);
		await page.waitForFunction((expected) => document.documentElement.style.scrollPaddingBottom === `${expected}px`, height);
		// A narrower window wraps the banner onto more lines: the padding follows.
		await page.setViewportSize({ width: 360, height: 720 });
		const taller = await banner(page).evaluate((element) => (element as HTMLElement).offsetHeight);
		expect(taller).toBeGreaterThan(height);
		await page.waitForFunction((expected) => document.documentElement.style.scrollPaddingBottom === `${expected}px`, taller);
		await banner(page).getByRole('button', { name: 'Reject all' }).click();
		await page.waitForFunction(() => document.documentElement.style.scrollPaddingBottom === '');
		expect(await padding()).toBe('');
		const status = page.getByRole('status');
		expect(await status.innerText()).toBe('Your choice is saved. Change it any time under “Cookie settings”.');
		expect(await status.isVisible()).toBe(true);
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
		// Basic mode: the advanced set-up's tag never runs.
		expect(await inert(page, 'consent-mode')).toBe(true);
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
		expect(await inert(page, 'consent-mode')).toBe(true);
	});

	it('advanced Consent Mode runs its own gate after the default, before any choice, never shown as a category', async () => {
		const { page } = await open(`${advanced.origin}/`);
		expect(await banner(page).isVisible()).toBe(true);
		expect(await page.evaluate(() => (window as unknown as { consentModeTagSaw: unknown }).consentModeTagSaw)).toEqual([
			['consent', 'default', allDenied],
		]);
		expect(await inert(page, 'analytics')).toBe(true);
		expect((await checkboxes(page)).map((box) => box.id)).toEqual(['necessary', 'analytics', 'marketing']);
		const privacy = await builtPage('/privacy/', join(tmpDist('consent-fixture-advanced')));
		expect(privacy.querySelector('.consent-details')?.textContent).toContain('Google Consent Mode (advanced)');
		const basic = await builtPage('/privacy/', join(tmpDist('consent-fixture')));
		expect(basic.querySelector('.consent-details')?.textContent).not.toContain('Google Consent Mode');
	});

	it('runs gated scripts one at a time in document order, once: src before the inline code using it, modules, integrity', async () => {
		const { page } = await open(`${fixture.origin}/ordered/`);
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await dialogChoice(page, ['Analytics']);
		await page.waitForFunction(() => (window as unknown as { calls?: string[] }).calls?.length === 2);
		await page.waitForFunction(() => 'integrityOk' in window);
		const state = () =>
			page.evaluate(() => {
				const w = window as unknown as Record<string, unknown>;
				return { calls: w['calls'], libraryRuns: w['libraryRuns'], integrityOk: w['integrityOk'], integrityBad: w['integrityBad'] ?? false };
			});
		expect(await state()).toEqual({
			calls: ['inline after the library', 'module true'],
			libraryRuns: 1,
			integrityOk: 1,
			// Its integrity hash does not match: the browser refuses it, as the copied attribute asks.
			integrityBad: false,
		});
		// A second decision that still grants analytics runs nothing again.
		await page.getByRole('contentinfo').getByRole('button', { name: 'Cookie settings' }).click();
		await dialog(page).getByRole('button', { name: 'Accept all' }).click();
		await page.waitForFunction(() => 'marketingSrc' in window || true);
		expect(await state()).toMatchObject({ libraryRuns: 1, integrityOk: 1, calls: ['inline after the library', 'module true'] });
		expect(errors).toEqual([]);
	});

	it('withdrawal reloads the page and leaves no refused cookie or storage key, on any path, Secure ones too', async () => {
		const { context, page } = await open(`${fixture.origin}/`);
		await dialogChoice(page, ['Analytics']);
		await page.waitForFunction(() => 'analyticsSrc' in window);
		expect(await inert(page, 'marketing')).toBe(true);
		expect(await inert(page, 'analytics marketing')).toBe(true);
		// What analytics tags leave behind: a cookie on another path, a __Secure- cookie, storage keys.
		await context.addCookies([
			{ name: 'unrelated', value: '1', url: fixture.origin },
			{ name: 'ab_test', value: 'b', domain: '127.0.0.1', path: '/articles/' },
			// A loopback page is a secure context, so Chromium keeps a Secure cookie for it.
			{ name: '__Secure-replay', value: 'r', domain: '127.0.0.1', path: '/', secure: true },
		]);
		await page.evaluate(() => {
			localStorage.setItem('amplitude_session', '1');
			localStorage.setItem('unrelated', '1');
			sessionStorage.setItem('visit_id', '1');
			Object.assign(window, { beforeWithdrawal: true });
		});
		const names = async () => (await context.cookies()).map((cookie) => cookie.name).sort();
		expect(await names()).toEqual(['__Secure-replay', '_ga', '_ga_TEST123', 'ab_test', CONSENT_COOKIE, 'unrelated']);

		await page.getByRole('contentinfo').getByRole('button', { name: 'Cookie settings' }).click();
		await dialog(page).getByRole('checkbox', { name: 'Analytics' }).uncheck();
		await Promise.all([page.waitForEvent('load'), dialog(page).getByRole('button', { name: 'Save choices' }).click()]);
		await islandReady(page);
		// A new page: the analytics tag that ran is gone, and nothing brings it back.
		expect(await page.evaluate(() => 'beforeWithdrawal' in window || 'analyticsSrc' in window)).toBe(false);
		expect(await inert(page, 'analytics')).toBe(true);
		expect(await names()).toEqual([CONSENT_COOKIE, 'unrelated']);
		expect(await page.evaluate(() => [Object.keys(localStorage), Object.keys(sessionStorage)])).toEqual([['unrelated'], []]);
		expect(await storedChoice(context)).toMatchObject({ categories: ['necessary'] });
		expect((await dataLayer(page)).at(-1)).toEqual(['consent', 'update', allDenied]);
	});

	it('deletes what refused categories store on every page load, not only on a click', async () => {
		const { context, page } = await open(`${fixture.origin}/`);
		await banner(page).getByRole('button', { name: 'Reject all' }).click();
		// Something set them anyway (a tag from before the choice, another page, an extension).
		await context.addCookies([
			{ name: '_ga', value: 'x', url: fixture.origin },
			{ name: '_fbp', value: 'x', url: fixture.origin },
			{ name: 'ab_test', value: 'b', domain: '127.0.0.1', path: '/articles/' },
		]);
		await page.evaluate(() => localStorage.setItem('amplitude_x', '1'));
		await page.reload();
		await islandReady(page);
		expect((await context.cookies()).map((cookie) => cookie.name)).toEqual([CONSENT_COOKIE]);
		expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
	});

	it('keeps proof of each decision: an id and a time, sent to the consent log and nothing else about the reader', async () => {
		const { context, page } = await open(`${fixture.origin}/`);
		const beacons: { url: string; body: string | null }[] = [];
		page.on('request', (request) => {
			if (new URL(request.url()).pathname === '/consent-log') beacons.push({ url: request.url(), body: request.postData() });
		});
		await dialogChoice(page, ['Analytics']);
		await page.waitForFunction(() => 'analyticsSrc' in window);
		const choice = await storedChoice(context);
		await expect.poll(() => beacons.length).toBe(1);
		expect(JSON.parse(beacons[0]!.body!)).toEqual(choice);
		expect(Object.keys(JSON.parse(beacons[0]!.body!)).sort()).toEqual(['categories', 'gpc', 'id', 'revision', 'timestamp']);
		// A replay on the next page sends nothing.
		await page.reload();
		await islandReady(page);
		expect(await consentEvents(page)).toEqual([{ ...choice, decision: 'replay' }]);
		expect(beacons).toHaveLength(1);
	});

	it('loads an embed only after its category is granted, from its own button, and no request goes out before', async () => {
		const { context, page } = await open(`${fixture.origin}/articles/embed/`);
		thirdPartyRequests.length = 0;
		const embeds = page.locator('newsroom-embed');
		expect(await embeds.count()).toBe(2);
		expect(await page.locator('iframe').count()).toBe(0);
		expect(await embeds.first().innerText()).toContain('This content is hosted by VideoHost.');
		// The placeholder keeps the embed's size: nothing moves when it loads.
		const box = (await embeds.first().boundingBox())!;
		expect(box.width / box.height).toBeCloseTo(16 / 9, 1);
		await banner(page).getByRole('button', { name: 'Reject all' }).click();
		await page.reload();
		await islandReady(page);
		expect(thirdPartyRequests).toEqual([]);

		await page.getByRole('button', { name: 'Allow Marketing and load' }).click();
		const player = page.frameLocator('iframe[title="The launch, filmed from the pad"]');
		await player.getByText('Playing').waitFor();
		expect(thirdPartyRequests).toEqual(['/player.html']);
		const after = (await embeds.first().boundingBox())!;
		expect([after.width, after.height]).toEqual([box.width, box.height]);
		expect(await storedChoice(context)).toMatchObject({ categories: ['necessary', 'marketing'] });
		// The analytics embed waits for its own category.
		expect(await page.locator('iframe[title="Where it happened"]').count()).toBe(0);
		expect(await page.locator('iframe').getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-popups allow-presentation');
		expect(await page.locator('iframe').getAttribute('loading')).toBe('lazy');
	});

	it('asks again on a site whose policy revision is newer than the stored choice, and deletes what it no longer allows', async () => {
		// Cookies ignore the port: the sample site (revision 1) and the fixture (revision 2) share them.
		const { context, page } = await open(`${site.origin}${article}`);
		await banner(page).getByRole('button', { name: 'Accept all' }).click();
		expect((await storedChoice(context))?.revision).toMatch(/^1\./);
		await context.addCookies([{ name: '_ga', value: 'x', url: fixture.origin }]);

		const { page: newer } = await open(`${fixture.origin}/`, { context });
		expect(await banner(newer).isVisible()).toBe(true);
		expect(await inert(newer, 'analytics')).toBe(true);
		expect(await dataLayer(newer)).toEqual([['consent', 'default', allDenied]]);
		expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('_ga');
		await banner(newer).getByRole('button', { name: 'Reject all' }).click();
		expect((await storedChoice(context))?.revision).toMatch(/^2\./);
		expect(await storedChoice(context)).toMatchObject({ categories: ['necessary'] });
	});

	it('with Global Privacy Control, Accept all leaves marketing tags inert and ad storage denied', async () => {
		const { context, page } = await open(`${fixture.origin}/`, { gpc: true });
		await banner(page).getByRole('button', { name: 'Accept all' }).click();
		await page.waitForFunction(() => 'analyticsSrc' in window);
		expect(await inert(page, 'marketing')).toBe(true);
		expect(await storedChoice(context)).toMatchObject({ categories: ['necessary', 'analytics'], gpc: true });
		expect((await dataLayer(page)).at(-1)).toEqual([
			'consent',
			'update',
			{ ...allDenied, analytics_storage: 'granted' },
		]);
		expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('_fbp');
	});

	it('with Global Privacy Control, a marketing consent stored earlier is not honoured, its cookies go, and the record says so', async () => {
		const context = await newContext({ gpc: true });
		const { page: first } = await open(`${fixture.origin}/`, { context });
		const revision = await currentRevision(first);
		await first.close();
		const earlier = {
			revision,
			timestamp: new Date(Date.now() - 86_400_000).toISOString(),
			id: 'an-earlier-decision',
			categories: ['necessary', 'analytics', 'marketing'],
			gpc: false,
		};
		await context.addCookies([
			{ name: CONSENT_COOKIE, value: serializeChoice(earlier), url: fixture.origin },
			{ name: '_fbp', value: 'x', url: fixture.origin },
		]);
		const { page } = await open(`${fixture.origin}/`, { context });
		await page.waitForFunction(() => 'analyticsSrc' in window);
		expect(await bannerShown(page)).toBe(false);
		expect(await inert(page, 'marketing')).toBe(true);
		expect((await dataLayer(page)).at(-1)).toEqual([
			'consent',
			'update',
			{ ...allDenied, analytics_storage: 'granted' },
		]);
		const overridden = { ...earlier, categories: ['necessary', 'analytics'], gpc: true };
		expect(await consentEvents(page)).toEqual([{ ...overridden, decision: 'replay' }]);
		expect(await storedChoice(context)).toEqual(overridden);
		expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('_fbp');
	});
});

/** Opens the settings from the banner, ticks `labels` and saves. */
async function dialogChoice(page: Page, labels: string[]) {
	await banner(page).getByRole('button', { name: 'Settings' }).click();
	for (const label of labels) await dialog(page).getByRole('checkbox', { name: label }).check();
	await dialog(page).getByRole('button', { name: 'Save choices' }).click();
}

/** The build folder of a test build named `name` (see buildSite). */
function tmpDist(name: string): string {
	return join(tmpRoot, name, 'dist');
}
