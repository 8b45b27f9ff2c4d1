import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { newsLanguage } from '../../integrations/newsroom/seo/sitemaps.ts';
import { newsSitemapXml } from '../../integrations/newsroom/seo/sitemaps.ts';
import {
	NEWS_SITEMAP_LIMIT,
	NEWS_WINDOW_HOURS,
	selectNewsArticles,
} from '../../integrations/newsroom/seo/sitemaps.ts';

const now = new Date('2026-01-29T06:00:00Z');
const hours = (n: number) => n * 3_600_000;
const article = (id: string, time: number) => ({ id, data: { pubDate: new Date(time) } });
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' });

describe('selectNewsArticles', () => {
	it('keeps what was published in the 48 hours before the build, both ends included, newest first', () => {
		const t = now.getTime();
		const articles = [
			article('just-too-old', t - hours(48) - 1),
			article('window-start', t - hours(48)),
			article('yesterday', t - hours(24)),
			article('at-build-time', t),
			article('after-build-time', t + 1),
			article('last-year', t - hours(24 * 365)),
		];
		expect(selectNewsArticles(articles, now).map((a) => a.id)).toEqual(['at-build-time', 'yesterday', 'window-start']);
		expect(NEWS_WINDOW_HOURS).toBe(48);
	});

	it('lists at most 1000 articles, the newest ones', () => {
		const t = now.getTime();
		const articles = Array.from({ length: 1500 }, (_, index) => article(`a${index}`, t - index * 60_000));
		const selected = selectNewsArticles([...articles].reverse(), now);
		expect(NEWS_SITEMAP_LIMIT).toBe(1000);
		expect(selected).toHaveLength(1000);
		expect(selected[0]!.id).toBe('a0');
		expect(selected.at(-1)!.id).toBe('a999');
	});

	it('takes the window and the cap as parameters', () => {
		const t = now.getTime();
		const articles = [article('a', t - hours(1)), article('b', t - hours(2)), article('c', t - hours(3))];
		expect(selectNewsArticles(articles, now, { windowHours: 2 }).map((a) => a.id)).toEqual(['a', 'b']);
		expect(selectNewsArticles(articles, now, { limit: 1 }).map((a) => a.id)).toEqual(['a']);
	});

	it('is empty when nothing is recent', () => {
		expect(selectNewsArticles([article('old', now.getTime() - hours(49))], now)).toEqual([]);
	});
});

describe('newsSitemapXml', () => {
	const publication = { name: 'The Daily & Co', language: 'en' };

	it('writes a sitemaps.org urlset with the Google News extension', () => {
		const xml = newsSitemapXml(
			[
				{
					url: 'https://daily.example/articles/a/?x=1&y=2',
					title: 'Tom & Jerry <live>',
					publicationDate: '2026-01-28T18:00:00+08:00',
				},
				{ url: 'https://daily.example/articles/b/', title: 'Second', publicationDate: '2026-01-28T17:00:00+08:00' },
			],
			publication,
		);
		const { urlset } = parser.parse(xml);
		expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
		expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
		expect(urlset.url).toEqual([
			{
				loc: 'https://daily.example/articles/a/?x=1&y=2',
				'news:news': {
					'news:publication': { 'news:name': 'The Daily & Co', 'news:language': 'en' },
					'news:publication_date': '2026-01-28T18:00:00+08:00',
					'news:title': 'Tom & Jerry <live>',
				},
			},
			{
				loc: 'https://daily.example/articles/b/',
				'news:news': {
					'news:publication': { 'news:name': 'The Daily & Co', 'news:language': 'en' },
					'news:publication_date': '2026-01-28T17:00:00+08:00',
					'news:title': 'Second',
				},
			},
		]);
		expect(xml).toContain('Tom &amp; Jerry &lt;live&gt;');
	});

	it('is a well-formed, empty urlset when there is no recent story', () => {
		const xml = newsSitemapXml([], publication);
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
		const { urlset } = parser.parse(xml);
		expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
		expect(urlset.url).toBeUndefined();
	});

	it('drops characters XML cannot carry at all', () => {
		const xml = newsSitemapXml(
			[{ url: 'https://daily.example/a/', title: 'Bell\u0007 here', publicationDate: '2026-01-28' }],
			publication,
		);
		expect(parser.parse(xml).urlset.url[0]['news:news']['news:title']).toBe('Bell here');
	});

	it('drops a lone surrogate (half an emoji from a cut headline), which would make the sitemap unreadable', () => {
		const xml = newsSitemapXml(
			[{ url: 'https://daily.example/a/', title: 'Cut \uD83D here \uDE00 and 😀 kept', publicationDate: '2026-01-28' }],
			{ name: 'Daily \uDC00', language: 'en' },
		);
		expect(xml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
		const news = parser.parse(xml).urlset.url[0]['news:news'];
		expect(news['news:title']).toBe('Cut  here  and 😀 kept');
		expect(news['news:publication']['news:name']).toBe('Daily');
		expect(Buffer.from(xml, 'utf8').toString('utf8')).toBe(xml);
	});
});

describe('newsLanguage', () => {
	it('is the ISO 639 code, except Chinese which Google News spells zh-cn or zh-tw', () => {
		expect(newsLanguage('en-US')).toBe('en');
		expect(newsLanguage('ms-MY')).toBe('ms');
		expect(newsLanguage('fil')).toBe('fil');
		expect(newsLanguage('zh-TW')).toBe('zh-tw');
		expect(newsLanguage('zh-HK')).toBe('zh-tw');
		expect(newsLanguage('zh-CN')).toBe('zh-cn');
		expect(newsLanguage('zh')).toBe('zh-cn');
	});
});
