import { getRssString } from '@astrojs/rss';
import { spawnSync } from 'node:child_process';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { toCustomData } from '../../integrations/newsroom/feeds/rss.ts';
import { toFeedOptions, withStylesheet, type FeedChannel } from '../../integrations/newsroom/feeds/rss.ts';
import { toFeedHtml } from '../../integrations/newsroom/feeds/feed-html.ts';
import { toFeedItem, type FeedArticle } from '../../integrations/newsroom/feeds/rss.ts';

const timeZone = 'Asia/Kuala_Lumpur';
const permalink = 'https://news.example/articles/2026/01/story/';

const article: FeedArticle = {
	title: 'Bezos and Musk face off',
	permalink,
	pubDate: new Date('2026-01-28T05:00:00Z'),
	summary: 'Two satellite networks race to connect remote villages.',
	contentHtml: '<p>Full <a href="https://news.example/x/">story</a>.</p>',
	authors: ['AP Journalist', 'Asia Pacific Daily Newsdesk'],
	section: 'Business',
	tags: ['Space', 'Satellites', 'Business'],
	image: {
		url: 'https://news.example/_astro/hero.jpg',
		type: 'image/jpeg',
		width: 1200,
		height: 675,
		alt: 'Two constellations of satellites',
		credit: 'Illustration by Asia Pacific Daily',
	},
};

const channel: FeedChannel = {
	title: 'Asia Pacific Daily',
	description: 'News from the region.',
	link: 'https://news.example/',
	self: 'https://news.example/rss.xml',
	language: 'en',
	lastChanged: new Date('2026-01-29T06:00:00Z'),
	timeZone,
	ttlMinutes: 30,
	logo: 'https://news.example/logo.png',
};

const parser = new XMLParser({
	ignoreAttributes: false,
	parseTagValue: false,
	isArray: (name) => ['item', 'category', 'dc:creator'].includes(name),
});

/** A feed of `articles` as @astrojs/rss writes it, and what a parser reads from it. */
async function feed(articles: FeedArticle[], channelFields: Partial<FeedChannel> = {}) {
	const xml = withStylesheet(
		await getRssString(
			toFeedOptions(
				{ ...channel, ...channelFields },
				articles.map((a) => toFeedItem(a, timeZone)),
			),
		),
		'/feed.css',
	);
	return { xml, parsed: parser.parse(xml) };
}

function xmllint(xml: string) {
	return spawnSync('xmllint', ['--noout', '-'], { input: xml, encoding: 'utf8' });
}

describe('a feed item', () => {
	it('carries title, links, guid, dates, summary, full content, creators, categories and the hero', async () => {
		const { parsed } = await feed([article]);
		const [item] = parsed.rss.channel.item;
		expect(item.title).toBe('Bezos and Musk face off');
		expect(item.link).toBe(permalink);
		expect(item.guid).toEqual({ '#text': permalink, '@_isPermaLink': 'true' });
		expect(item.pubDate).toBe('Wed, 28 Jan 2026 13:00:00 +0800');
		expect(item.description).toBe('Two satellite networks race to connect remote villages.');
		expect(item['content:encoded']).toBe('<p>Full <a href="https://news.example/x/">story</a>.</p>');
		expect(item['dc:creator']).toEqual(['AP Journalist', 'Asia Pacific Daily Newsdesk']);
		// The section first, then each tag once.
		expect(item.category).toEqual(['Business', 'Space', 'Satellites']);
		expect(item['media:content']).toEqual({
			'@_url': 'https://news.example/_astro/hero.jpg',
			'@_type': 'image/jpeg',
			'@_medium': 'image',
			'@_width': '1200',
			'@_height': '675',
			'media:description': { '#text': 'Two constellations of satellites', '@_type': 'plain' },
			'media:credit': 'Illustration by Asia Pacific Daily',
		});
	});

	it('links to the canonical URL of an article first published elsewhere, and keeps our permalink as guid', async () => {
		const { parsed } = await feed([{ ...article, canonical: 'https://elsewhere.example/story?a=1&b=2' }]);
		const [item] = parsed.rss.channel.item;
		expect(item.link).toBe('https://elsewhere.example/story?a=1&b=2');
		expect(item.guid['#text']).toBe(permalink);
	});

	it('has a guid that depends on the permalink only: an updated, reworded or re-illustrated article keeps it', async () => {
		const edited: FeedArticle = {
			...article,
			title: 'Updated: Bezos and Musk',
			updated: new Date('2026-01-29T01:15:00Z'),
			summary: 'New dek',
			contentHtml: '<p>Rewritten</p>',
			image: undefined,
		};
		const { parsed } = await feed([article, edited]);
		const [first, second] = parsed.rss.channel.item;
		expect(second.guid).toEqual(first.guid);
		expect(second.pubDate).toBe(first.pubDate);
		// The update is told as an update, in the site's zone.
		expect(first['dcterms:modified']).toBeUndefined();
		expect(second['dcterms:modified']).toBe('2026-01-29T09:15:00+08:00');
	});

	it('does not report an "update" at the moment of publication', async () => {
		const { parsed } = await feed([{ ...article, updated: article.pubDate }]);
		expect(parsed.rss.channel.item[0]['dcterms:modified']).toBeUndefined();
	});

	it('leaves media:content out when there is no hero, and media:credit when the hero has no credit', async () => {
		const { parsed } = await feed([
			{ ...article, image: undefined },
			{ ...article, image: { ...article.image!, credit: undefined } },
		]);
		const [bare, uncredited] = parsed.rss.channel.item;
		expect(bare['media:content']).toBeUndefined();
		expect(uncredited['media:content']['media:credit']).toBeUndefined();
	});
});

describe('the channel', () => {
	it('has title, link, description, language, a self link, lastBuildDate, ttl, an image and the stylesheet', async () => {
		const { parsed, xml } = await feed([article]);
		// CSS, not XSLT (browsers are removing XSLT and warn on feeds that use it).
		expect(parsed['?xml-stylesheet']).toEqual({ '@_href': '/feed.css', '@_type': 'text/css' });
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><?xml-stylesheet type="text/css" href="/feed.css"?><rss')).toBe(true);
		const { item, ...fields } = parsed.rss.channel;
		expect(fields).toEqual({
			title: 'Asia Pacific Daily',
			description: 'News from the region.',
			link: 'https://news.example/',
			language: 'en',
			'atom:link': { '@_href': 'https://news.example/rss.xml', '@_rel': 'self', '@_type': 'application/rss+xml' },
			lastBuildDate: 'Thu, 29 Jan 2026 14:00:00 +0800',
			ttl: '30',
			image: { url: 'https://news.example/logo.png', title: 'Asia Pacific Daily', link: 'https://news.example/' },
		});
		expect(parsed.rss['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
		expect(parsed.rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
		expect(parsed.rss['@_xmlns:dcterms']).toBe('http://purl.org/dc/terms/');
		expect(parsed.rss['@_xmlns:media']).toBe('http://search.yahoo.com/mrss/');
		expect(parsed.rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
	});

	it('is a valid, empty feed when a section has no articles yet', async () => {
		const { xml, parsed } = await feed([]);
		expect(parsed.rss.channel.item).toBeUndefined();
		expect(xmllint(xml).status).toBe(0);
	});
});

describe('hostile text', () => {
	const nasty = 'Fish & Chips <b>bold</b> ]]> "double" \'single\' \u0001\u000B\u001F\uFFFE end';
	const clean = 'Fish & Chips <b>bold</b> ]]> "double" \'single\'  end';
	const hostile: FeedArticle = {
		...article,
		title: nasty,
		summary: nasty,
		contentHtml: toFeedHtml(
			`<p title="${nasty.replaceAll('"', '&quot;')}">${nasty.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`,
			permalink,
		),
		authors: [`O'Brien & "Co" <ed> ]]>\u0002`],
		section: nasty,
		tags: [nasty, 'R&D'],
		image: { ...article.image!, alt: nasty, credit: nasty, url: 'https://news.example/_astro/a.jpg?w=1&h=2' },
	};

	it('yields well-formed XML (xmllint) whose text reads back as written, minus control characters', async () => {
		const { xml, parsed } = await feed([hostile], { title: nasty, description: nasty });
		expect(xmllint(xml)).toMatchObject({ status: 0, stderr: '' });
		const { channel: ch } = parsed.rss;
		const [item] = ch.item;
		expect([ch.title, ch.description, ch.image.title, item.title, item.description]).toEqual([
			clean,
			clean,
			clean,
			clean,
			clean,
		]);
		expect(item['dc:creator']).toEqual([`O'Brien & "Co" <ed> ]]>`]);
		expect(item.category).toEqual([clean, 'R&D']);
		expect(item['media:content']['media:description']['#text']).toBe(clean);
		expect(item['media:content']['media:credit']).toBe(clean);
		expect(item['media:content']['@_url']).toBe('https://news.example/_astro/a.jpg?w=1&h=2');
		const p = parseHTML(`<!doctype html><body>${item['content:encoded']}</body>`).document.querySelector('p')!;
		expect(p.textContent).toBe(clean);
		expect(p.getAttribute('title')).toBe(clean);
	});

	it('refuses text that @astrojs/rss would rewrite as a number, naming the element', () => {
		expect(() => toCustomData([{ name: 'dc:creator', text: '007' }])).toThrow(
			'The feed element <dc:creator> would read "7" instead of "007": @astrojs/rss turns number-like text into numbers. Reword the text (for example "Agent 007").',
		);
		expect(() => toCustomData([{ name: 'media:credit', text: '1.50' }])).toThrow('would read "1.5" instead of "1.50"');
		// Numbers that read back the same are fine.
		expect(toCustomData([{ name: 'media:credit', text: '1984' }])).toBe('<media:credit>1984</media:credit>');
	});
});
