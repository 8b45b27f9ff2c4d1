import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { buildSite, captureOutput } from '../helpers/build-site.ts';
import { pagesDev, type PagesServer } from '../helpers/pages-dev.ts';
import { repoRoot, siteDist, testBuildTime } from '../helpers/paths.ts';

// Safe by default, tried as an attacker would: a hostile article (tests/fixtures/hostile-content/) built by the real
// site, and the sample site, both served by Cloudflare's local Pages server so `_headers` applies as on that CDN.
let browser: Browser;
let sample: PagesServer;
let hostile: PagesServer;
let hostileDist: string;
const contexts: BrowserContext[] = [];

let buildLog: string;

beforeAll(async () => {
	buildLog = await captureOutput(async () => {
		hostileDist = await buildSite({
			name: 'hostile',
			logLevel: 'warn',
			env: {
				NEWSROOM_CONTENT_DIR: relative(repoRoot, join(repoRoot, 'tests/fixtures/hostile-content')),
				SOURCE_DATE_EPOCH: String(Date.parse(testBuildTime) / 1000),
			},
		});
	});
	[browser, sample, hostile] = await Promise.all([launchChromium(), pagesDev(siteDist), pagesDev(hostileDist)]);
}, 300_000);

afterEach(async () => {
	await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
	await browser?.close();
	await sample?.close();
	await hostile?.close();
});

interface Watched {
	page: Page;
	dialogs: string[];
	errors: string[];
	violations: () => Promise<string[]>;
}

/** A page in a fresh context that records dialogs, console errors, page errors and CSP violations. */
async function watchedPage(options: { bypassCSP?: boolean } = {}): Promise<Watched> {
	const context = await browser.newContext(options);
	contexts.push(context);
	// The sample article embeds a YouTube video: the stub stands in for YouTube on this offline machine.
	await context.route('https://www.youtube-nocookie.com/**', (route) =>
		route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Player</title><p>Playing</p>' }),
	);
	await context.addInitScript(() => {
		const violations: string[] = [];
		Object.assign(window, { violations });
		document.addEventListener('securitypolicyviolation', (event) =>
			violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
		);
	});
	const page = await context.newPage();
	const dialogs: string[] = [];
	const errors: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return { page, dialogs, errors, violations: () => page.evaluate(() => (window as unknown as { violations: string[] }).violations) };
}

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);

describe('a hostile article', () => {
	const pages = ['/articles/2026/01/hostile/', '/articles/2026/01/hostile-mdx/', '/', '/sections/world/', '/authors/eve/', '/tags/politics/'];

	it('tells the editor what was removed from which file, one warning per removal', () => {
		const removals = (file: string) =>
			buildLog
				.split('\n')
				.filter((line) => line.includes(`[@newsroom/astro/security] tests/fixtures/hostile-content/articles/2026/01/${file}: `))
				.map((line) => line.slice(line.indexOf(`${file}: `) + file.length + 2));
		const hosts = 'www.youtube-nocookie.com, player.vimeo.com, datawrapper.dwcdn.net, flo.uri.sh';
		// Markdown links and images are checked first (a body without raw HTML stops there); then the raw HTML pass.
		expect(removals('hostile.md')).toEqual([
			'removed href (a javascript: URL) from <a>',
			'removed onerror from <img>',
			'removed <script> and its content',
			'removed <script> and its content',
			'removed href (a javascript: URL) from <a>',
			'removed href (a javascript: URL) from <a>',
			'removed <svg> and its content',
			`removed <iframe src="https://evil.example/frame"> (not from an allowed embed host: ${hosts})`,
			'removed srcdoc from <iframe>',
			`removed <iframe> without a src (allowed embed hosts: ${hosts})`,
			'removed <base>',
			'removed <meta>',
			'removed <form>',
			'removed <input>',
			'removed <button>',
			'removed onclick from <p>',
			'removed style from <p>',
			'removed <object> and its content',
			'removed <embed> and its content',
			'removed href (a data: URL) from <a>',
			'removed ontoggle from <details>',
		]);
		expect(removals('hostile-mdx.mdx')).toEqual([
			'removed onError from <img>',
			'removed href (a javascript: URL) from <a>',
			'removed onClick from <a>',
			`removed <iframe src="https://evil.example/frame"> (not from an allowed embed host: ${hosts})`,
			'removed <form>',
			'removed style from <div>',
			'removed onMouseOver from <div>',
			'removed <object> and its content',
		]);
	});

	it('executes nothing on its page and the listings that show it: no dialog, no handler, no navigation', async () => {
		for (const path of pages) {
			const { page, dialogs, errors, violations } = await watchedPage();
			await page.goto(`${hostile.origin}${path}`);
			await page.waitForLoadState('load');
			// Anything that could still fire: hovers, clicks, toggles, lazy handlers.
			await page.mouse.move(200, 300);
			await page.mouse.click(10, 10);
			await page.waitForTimeout(300);
			expect(await pwned(page), path).toBeUndefined();
			expect(dialogs, path).toEqual([]);
			expect(new URL(page.url()).pathname, `${path} was not redirected away`).toBe(path);
			expect(await page.evaluate(() => document.baseURI), path).toBe(`${hostile.origin}${path}`);
			// The sanitized <img src="x"> is a broken image, nothing more.
			expect(errors.filter((error) => !/^Failed to load resource: .*404/.test(error)), path).toEqual([]);
			expect(await violations(), path).toEqual([]);
		}
	});

	it('keeps the colours of a highlighted code block under the policy (Shiki writes style attributes)', async () => {
		const { page, violations } = await watchedPage();
		await page.goto(`${hostile.origin}/articles/2026/01/hostile/`);
		const keyword = page.locator('pre.astro-code .line span').first();
		await expect.poll(() => keyword.textContent()).toBe('const');
		expect(await keyword.evaluate((element) => getComputedStyle(element).color)).toBe('rgb(249, 117, 131)');
		expect(await violations()).toEqual([]);
	});

	it('keeps only what the policy allows in the built HTML', async () => {
		const html = await readFile(join(hostileDist, 'articles/2026/01/hostile/index.html'), 'utf8');
		const article = parseHTML(html).document.querySelector('.article-body')!;
		const body = article.innerHTML;
		// The Markdown's own code block (highlighted by Shiki) aside, only what the policy allows is left.
		const written = [...article.querySelectorAll('*')].filter((element) => !element.closest('pre.astro-code'));
		expect([...new Set(written.map((element) => element.localName))].sort()).toEqual(['a', 'details', 'img', 'p', 'summary']);
		const attributes = written.flatMap((element) =>
			[...element.attributes].map((attribute) => `${element.localName} ${attribute.name}="${attribute.value}"`),
		);
		expect(attributes.sort()).toEqual(['details open=""', 'img src="x"']);
		expect(body).toContain('Wire copy pasted from many hands.');
		expect(body).toContain('Closing text with ]]&gt;');
		// A link whose URL was removed keeps its text, without an href at all.
		expect(body).toContain('<a>A javascript: link</a>');
	});

	it('keeps only what the policy allows from MDX, and turns an iframe from an embed host into a consent embed', async () => {
		const html = await readFile(join(hostileDist, 'articles/2026/01/hostile-mdx/index.html'), 'utf8');
		const article = parseHTML(html).document.querySelector('.article-body')!;
		const outside = [...article.querySelectorAll('*')].filter((element) => !element.closest('newsroom-embed'));
		expect([...new Set(outside.map((element) => element.localName))].sort()).toEqual(['a', 'div', 'img', 'p']);
		const attributes = outside.flatMap((element) =>
			[...element.attributes].map((attribute) => `${element.localName} ${attribute.name}="${attribute.value}"`),
		);
		expect(attributes.sort()).toEqual(['a href="https://example.com/"', 'img alt=""', 'img src="x"']);
		const embeds = [...article.querySelectorAll('newsroom-embed')].map((embed) => embed.getAttribute('data-title'));
		expect(embeds).toEqual(['A video pasted as an iframe', 'A video the right way']);
		expect(article.querySelectorAll('iframe')).toHaveLength(0);
		expect(article.querySelectorAll('template')).toHaveLength(2);
	});

	it('executes nothing from its feed HTML either (content:encoded opened as a page)', async () => {
		const rss = new XMLParser({ cdataPropName: '__cdata' }).parse(await readFile(join(hostileDist, 'rss.xml'), 'utf8'));
		const items = [rss.rss.channel.item].flat() as Record<string, { __cdata?: string }>[];
		const contents = items.map((item) => String(item['content:encoded']!.__cdata ?? item['content:encoded']));
		expect(contents).toHaveLength(2);
		expect(contents.join('\n')).toContain('Wire copy pasted from many hands.');
		expect(contents.join('\n')).toContain('Wire copy in MDX.');
		for (const content of contents) {
			// As a feed reader shows it: without the site's policy, so only the sanitizing protects it.
			const { page, dialogs } = await watchedPage({ bypassCSP: true });
			await page.goto(`${hostile.origin}/404.html`);
			await page.setContent(`<!doctype html><html><body>${content}</body></html>`);
			await page.mouse.move(200, 300);
			await page.mouse.click(10, 10);
			await page.waitForTimeout(300);
			expect(await pwned(page)).toBeUndefined();
			expect(dialogs).toEqual([]);
			expect(content).not.toMatch(/<script|<iframe|onerror=|onclick=|onmouseover=|href="\s*javascript:/i);
		}
	});
});

describe('the sample site under its Content-Security-Policy, served by Cloudflare’s local Pages server', () => {
	const pages = [
		'/',
		'/articles/2026/01/bezos-musk-satellite-race/',
		'/articles/2023/05/xi-central-asia-potential/',
		'/sections/world/',
		'/authors/ap-journalist/',
		'/tags/tourism/',
		'/privacy/',
		'/no-such-page/',
	];

	it('sends the policy and the security headers with every page type', async () => {
		for (const path of pages) {
			const response = await fetch(`${sample.origin}${path}`);
			expect(response.status, path).toBe(path === '/no-such-page/' ? 404 : 200);
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
			expect(response.headers.get('x-frame-options'), path).toBe('DENY');
			expect(response.headers.get('permissions-policy'), path).toContain('camera=()');
			expect(response.headers.get('strict-transport-security'), path).toBe('max-age=63072000');
			// The policy travels with each top-level entry's rule (so the editors' desk can have its own): a path
			// outside every entry gets the 404 page's own <meta> policy, and framing is refused by X-Frame-Options.
			if (path === '/no-such-page/') {
				expect(response.headers.get('content-security-policy'), path).toBeNull();
				expect(await response.text(), path).toMatch(/<meta http-equiv="content-security-policy" content="default-src 'none';/);
				continue;
			}
			const policy = response.headers.get('content-security-policy') ?? '';
			expect(policy, path).toContain("default-src 'none'");
			expect(policy, path).toContain("frame-ancestors 'none'");
			const scripts = policy.split(';').find((directive) => directive.trim().startsWith('script-src '));
			expect(scripts, path).toMatch(/^ ?script-src 'self' 'sha256-/);
			expect(scripts, path).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https:|\*/);
			// Only Shiki's coloured code blocks need style attributes; bodies cannot write their own.
			expect(policy.match(/'unsafe-inline'/g), path).toEqual(["'unsafe-inline'"]);
			expect(policy, path).toContain("style-src-attr 'unsafe-inline'");
			expect(response.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
		}
	});

	it('gives the editors’ desk a policy of its own, and only it: one policy per response', async () => {
		const desk = await fetch(`${sample.origin}/admin/`);
		const policy = desk.headers.get('content-security-policy') ?? '';
		// One header value, not the readers' policy joined to the desk's (a browser would enforce both).
		expect(policy.split(',')).toHaveLength(1);
		expect(policy).toMatch(/script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'/);
		expect(policy).toMatch(/connect-src 'self' blob: https:\/\/api\.github\.com[ ;]/);
		expect(desk.headers.get('cross-origin-opener-policy')).toBe('same-origin-allow-popups');
		const home = await fetch(`${sample.origin}/`);
		expect(home.headers.get('content-security-policy')).not.toMatch(/unsafe-eval|api\.github\.com/);
	});

	it('loads every page type with no policy violation and no console error, before and after accepting cookies', async () => {
		for (const path of pages) {
			const { page, errors, violations } = await watchedPage();
			const response = await page.goto(`${sample.origin}${path}`);
			expect(response?.status(), path).toBe(path === '/no-such-page/' ? 404 : 200);
			await page.waitForFunction(() => customElements.get('newsroom-consent') !== undefined);
			expect(await violations(), `${path}, before consent`).toEqual([]);
			await page.getByRole('region', { name: 'Cookie consent' }).getByRole('button', { name: 'Accept all' }).click();
			// The gated sample tag now runs, under the policy (its hash is in it).
			await page.waitForFunction(() => document.documentElement.dataset['sampleAnalytics'] === 'on');
			if (path.includes('bezos')) await page.frameLocator('iframe').getByText('Playing').waitFor();
			await page.reload();
			await page.waitForFunction(() => document.documentElement.dataset['sampleAnalytics'] === 'on');
			expect(await violations(), `${path}, after consent`).toEqual([]);
			// 404: the browser logs the page's own status; anything else is an error.
			expect(errors.filter((error) => !(path === '/no-such-page/' && /404/.test(error))), path).toEqual([]);
		}
	});
});
