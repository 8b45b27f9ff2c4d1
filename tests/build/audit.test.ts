import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { a11yGate } from '../../scripts/audit/a11y/a11y-gate.ts';
import { auditContext } from '../../scripts/audit/context.ts';
import { headersGate } from '../../scripts/audit/headers/headers-gate.ts';
import { parseHeadersFile } from '../../scripts/audit/headers/parse-headers-file.ts';
import { htmlGate } from '../../scripts/audit/html/html-gate.ts';
import { linksGate } from '../../scripts/audit/links/links-gate.ts';
import { securityGate } from '../../scripts/audit/security/security-gate.ts';
import type { AuditContext } from '../../scripts/audit/types.ts';
import { weightGate } from '../../scripts/audit/weight/weight-gate.ts';
import { feedsGate } from '../../scripts/audit/xml/feeds-gate.ts';
import { repoRoot, siteDist } from '../helpers/paths.ts';

const broken = (name: string) => join(repoRoot, 'tests', 'fixtures', 'audit-broken', name);
const messages = (findings: { where: string; message: string }[]) =>
	findings.map((finding) => `${finding.where}: ${finding.message}`);

describe('the quality gates pass on the sample site', () => {
	let site: AuditContext;
	beforeAll(async () => {
		site = await auditContext(siteDist);
	});

	it('reads the site URL from the home page and finds every page', () => {
		expect(site.site.href).toBe('https://asiapacific-news.example/');
		expect(site.pages.map((page) => page.path)).toContain('/articles/2023/05/xi-central-asia-potential/');
		expect(site.pages.length).toBeGreaterThan(30);
	});

	it('HTML validity: the Nu HTML checker finds 0 errors on every page', async () => {
		const result = await htmlGate(site);
		expect(messages(result.findings)).toEqual([]);
		expect(result.figures).toEqual([`${site.pages.length} pages checked, 0 errors`]);
	});

	it('accessibility: axe finds 0 WCAG 2.1 A/AA violations on a home, article, section, author and tag page in both colour schemes, banner visible', async () => {
		const result = await a11yGate(site);
		expect(messages(result.findings)).toEqual([]);
		expect(result.figures).toEqual(
			[
				'/',
				'/articles/2023/04/flood-relief-live/',
				'/sections/business/',
				'/authors/ap-journalist/',
				'/tags/albania/',
			].flatMap((path) => [`${path}: 0 violations, banner visible`, `${path} (dark): 0 violations, banner visible`]),
		);
	});

	it('links: every internal URL of every page, feed and sitemap resolves to a file', async () => {
		const result = await linksGate(site);
		expect(messages(result.findings)).toEqual([]);
	});

	it('feeds and sitemaps: well-formed, feeds without bozo, sitemap entries are pages', async () => {
		const result = await feedsGate(site);
		expect(messages(result.findings)).toEqual([]);
		expect(result.figures[1]).toMatch(/^\d+ feeds parsed by feedparser with \d+ entries$/);
		expect(result.figures[1]).not.toMatch(/^0 feeds/);
	});

	it('page weight: every page type within its gzip budgets, with a figure row per type', async () => {
		const result = await weightGate(site);
		expect(messages(result.findings)).toEqual([]);
		const types = result.figures.slice(2).map((row) => row.split(/\s+/)[0]);
		expect(types).toEqual(['home', 'article', 'live', 'section', 'author', 'tag', 'search', 'cms', 'other']);
		// The one live blog that is live (sabah-election-live) carries the live-updates island; the ended one does not.
		expect(result.figures.find((row) => row.startsWith('live '))).toMatch(/^live\s+1\s/);
	});

	it('CDN readiness: the integration wrote _headers — hashed assets immutable for a year, everything else short-lived', async () => {
		const rules = parseHeadersFile(await readFile(join(siteDist, '_headers'), 'utf8'));
		const cacheControl = (path: string) => rules.find((rule) => rule.path === path)?.headers.filter(([name]) => name === 'cache-control');
		expect(cacheControl('/_astro/*')).toEqual([['cache-control', 'public, max-age=31536000, immutable']]);
		for (const path of [
			'/',
			'/articles/*',
			'/rss.xml',
			'/sitemap-index.xml',
			'/sitemap-0.xml',
			'/news-sitemap.xml',
			'/robots.txt',
		]) {
			expect(cacheControl(path), path).toEqual([['cache-control', 'public, max-age=300, stale-while-revalidate=600']]);
		}
		const result = await headersGate(site);
		expect(messages(result.findings)).toEqual([]);
	});

	it('security headers: every route gets the policy and the headers from _headers, scored as the HTTP Observatory does', async () => {
		const result = await securityGate(site);
		expect(messages(result.findings)).toEqual([]);
		expect(result.figures[0]).toMatch(/^\d+ HTML routes checked against \d+ _headers rules$/);
		// HSTS opted in by the sample site: 100, plus 10 (default-src 'none'), 5 (referrer) and 5 (frame-ancestors).
		expect(result.figures[1]).toBe(
			'Observatory score (lowest route): 120 (A+); content-security-policy +10, referrer-policy +5, strict-transport-security +0, x-content-type-options +0, x-frame-options +5',
		);
	});
});

describe('each gate fails on a broken build', () => {
	it('HTML validity: a stray end tag, a misplaced paragraph and an image without alt', async () => {
		const result = await htmlGate(await auditContext(broken('invalid-html')));
		expect(result.findings.map((finding) => finding.where)).toEqual([
			'index.html:6:40',
			'index.html:7:5',
			'index.html:8:1',
		]);
		expect(result.findings[0]?.message).toContain('Stray end tag “div”.');
		expect(result.findings[1]?.message).toContain('Element “p” not allowed as child of element “ul”');
		expect(result.findings[2]?.message).toContain('An “img” element must have an “alt” attribute');
	});

	it('accessibility: axe violations on the home page (one in the dark scheme only), and an article without the consent banner', async () => {
		const result = await a11yGate(await auditContext(broken('axe-violation')));
		const found = result.findings.map((finding) => [finding.where, finding.message.split(' (')[0]]);
		expect(found).toEqual([
			['/', 'button-name'],
			['/', 'color-contrast'],
			['/', 'image-alt'],
			['/ (dark)', 'button-name'],
			['/ (dark)', 'color-contrast'],
			['/ (dark)', 'image-alt'],
			['/articles/no-banner/', 'the consent banner'],
			['/articles/no-banner/ (dark)', 'the consent banner'],
		]);
		// Light: only the grey paragraph is too faint; dark: the dark-only paragraph too.
		const contrast = (where: string) => result.findings.find((finding) => finding.where === where && finding.message.startsWith('color-contrast'))!.message;
		expect(contrast('/')).not.toContain('dark-only');
		expect(contrast('/ (dark)')).toContain('dark-only');
	});

	it('links: a dead link, a missing srcset candidate, a dead feed item and image, a missing sitemap and a redirect to nowhere', async () => {
		const result = await linksGate(await auditContext(broken('broken-link')));
		expect(messages(result.findings)).toEqual([
			'index.html: <a href> "/articles/missing/" → no file for /articles/missing/',
			'index.html: <img srcset> "/_astro/missing@2x.svg" → no file for /_astro/missing@2x.svg',
			'rss.xml: <link> "https://asiapacific-news.example/articles/gone/" → no file for /articles/gone/',
			'rss.xml: <description> <img src> "https://asiapacific-news.example/_astro/gone.jpg" → no file for /_astro/gone.jpg',
			'robots.txt: Sitemap: "https://asiapacific-news.example/sitemap-index.xml" → no file for /sitemap-index.xml',
			'_redirects: redirect from /2019/05/02/gone/ "/articles/gone/" → no file for /articles/gone/',
		]);
	});

	it('feeds and sitemaps: a malformed feed (xmllint and feedparser) and a sitemap entry without a page', async () => {
		const result = await feedsGate(await auditContext(broken('malformed-feed')));
		expect(messages(result.findings)).toEqual([
			'rss.xml:3: parser error : Opening and ending tag mismatch: item line 3 and channel — near “m><title>Unclosed</title><link>https://asiapacific-news.example/</link></channel”',
			'rss.xml:4: parser error : Opening and ending tag mismatch: channel line 2 and rss — near “</rss>”',
			'rss.xml:5: parser error : Premature end of data in tag rss line 2',
			'sitemap-0.xml: entry <loc>https://asiapacific-news.example/articles/never-built/</loc> is not a page of this build',
			'rss.xml: feedparser: bozo — SAXParseException: <unknown>:3:77: mismatched tag',
		]);
	});

	it('page weight: an article loading over 2 KB of gzipped JavaScript', async () => {
		const result = await weightGate(await auditContext(broken('over-budget')));
		expect(result.findings).toHaveLength(1);
		expect(result.findings[0]?.where).toBe('articles/heavy/index.html');
		expect(result.findings[0]?.message).toMatch(/^JS is \d+ gzip bytes, over the article budget of 2048$/);
		expect(result.figures.at(-1)).toMatch(/^article\s+1\s+\d+ ≤ 20480\s+0 ≤ 8192\s+\d+ ≤ 2048$/);
	});

	it('page weight: a live blog over the live budget, and an ended one (an ordinary article) still carrying the islands', async () => {
		const result = await weightGate(await auditContext(broken('live-island')));
		expect(messages(result.findings)).toEqual([
			'articles/ended/index.html: JS is 2614 gzip bytes, over the article budget of 2048',
			'articles/live-heavy/index.html: JS is 4189 gzip bytes, over the live budget of 3584',
		]);
		// The live blog that is live carries the same 2614 bytes within its budget.
		expect(result.figures.find((row) => row.startsWith('live '))).toMatch(/^live\s+2\s+\d+ ≤ 20480\s+0 ≤ 8192\s+4189 ≤ 3584$/);
	});

	it('CDN cache headers: overlapping rules and a page without a rule, or no _headers at all', async () => {
		const result = await headersGate(await auditContext(broken('bad-headers')));
		expect(messages(result.findings)).toEqual([
			'/_astro/site.css: 2 _headers rules set its Cache-Control (line 4 /_astro/*, line 6 /_astro/site.css); hosts join them into one value',
			'/privacy/: no _headers rule sets its Cache-Control',
		]);
		const missing = await headersGate(await auditContext(broken('invalid-html')));
		expect(messages(missing.findings)).toEqual(['_headers: missing: the newsroom integration writes it at build time']);
	});

	it('security headers: inline scripts allowed, framing allowed, a leaking referrer, missing headers and policies', async () => {
		const result = await securityGate(await auditContext(broken('bad-security')));
		expect(messages(result.findings)).toEqual([
			"/: Content-Security-Policy script-src allows 'unsafe-inline'",
			"/: Content-Security-Policy needs object-src 'none'",
			'/: Content-Security-Policy has no base-uri',
			'/: Content-Security-Policy has no frame-ancestors (only a header can carry it)',
			'/: x-content-type-options: missing',
			'/: referrer-policy: must be strict-origin-when-cross-origin or stricter (has "unsafe-url")',
			'/: permissions-policy: missing',
			'/: cross-origin-opener-policy: missing',
			'/articles/story/: the page has no <meta http-equiv="content-security-policy"> (Astro security.csp)',
			'/articles/story/: x-content-type-options: missing',
			'/articles/story/: permissions-policy: missing',
			'/articles/story/: cross-origin-opener-policy: missing',
			'/articles/story/: x-frame-options: must be SAMEORIGIN to match frame-ancestors \'self\' (has "DENY")',
		]);
		expect(result.figures[1]).toMatch(/^Observatory score \(lowest route\): 30 \(D\);/);
	});

	it("security headers: WebAssembly allowed on a reader page, and more than WebAssembly on the search page", async () => {
		const result = await securityGate(await auditContext(broken('search-policy')));
		expect(messages(result.findings)).toEqual([
			"/articles/story/: Content-Security-Policy script-src allows 'wasm-unsafe-eval'",
			"/search/: Content-Security-Policy script-src allows 'unsafe-eval'",
		]);
	});
});

describe('npm run audit', () => {
	const audit = (...args: string[]) =>
		promisify(execFile)(process.execPath, [join(repoRoot, 'scripts/audit/audit.ts'), ...args], { cwd: repoRoot }).then(
			({ stdout }) => ({ code: 0, stdout }),
			(error: { code: number; stdout: string; stderr: string }) => ({
				code: error.code,
				stdout: error.stdout + error.stderr,
			}),
		);

	it('exits 1 with a readable report when a gate fails', async () => {
		const { code, stdout } = await audit('--dist', broken('over-budget'), '--only', 'links,weight');
		expect(code).toBe(1);
		const lines = stdout.trim().split('\n');
		expect(lines).toContain('PASS  Links');
		expect(lines).toContain('FAIL  Page weight (gzip bytes) — 1 problem');
		expect(lines.at(-1)).toBe('gates: 1 passed, 1 failed');
	});

	it('exits 0 when every gate passes, and 2 with the usage on a bad option', async () => {
		const passing = await audit('--dist', siteDist, '--only', 'weight,headers');
		expect(passing.stdout.trim().split('\n').at(-1)).toBe('gates: 2 passed, 0 failed');
		expect(passing.code).toBe(0);
		const wrong = await audit('--only', 'spelling');
		expect(wrong.code).toBe(2);
		expect(wrong.stdout).toContain('audit: --only: unknown gate "spelling"');
	});
});
