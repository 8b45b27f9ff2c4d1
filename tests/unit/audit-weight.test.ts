import { describe, expect, it } from 'vitest';
import { budgetFindings } from '../../scripts/audit/weight/budget-findings.ts';
import { defaultBudgets } from '../../scripts/audit/weight/budgets.ts';
import { gzipSize } from '../../scripts/audit/weight/gzip-size.ts';
import { isLivePage } from '../../scripts/audit/weight/live-page.ts';
import { pageAssets } from '../../scripts/audit/weight/page-assets.ts';
import { pageType } from '../../scripts/audit/weight/page-type.ts';
import type { PageWeight } from '../../scripts/audit/weight/page-weight.ts';
import { prefixesFromUrls } from '../../scripts/audit/weight/prefixes-from-urls.ts';
import { weightTable } from '../../scripts/audit/weight/weight-table.ts';

describe('page types', () => {
	const prefixes = prefixesFromUrls();

	it('reads the prefixes from the newsroom URL builder', () => {
		expect(prefixes).toEqual({
			article: '/articles/',
			section: '/sections/',
			author: '/authors/',
			tag: '/tags/',
			search: '/search/',
			cms: '/admin/',
		});
	});

	it('classifies home, articles, sections (with pagination), authors, tags and the rest', () => {
		expect(pageType('/', prefixes)).toBe('home');
		expect(pageType('/articles/2026/01/x/', prefixes)).toBe('article');
		expect(pageType('/sections/world/', prefixes)).toBe('section');
		expect(pageType('/sections/world/2/', prefixes)).toBe('section');
		expect(pageType('/authors/desk/', prefixes)).toBe('author');
		expect(pageType('/tags/belt-and-road/', prefixes)).toBe('tag');
		expect(pageType('/privacy/', prefixes)).toBe('other');
		expect(pageType('/admin/', prefixes)).toBe('cms');
		expect(pageType('/search/', prefixes)).toBe('search');
		expect(pageType('/search/more/', prefixes)).toBe('other');
		expect(pageType('/404.html', prefixes)).toBe('other');
		expect(pageType('/articles/', prefixes)).toBe('other');
	});
});

describe('isLivePage', () => {
	const page = (jsonLd: string) => `<!doctype html><html><head><script type="application/ld+json">${jsonLd}</script></head><body></body></html>`;

	it('is a LiveBlogPosting without coverageEndTime, as an object, in an array or an @graph', () => {
		expect(isLivePage(page('{"@type":"LiveBlogPosting","coverageStartTime":"2026-01-20T09:00:00Z"}'))).toBe(true);
		expect(isLivePage(page('[{"@type":"BreadcrumbList"},{"@type":["LiveBlogPosting"]}]'))).toBe(true);
		expect(isLivePage(page('{"@graph":[{"@type":"LiveBlogPosting"}]}'))).toBe(true);
	});

	it('is not an ended live blog, another article, a page without JSON-LD or with broken JSON-LD', () => {
		expect(isLivePage(page('{"@type":"LiveBlogPosting","coverageEndTime":"2026-01-21T18:00:00Z"}'))).toBe(false);
		expect(isLivePage(page('{"@type":"NewsArticle","headline":"Not a LiveBlogPosting"}'))).toBe(false);
		expect(isLivePage('<p>LiveBlogPosting</p>')).toBe(false);
		expect(isLivePage(page('{"@type":"LiveBlogPosting",'))).toBe(false);
	});
});

describe('pageAssets', () => {
	it('counts code scripts (inline, external, module preloads, consent-gated tags) and styles, not JSON-LD', () => {
		const html = `<!doctype html><html><head>
			<link rel="stylesheet" href="/_astro/a.css"><link rel="modulepreload" href="/_astro/chunk.js"><link rel="icon" href="/favicon.svg">
			<style>body{margin:0}</style>
			<script type="application/ld+json">{"@type":"NewsArticle"}</script>
			<script type="module" src="/_astro/island.js"></script></head>
			<body><script type="module">customElements.define('x-y', class extends HTMLElement {})</script>
			<script type="text/plain" data-consent="analytics">track()</script><script type="text/template"><p>not code</p></script></body></html>`;
		expect(pageAssets(html)).toEqual({
			inlineScripts: ["customElements.define('x-y', class extends HTMLElement {})", 'track()'],
			scriptUrls: ['/_astro/island.js', '/_astro/chunk.js'],
			inlineStyles: ['body{margin:0}'],
			styleUrls: ['/_astro/a.css'],
		});
	});
});

describe('gzipSize', () => {
	it('measures gzip bytes: repetitive text shrinks, and bytes and text agree', () => {
		const text = 'newsroom '.repeat(1000);
		expect(gzipSize(text)).toBeLessThan(200);
		expect(gzipSize(Buffer.from(text))).toBe(gzipSize(text));
		expect(gzipSize('')).toBe(20);
	});
});

const weights: PageWeight[] = [
	{ file: 'index.html', type: 'home', html: 5000, css: 1900, js: 1500 },
	{ file: 'articles/a/index.html', type: 'article', html: 21_000, css: 1900, js: 1500 },
	{ file: 'articles/b/index.html', type: 'article', html: 7000, css: 9000, js: 2049 },
	{ file: 'privacy/index.html', type: 'other', html: 30_000, css: 1900, js: 1500 },
	{ file: 'admin/index.html', type: 'cms', html: 700, css: 0, js: 1_500_000 },
	{ file: 'articles/live/index.html', type: 'live', html: 9000, css: 1900, js: 3584 },
	{ file: 'articles/heavy-live/index.html', type: 'live', html: 9000, css: 1900, js: 3585 },
];

describe('budgetFindings', () => {
	it('reports every figure over its page type budget, and only those (other pages have no HTML budget, the CMS none)', () => {
		expect(budgetFindings(weights, defaultBudgets)).toEqual([
			{ where: 'articles/a/index.html', message: 'HTML is 21000 gzip bytes, over the article budget of 20480' },
			{ where: 'articles/b/index.html', message: 'CSS is 9000 gzip bytes, over the article budget of 8192' },
			{ where: 'articles/b/index.html', message: 'JS is 2049 gzip bytes, over the article budget of 2048' },
			{ where: 'articles/heavy-live/index.html', message: 'JS is 3585 gzip bytes, over the live budget of 3584' },
		]);
	});

	it('allows a figure exactly at its budget', () => {
		expect(budgetFindings([{ file: 'x', type: 'tag', html: 1, css: 8192, js: 2048 }], defaultBudgets)).toEqual([]);
	});
});

describe('weightTable', () => {
	it('prints the largest figures per page type beside their budgets, skipping types without pages', () => {
		expect(weightTable(weights, defaultBudgets)).toEqual([
			'page type  pages     HTML (max)    CSS (max)     JS (max)',
			'---------  -----  -------------  -----------  -----------',
			'home           1           5000  1900 ≤ 8192  1500 ≤ 2048',
			'article        2  21000 ≤ 20480  9000 ≤ 8192  2049 ≤ 2048',
			'live           2   9000 ≤ 20480  1900 ≤ 8192  3585 ≤ 3584',
			'cms            1            700            0      1500000',
			'other          1          30000  1900 ≤ 8192  1500 ≤ 2048',
		]);
	});
});
