import { describe, expect, it } from 'vitest';
import { breadcrumbListJsonLd } from '../../integrations/newsroom/seo/json-ld.ts';
import { homeJsonLd } from '../../integrations/newsroom/seo/json-ld.ts';
import { newsArticleJsonLd, type NewsArticleFacts } from '../../integrations/newsroom/seo/json-ld.ts';
import type { Publisher } from '../../integrations/newsroom/seo/json-ld.ts';
import { serializeJsonLd } from '../../integrations/newsroom/core/text.ts';

const publisher: Publisher = {
	name: 'The Daily',
	url: 'https://daily.example/',
	logo: { url: 'https://daily.example/logo.png', width: 512, height: 512 },
	sameAs: ['https://en.wikipedia.org/wiki/The_Daily'],
};

const hostile = `</script><script>alert('x')</script><!-- & --> \u2028\u2029 </SCRIPT >`;

const facts: NewsArticleFacts = {
	url: 'https://daily.example/articles/2026/01/story/',
	headline: 'Leaders meet in Xi’an',
	description: 'A summit of six leaders.',
	datePublished: '2026-01-28T18:00:00+08:00',
	dateModified: '2026-01-28T20:15:00+08:00',
	authors: [
		{ name: 'A Reporter', url: 'https://daily.example/authors/a/' },
		{ name: 'B Editor', url: 'https://daily.example/authors/b/' },
	],
	section: 'World',
	keywords: ['China', 'Central Asia'],
	images: [
		{ url: 'https://daily.example/_astro/a-16x9.jpg', width: 1200, height: 675 },
		{ url: 'https://daily.example/_astro/a-4x3.jpg', width: 1200, height: 900 },
		{ url: 'https://daily.example/_astro/a-1x1.jpg', width: 1200, height: 1200 },
	],
	dateline: "XI'AN, China",
	inLanguage: 'en-US',
	publisher,
};

describe('serializeJsonLd', () => {
	it('escapes <, >, & and U+2028/U+2029 so nothing can end the script element, and stays JSON', () => {
		const value = { headline: hostile, nested: [{ text: hostile }] };
		const json = serializeJsonLd(value);
		expect(json).not.toMatch(/[<>&\u2028\u2029]/);
		expect(json.toLowerCase()).not.toContain('</script');
		expect(json).toContain('\\u003c/script\\u003e');
		expect(json).toContain('\\u2028\\u2029');
		expect(JSON.parse(json)).toEqual(value);
	});

	it('leaves ordinary text as it is', () => {
		expect(serializeJsonLd({ name: 'Xi’an “quoted”' })).toBe('{"name":"Xi’an “quoted”"}');
	});

	it('refuses values JSON cannot represent', () => {
		expect(() => serializeJsonLd(undefined)).toThrow('JSON-LD must be a JSON value');
	});
});

describe('newsArticleJsonLd', () => {
	it('has every property Google documents for a news article', () => {
		expect(newsArticleJsonLd(facts)).toEqual({
			'@context': 'https://schema.org',
			'@type': 'NewsArticle',
			'@id': 'https://daily.example/articles/2026/01/story/#article',
			mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://daily.example/articles/2026/01/story/' },
			url: 'https://daily.example/articles/2026/01/story/',
			headline: 'Leaders meet in Xi’an',
			description: 'A summit of six leaders.',
			image: [
				{ '@type': 'ImageObject', url: 'https://daily.example/_astro/a-16x9.jpg', width: 1200, height: 675 },
				{ '@type': 'ImageObject', url: 'https://daily.example/_astro/a-4x3.jpg', width: 1200, height: 900 },
				{ '@type': 'ImageObject', url: 'https://daily.example/_astro/a-1x1.jpg', width: 1200, height: 1200 },
			],
			datePublished: '2026-01-28T18:00:00+08:00',
			dateModified: '2026-01-28T20:15:00+08:00',
			author: [
				{ '@type': 'Person', name: 'A Reporter', url: 'https://daily.example/authors/a/' },
				{ '@type': 'Person', name: 'B Editor', url: 'https://daily.example/authors/b/' },
			],
			publisher: {
				'@type': 'NewsMediaOrganization',
				'@id': 'https://daily.example/#organization',
				name: 'The Daily',
				url: 'https://daily.example/',
				logo: { '@type': 'ImageObject', url: 'https://daily.example/logo.png', width: 512, height: 512 },
				sameAs: ['https://en.wikipedia.org/wiki/The_Daily'],
			},
			articleSection: 'World',
			keywords: ['China', 'Central Asia'],
			dateline: "XI'AN, China",
			locationCreated: { '@type': 'Place', name: "XI'AN, China" },
			inLanguage: 'en-US',
		});
	});

	it('leaves out what the article does not have: images, keywords, dateline, sameAs', () => {
		const ld = newsArticleJsonLd({
			...facts,
			images: [],
			keywords: [],
			dateline: undefined,
			publisher: { ...publisher, sameAs: [] },
		});
		expect(Object.keys(ld)).not.toContain('image');
		expect(Object.keys(ld)).not.toContain('keywords');
		expect(Object.keys(ld)).not.toContain('dateline');
		expect(Object.keys(ld)).not.toContain('locationCreated');
		expect(Object.keys(ld.publisher)).not.toContain('sameAs');
	});

	it('gives each kind of story its schema.org article type, keeping what Google requires of an article', () => {
		const types = Object.fromEntries(
			(['news', 'analysis', 'opinion', 'review', 'sponsored'] as const).map((kind) => [kind, newsArticleJsonLd({ ...facts, kind })]),
		);
		expect(Object.fromEntries(Object.entries(types).map(([kind, ld]) => [kind, ld['@type']]))).toEqual({
			news: 'NewsArticle',
			analysis: 'AnalysisNewsArticle',
			opinion: 'OpinionNewsArticle',
			review: 'ReviewNewsArticle',
			sponsored: 'AdvertiserContentArticle',
		});
		// Google's Article rich result: headline, image, datePublished, dateModified, author with name and url.
		for (const ld of Object.values(types)) {
			expect(ld).toMatchObject({ headline: facts.headline, datePublished: facts.datePublished, dateModified: facts.dateModified });
			expect(ld.image).toHaveLength(3);
			expect(ld.author.every((author) => author.name && author.url)).toBe(true);
		}
	});

	it('serializes a hostile headline into JSON that parses back to the same headline', () => {
		const json = serializeJsonLd(newsArticleJsonLd({ ...facts, headline: hostile, dateline: hostile }));
		expect(json.toLowerCase()).not.toContain('</script');
		expect(json).not.toContain('<!--');
		expect(JSON.parse(json).headline).toBe(hostile);
	});
});

describe('breadcrumbListJsonLd', () => {
	it('numbers the trail from 1, home first', () => {
		expect(
			breadcrumbListJsonLd([
				{ name: 'The Daily', url: 'https://daily.example/' },
				{ name: 'World', url: 'https://daily.example/sections/world/' },
				{ name: 'Story', url: 'https://daily.example/articles/story/' },
			]),
		).toEqual({
			'@context': 'https://schema.org',
			'@type': 'BreadcrumbList',
			itemListElement: [
				{ '@type': 'ListItem', position: 1, name: 'The Daily', item: 'https://daily.example/' },
				{ '@type': 'ListItem', position: 2, name: 'World', item: 'https://daily.example/sections/world/' },
				{ '@type': 'ListItem', position: 3, name: 'Story', item: 'https://daily.example/articles/story/' },
			],
		});
	});
});

describe('homeJsonLd', () => {
	it('describes the publication and the website, the website pointing at its publisher', () => {
		const [organization, website] = homeJsonLd({ publisher, description: 'News.', inLanguage: 'en-US' });
		expect(organization).toMatchObject({
			'@context': 'https://schema.org',
			'@type': 'NewsMediaOrganization',
			'@id': 'https://daily.example/#organization',
			name: 'The Daily',
			logo: { '@type': 'ImageObject', url: 'https://daily.example/logo.png', width: 512, height: 512 },
		});
		expect(website).toEqual({
			'@context': 'https://schema.org',
			'@type': 'WebSite',
			'@id': 'https://daily.example/#website',
			url: 'https://daily.example/',
			name: 'The Daily',
			description: 'News.',
			inLanguage: 'en-US',
			publisher: { '@id': 'https://daily.example/#organization' },
		});
	});
});
