import { describe, expect, it } from 'vitest';
import { immutableCacheControl, liveCacheControl, revalidateCacheControl } from '../../integrations/newsroom/cdn/headers.ts';
import { formatHeaders } from '../../integrations/newsroom/cdn/headers.ts';
import { headerRules } from '../../integrations/newsroom/cdn/headers.ts';
import { cacheFindings } from '../../scripts/audit/headers/cache-findings.ts';
import { parseHeadersFile } from '../../scripts/audit/headers/parse-headers-file.ts';
import { ruleMatches } from '../../scripts/audit/headers/rule-matches.ts';

const entries = [
	{ name: 'tags', folder: true },
	{ name: '_astro', folder: true },
	{ name: 'rss.xml', folder: false },
	{ name: 'index.html', folder: false },
	{ name: 'articles', folder: true },
	{ name: '_redirects', folder: false },
	{ name: 'sitemap-index.xml', folder: false },
];

describe('headerRules (the integration’s _headers core)', () => {
	it('gives the hashed assets folder a year, immutable, and every other top-level entry and the home page a short life', () => {
		expect(headerRules({ entries, base: '/', assetsDir: '_astro' })).toEqual([
			{ path: '/', headers: [['Cache-Control', revalidateCacheControl]] },
			{ path: '/_astro/*', headers: [['Cache-Control', immutableCacheControl]] },
			{ path: '/articles/*', headers: [['Cache-Control', revalidateCacheControl]] },
			{ path: '/index.html', headers: [['Cache-Control', revalidateCacheControl]] },
			{ path: '/rss.xml', headers: [['Cache-Control', revalidateCacheControl]] },
			{ path: '/sitemap-index.xml', headers: [['Cache-Control', revalidateCacheControl]] },
			{ path: '/tags/*', headers: [['Cache-Control', revalidateCacheControl]] },
		]);
		expect(immutableCacheControl).toBe('public, max-age=31536000, immutable');
		expect(revalidateCacheControl).toBe('public, max-age=300, stale-while-revalidate=600');
	});

	it('gives each live blog a short rule of its own that detaches the folder’s Cache-Control, which the audit reads as the only one', () => {
		const live = ['/articles/2026/01/count/'];
		const rules = headerRules({ entries, base: '/', assetsDir: '_astro', live });
		expect(rules.at(-1)).toEqual({ path: '/articles/2026/01/count/*', detach: ['Cache-Control'], headers: [['Cache-Control', liveCacheControl]] });
		const text = formatHeaders(rules);
		expect(text).toContain('/articles/2026/01/count/*\n  ! Cache-Control\n  Cache-Control: public, max-age=30, stale-while-revalidate=30\n');
		const parsed = parseHeadersFile(text);
		expect(cacheFindings(parsed, [{ path: '/articles/2026/01/count/', policy: 'revalidate' }, { path: '/articles/2026/01/other/', policy: 'revalidate' }])).toEqual([]);
		// Without the detach line the host would join both values: the audit says so.
		const joined = parseHeadersFile(text.replace('  ! Cache-Control\n', ''));
		expect(cacheFindings(joined, [{ path: '/articles/2026/01/count/', policy: 'revalidate' }])).toMatchObject([
			{ message: expect.stringContaining('2 _headers rules set its Cache-Control') },
		]);
	});

	it('puts the site’s base path in front of every rule and follows a renamed assets folder', () => {
		const rules = headerRules({
			entries: [
				{ name: 'assets', folder: true },
				{ name: 'café', folder: true },
			],
			base: '/news',
			assetsDir: 'assets',
		});
		expect(rules.map((rule) => [rule.path, rule.headers[0]?.[1]])).toEqual([
			['/news/', revalidateCacheControl],
			['/news/assets/*', immutableCacheControl],
			['/news/caf%C3%A9/*', revalidateCacheControl],
		]);
	});

	it('sends the headers alike everywhere in one rule, and each entry’s policy (the desk’s its own) beside its cache rule', () => {
		const rules = headerRules({
			entries: [
				{ name: 'admin', folder: true },
				{ name: 'articles', folder: true },
			],
			base: '/',
			assetsDir: '_astro',
			security: {
				everywhere: [['X-Content-Type-Options', 'nosniff']],
				pages: [['Content-Security-Policy', "default-src 'none'"]],
				byEntry: new Map([['admin', [['Content-Security-Policy', "default-src 'none'; script-src 'self' 'unsafe-eval'"]]]]),
			},
		});
		expect(rules).toEqual([
			{ path: '/*', headers: [['X-Content-Type-Options', 'nosniff']] },
			{ path: '/', headers: [['Cache-Control', revalidateCacheControl], ['Content-Security-Policy', "default-src 'none'"]] },
			{ path: '/admin/*', headers: [['Cache-Control', revalidateCacheControl], ['Content-Security-Policy', "default-src 'none'; script-src 'self' 'unsafe-eval'"]] },
			{ path: '/articles/*', headers: [['Cache-Control', revalidateCacheControl], ['Content-Security-Policy', "default-src 'none'"]] },
		]);
		// One policy per path: a browser would enforce both if two rules sent one.
		for (const path of ['/', '/admin/', '/admin/config.yml', '/articles/a/']) {
			const policies = rules.filter((rule) => ruleMatches(rule.path, path)).flatMap((rule) => rule.headers.filter(([name]) => name === 'Content-Security-Policy'));
			expect(policies, path).toHaveLength(1);
		}
	});
});

describe('formatHeaders', () => {
	it('writes the Netlify / Cloudflare Pages format, which parseHeadersFile reads back', () => {
		const text = formatHeaders([
			{ path: '/', headers: [['Cache-Control', revalidateCacheControl]] },
			{ path: '/_astro/*', headers: [['Cache-Control', immutableCacheControl]] },
		]);
		expect(text.split('\n')).toEqual([
			'# Written by @newsroom/astro at build time: the headers of every response, then one rule per top-level entry (cache and security policy), none setting a header another sets.',
			'/',
			`  Cache-Control: ${revalidateCacheControl}`,
			'/_astro/*',
			`  Cache-Control: ${immutableCacheControl}`,
			'',
		]);
		expect(parseHeadersFile(text)).toEqual([
			{ path: '/', line: 2, headers: [['cache-control', revalidateCacheControl]] },
			{ path: '/_astro/*', line: 4, headers: [['cache-control', immutableCacheControl]] },
		]);
	});
});

describe('parseHeadersFile', () => {
	it('skips comments and blank lines and rejects a header outside a rule', () => {
		expect(parseHeadersFile('# c\n\n/a\n  X-Frame-Options: DENY\n  # inner comment\n')).toEqual([
			{ path: '/a', line: 3, headers: [['x-frame-options', 'DENY']] },
		]);
		expect(() => parseHeadersFile('  Cache-Control: no-cache\n')).toThrow(
			'_headers line 1: expected an indented "Name: value" under a path, got "Cache-Control: no-cache"',
		);
	});
});

describe('ruleMatches', () => {
	it('matches literal paths exactly, a splat across slashes and a placeholder within one segment', () => {
		expect(ruleMatches('/', '/')).toBe(true);
		expect(ruleMatches('/', '/rss.xml')).toBe(false);
		expect(ruleMatches('/_astro/*', '/_astro/a.B1c.css')).toBe(true);
		expect(ruleMatches('/articles/*', '/articles/2026/01/x/')).toBe(true);
		expect(ruleMatches('/articles/*', '/articlesx')).toBe(false);
		expect(ruleMatches('/rss.xml', '/rssaxml')).toBe(false);
		expect(ruleMatches('/authors/:id/rss.xml', '/authors/desk/rss.xml')).toBe(true);
		expect(ruleMatches('/authors/:id/rss.xml', '/authors/a/b/rss.xml')).toBe(false);
		expect(ruleMatches('https://asiapacific-news.example/*', '/x/')).toBe(true);
	});
});

describe('cacheFindings', () => {
	const rules = parseHeadersFile(formatHeaders(headerRules({ entries, base: '/', assetsDir: '_astro' })));

	it('passes the newsroom rules: hashed assets immutable, pages, feeds and sitemaps short with stale-while-revalidate', () => {
		expect(
			cacheFindings(rules, [
				{ path: '/', policy: 'revalidate' },
				{ path: '/_astro/a.B1c.css', policy: 'immutable' },
				{ path: '/articles/2026/01/x/', policy: 'revalidate' },
				{ path: '/rss.xml', policy: 'revalidate' },
				{ path: '/sitemap-index.xml', policy: 'revalidate' },
			]),
		).toEqual([]);
	});

	it('reports uncovered URLs, overlapping rules, a long-lived page and a short-lived hashed asset', () => {
		const broken = parseHeadersFile(
			[
				'/*',
				'  Cache-Control: public, max-age=300, stale-while-revalidate=600',
				'/_astro/*',
				'  Cache-Control: public, max-age=31536000, immutable',
				'/old/*',
				'  Cache-Control: public, max-age=86400',
				'/static/*',
				'  Cache-Control: public, max-age=60',
				'/robots.txt',
				'  X-Robots-Tag: none',
			].join('\n'),
		);
		expect(
			cacheFindings(broken.slice(2), [
				{ path: '/old/page/', policy: 'revalidate' },
				{ path: '/static/a.js', policy: 'immutable' },
				{ path: '/robots.txt', policy: 'revalidate' },
			]),
		).toEqual([
			{
				where: '/old/page/ (rule /old/* on line 5)',
				message:
					'Cache-Control "public, max-age=86400" needs a max-age of at most 3600 s, needs stale-while-revalidate',
			},
			{
				where: '/static/a.js (rule /static/* on line 7)',
				message: 'a content-hashed asset needs "max-age=31536000, immutable", has "public, max-age=60"',
			},
			{ where: '/robots.txt', message: 'no _headers rule sets its Cache-Control' },
		]);
		expect(cacheFindings(broken, [{ path: '/_astro/a.css', policy: 'immutable' }])).toEqual([
			{
				where: '/_astro/a.css',
				message: '2 _headers rules set its Cache-Control (line 1 /*, line 3 /_astro/*); hosts join them into one value',
			},
		]);
	});
});
