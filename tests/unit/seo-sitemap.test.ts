import { describe, expect, it } from 'vitest';
import { robotsTxt } from '../../integrations/newsroom/seo/sitemaps.ts';
import { sitemapData } from '../../integrations/newsroom/seo/sitemaps.ts';
import { sitemapItem } from '../../integrations/newsroom/seo/sitemaps.ts';

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
