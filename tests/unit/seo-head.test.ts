import { describe, expect, it } from 'vitest';
import { headMetadata, type HeadFacts, type MetaTag } from '../../integrations/newsroom/seo/head.ts';
import { iconLinks } from '../../integrations/newsroom/core/config.ts';

const page: HeadFacts = {
	siteName: 'The Daily',
	locale: 'en-US',
	title: 'About us',
	description: 'Who we are.',
	canonical: 'https://daily.example/about/',
	noindex: false,
};

const image = {
	url: 'https://daily.example/_astro/og.jpg',
	width: 1200,
	height: 630,
	type: 'image/jpeg',
	alt: 'A harbour at dusk',
};

/** The tags as "key=content" lines, in order. */
const lines = (meta: MetaTag[]) => meta.map((tag) => `${'property' in tag ? tag.property : tag.name}=${tag.content}`);

describe('headMetadata', () => {
	it('gives an article page the Open Graph article tags and a large X card', () => {
		const head = headMetadata({
			...page,
			title: 'Leaders meet',
			canonical: 'https://daily.example/articles/leaders-meet/',
			image,
			article: {
				publishedTime: '2026-01-28T18:00:00+08:00',
				modifiedTime: '2026-01-28T20:00:00+08:00',
				authors: ['https://daily.example/authors/a/', 'https://daily.example/authors/b/'],
				section: 'World',
				tags: ['China', 'Trade'],
			},
			xAccount: '@daily',
		});
		expect(head.title).toBe('Leaders meet | The Daily');
		expect(head.robots).toBe('index, follow, max-image-preview:large');
		expect(lines(head.meta)).toEqual([
			'og:site_name=The Daily',
			'og:locale=en_US',
			'og:type=article',
			'og:title=Leaders meet',
			'og:description=Who we are.',
			'og:url=https://daily.example/articles/leaders-meet/',
			'og:image=https://daily.example/_astro/og.jpg',
			'og:image:type=image/jpeg',
			'og:image:width=1200',
			'og:image:height=630',
			'og:image:alt=A harbour at dusk',
			'article:published_time=2026-01-28T18:00:00+08:00',
			'article:modified_time=2026-01-28T20:00:00+08:00',
			'article:author=https://daily.example/authors/a/',
			'article:author=https://daily.example/authors/b/',
			'article:section=World',
			'article:tag=China',
			'article:tag=Trade',
			'twitter:card=summary_large_image',
			'twitter:site=@daily',
			'twitter:image:alt=A harbour at dusk',
		]);
	});

	it('makes other pages og:type=website, with the small card for a square image', () => {
		const head = headMetadata({ ...page, image: { ...image, width: 512, height: 512, type: 'image/png' } });
		expect(lines(head.meta)).toContain('og:type=website');
		expect(lines(head.meta)).toContain('twitter:card=summary');
		expect(lines(head.meta).filter((line) => line.startsWith('article:'))).toEqual([]);
		expect(lines(head.meta).filter((line) => line.startsWith('twitter:site'))).toEqual([]);
	});

	it('does not repeat the publication name on the home page', () => {
		expect(headMetadata({ ...page, title: 'The Daily' }).title).toBe('The Daily');
	});

	it('keeps noindex pages out of search results', () => {
		expect(headMetadata({ ...page, noindex: true }).robots).toBe('noindex, follow');
	});

	it('writes Open Graph locales as language_TERRITORY', () => {
		const locale = (value: string) =>
			lines(headMetadata({ ...page, locale: value }).meta).find((line) => line.startsWith('og:locale'));
		expect(locale('ms-MY')).toBe('og:locale=ms_MY');
		expect(locale('zh-Hant-TW')).toBe('og:locale=zh_TW');
		expect(locale('fr')).toBe('og:locale=fr');
	});
});

describe('iconLinks', () => {
	it('links only the icon files the public folder has', () => {
		expect(iconLinks(new Set(['favicon.svg', 'apple-touch-icon.png', 'robots.txt']))).toEqual([
			{ rel: 'icon', file: 'favicon.svg', type: 'image/svg+xml' },
			{ rel: 'apple-touch-icon', file: 'apple-touch-icon.png' },
		]);
		expect(iconLinks(new Set())).toEqual([]);
	});
});
