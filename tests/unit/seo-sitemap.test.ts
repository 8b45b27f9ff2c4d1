import { describe, expect, it } from 'vitest';
import { robotsTxt } from '../../integrations/newsroom/seo/sitemaps.ts';
import { sitemapData } from '../../integrations/newsroom/seo/sitemaps.ts';
import { inSitemapOrder, sitemapItem } from '../../integrations/newsroom/seo/sitemaps.ts';

const site = 'https://daily.example';
const article = (id: string, pubDate: string, extra: { updatedDate?: string; canonical?: string } = {}) => ({
	id,
	data: {
		pubDate: new Date(pubDate),
		updatedDate: extra.updatedDate ? new Date(extra.updatedDate) : undefined,
		canonical: extra.canonical,
	},
});

describe('sitemapData', () => {
	const updated = article('updated', '2026-01-27T10:00:00Z', { updatedDate: '2026-01-28T12:30:00Z' });
	const plain = article('plain', '2026-01-28T10:00:00Z');
	const elsewhere = article('elsewhere', '2026-01-20T10:00:00Z', { canonical: 'https://other.example/story' });
	const self = article('self', '2026-01-19T10:00:00Z', { canonical: `${site}/articles/self` });
	const articles = [plain, updated, elsewhere, self];
	const data = sitemapData({
		articles,
		articleUrl: (a) => `${site}/articles/${a.id}/`,
		listings: [
			{ url: `${site}/`, articles },
			{ url: `${site}/sections/world/`, articles: [updated, elsewhere] },
			{ url: `${site}/tags/empty/`, articles: [] },
		],
		timeZone: 'Asia/Kuala_Lumpur',
	});

	it('dates each article by its update, else its publication, in the site time zone', () => {
		expect(data.lastmod[`${site}/articles/updated`]).toBe('2026-01-28T20:30:00+08:00');
		expect(data.lastmod[`${site}/articles/plain`]).toBe('2026-01-28T18:00:00+08:00');
	});

	it('dates a listing by its newest story', () => {
		expect(data.lastmod[site]).toBe('2026-01-28T18:00:00+08:00');
		expect(data.lastmod[`${site}/sections/world`]).toBe('2026-01-27T18:00:00+08:00');
		expect(Object.keys(data.lastmod)).not.toContain(`${site}/tags/empty`);
	});

	it('leaves out articles whose canonical URL is on another site', () => {
		expect(data.exclude).toEqual([`${site}/articles/elsewhere`]);
	});
});

describe('sitemapItem', () => {
	const data = {
		lastmod: new Map([[`${site}/articles/a`, '2026-01-28T18:00:00+08:00']]),
		exclude: new Set([`${site}/articles/gone`]),
	};

	it('adds the lastmod whether or not the URL ends in a slash', () => {
		expect(sitemapItem({ url: `${site}/articles/a/` }, data)).toEqual({
			url: `${site}/articles/a/`,
			lastmod: '2026-01-28T18:00:00+08:00',
		});
		expect(sitemapItem({ url: `${site}/articles/a` }, data)).toEqual({
			url: `${site}/articles/a`,
			lastmod: '2026-01-28T18:00:00+08:00',
		});
	});

	it('keeps pages it knows nothing about unchanged and drops excluded ones', () => {
		expect(sitemapItem({ url: `${site}/privacy/` }, data)).toEqual({ url: `${site}/privacy/` });
		expect(sitemapItem({ url: `${site}/articles/gone/` }, data)).toBeUndefined();
	});
});

describe('robotsTxt', () => {
	it('allows every crawler and lists each sitemap', () => {
		expect(robotsTxt([`${site}/sitemap-index.xml`, `${site}/news-sitemap.xml`])).toBe(
			[
				'User-agent: *',
				'Allow: /',
				'',
				`Sitemap: ${site}/sitemap-index.xml`,
				`Sitemap: ${site}/news-sitemap.xml`,
				'',
			].join('\n'),
		);
	});
});

describe('inSitemapOrder', () => {
	it('orders pages as @astrojs/sitemap sorts their URLs, so that its sort makes n − 1 comparisons', () => {
		const site = 'https://news.example/base/';
		// Numbers (page 10 after page 9), case, accents, the home page and paths with and without a leading slash.
		const paths = ['', 'articles/2025/12/story-10/', '/articles/2025/12/story-9/', 'sections/Sport/2/', 'sections/sport/10/',
			'tags/café/', 'tags/cafe/', 'tags/Cafe/', 'authors/reporter-1/', '/authors/reporter-12/', 'search/', '404.html'];
		const random = ((seed) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)(7);
		for (let round = 0; round < 20; round++) {
			const pages = [...paths].sort(() => random() - 0.5).map((pathname) => ({ pathname }));
			// What @astrojs/sitemap does (generate-sitemap.js), counting its comparisons.
			const urls = inSitemapOrder(pages).map(({ pathname }) => new URL(pathname.replace(/^\//, ''), site).href);
			let comparisons = 0;
			const sorted = [...urls].sort((a, b) => (comparisons++, a.localeCompare(b, 'en', { numeric: true })));
			expect(urls).toEqual(sorted);
			expect(comparisons).toBe(urls.length - 1);
		}
	});
});
