import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { toRfc822, toZonedIso } from '../core/dates.ts';
import { xmlText } from '../core/text.ts';

/**
 * RSS 2.0 as feed readers expect it, written through @astrojs/rss: a channel (language, self link, lastBuildDate,
 * image, ttl) and items (permalink guid, dates with the site's offset, full HTML, authors, categories, the hero).
 */

/** A processed image for `media:content`: an absolute URL to the file and what it shows. */
export interface FeedImage {
	url: string;
	/** MIME type of the file, e.g. "image/jpeg". */
	type: string;
	width: number;
	height: number;
	alt: string;
	credit?: string | undefined;
}

/** What a feed item needs of an article, resolved by the route (names, absolute URLs, rendered HTML). */
export interface FeedArticle {
	title: string;
	/** Our absolute article URL: the guid, which never changes once published. */
	permalink: string;
	/** Where the article first ran (its `canonical` override): then the item links there. */
	canonical?: string | undefined;
	pubDate: Date;
	/** When the article was last changed, if it was: dcterms:modified, so readers can show it (the guid stays). */
	updated?: Date | undefined;
	/** The dek, else the opening words of the body. */
	summary: string;
	/** The full article as HTML, every URL already absolute. */
	contentHtml: string;
	/** Author names, in byline order. */
	authors: readonly string[];
	/** Section name. */
	section: string;
	tags: readonly string[];
	image?: FeedImage | undefined;
	/** The authors' pages (absolute URLs), in byline order: JSON Feed links each author. */
	authorUrls?: readonly string[];
}

/**
 * One RSS item: the link is the canonical URL, the guid our permalink (never updatedDate or anything else that
 * changes), pubDate in RFC 822 with the site's offset, an update as dcterms:modified, full HTML in content:encoded, a dc:creator per author, a
 * category for the section and each tag, and the hero as media:content. Link, guid and pubDate go through
 * `customData` because @astrojs/rss would make the guid follow the link and write pubDate in GMT.
 */
export function toFeedItem(article: FeedArticle, timeZone: string): RSSFeedItem {
	const elements: XmlElement[] = [
		{ name: 'link', text: article.canonical ?? article.permalink },
		{ name: 'guid', attributes: { isPermaLink: 'true' }, text: article.permalink },
		{ name: 'pubDate', text: toRfc822(article.pubDate, timeZone) },
		...(article.updated && article.updated.getTime() !== article.pubDate.getTime()
			? [{ name: 'dcterms:modified', text: toZonedIso(article.updated, timeZone) }]
			: []),
		...article.authors.map((author) => ({ name: 'dc:creator', text: author })),
	];
	if (article.image) elements.push(mediaContent(article.image));
	return {
		title: xmlText(article.title),
		description: xmlText(article.summary),
		content: xmlText(article.contentHtml),
		categories: [...new Set([article.section, ...article.tags].map(xmlText))],
		customData: toCustomData(elements),
	};
}

function mediaContent(image: FeedImage): XmlElement {
	const children: XmlElement[] = [{ name: 'media:description', attributes: { type: 'plain' }, text: image.alt }];
	if (image.credit) children.push({ name: 'media:credit', text: image.credit });
	return {
		name: 'media:content',
		attributes: {
			url: image.url,
			type: image.type,
			medium: 'image',
			width: String(image.width),
			height: String(image.height),
		},
		children,
	};
}

/** A feed's channel: what it is, where it lives and how often readers may poll it. */
export interface FeedChannel {
	title: string;
	description: string;
	/** Absolute URL of the page the feed follows (home, section or author page). */
	link: string;
	/** Absolute URL of the feed itself, for `atom:link rel="self"`. */
	self: string;
	/** ISO 639 language code, e.g. "en". */
	language: string;
	/**
	 * When the channel's content last changed (its newest item's publication or update): lastBuildDate. Not the
	 * build's clock, so a rebuild of unchanged content writes the same feed (and can reuse it); absent when empty.
	 */
	lastChanged: Date | undefined;
	timeZone: string;
	ttlMinutes: number;
	/** Absolute URL of the publication's logo. */
	logo: string;
}

const NAMESPACES = {
	atom: 'http://www.w3.org/2005/Atom',
	dc: 'http://purl.org/dc/elements/1.1/',
	dcterms: 'http://purl.org/dc/terms/',
	media: 'http://search.yahoo.com/mrss/',
};

/** The @astrojs/rss options of a feed: channel fields (language, self link, lastBuildDate, image, ttl) and items. */
export function toFeedOptions(channel: FeedChannel, items: RSSFeedItem[]): RSSOptions {
	const title = xmlText(channel.title);
	return {
		title,
		description: xmlText(channel.description) || title,
		site: channel.link,
		items,
		xmlns: NAMESPACES,
		customData: toCustomData([
			{ name: 'language', text: channel.language },
			{ name: 'atom:link', attributes: { href: channel.self, rel: 'self', type: 'application/rss+xml' } },
			...(channel.lastChanged ? [{ name: 'lastBuildDate', text: toRfc822(channel.lastChanged, channel.timeZone) }] : []),
			{ name: 'ttl', text: String(channel.ttlMinutes) },
			{
				name: 'image',
				// RSS asks the image's title and link to match the channel's, so a reader can show them together.
				children: [
					{ name: 'url', text: channel.logo },
					{ name: 'title', text: title },
					{ name: 'link', text: channel.link },
				],
			},
		]),
	};
}

/**
 * The feed with its CSS stylesheet linked (`<?xml-stylesheet type="text/css"?>` after the XML declaration):
 * @astrojs/rss writes the type only for XSL, and a browser applies a stylesheet without one only by guessing.
 */
export function withStylesheet(xml: string, href: string): string {
	const end = xml.indexOf('?>') + 2;
	return `${xml.slice(0, end)}<?xml-stylesheet type="text/css" href="${xmlText(href).replace(/"/g, '&quot;')}"?>${xml.slice(end)}`;
}

/** An XML element for @astrojs/rss `customData`: a name, attributes, and text or child elements. */
export interface XmlElement {
	name: string;
	attributes?: Record<string, string>;
	text?: string;
	children?: XmlElement[];
}

/** The options @astrojs/rss 4 reads `customData` with and writes the feed with. */
const RSS_XML_OPTIONS = { ignoreAttributes: false, suppressEmptyNode: true, suppressBooleanAttributes: false };
const builder = new XMLBuilder({ ...RSS_XML_OPTIONS, preserveOrder: true });
const rssParser = new XMLParser(RSS_XML_OPTIONS);

type OrderedNode = Record<string, unknown>;

/**
 * Serialises elements for `customData`, escaped by fast-xml-parser (the XML library @astrojs/rss itself uses).
 * @astrojs/rss parses `customData` again and reads number-like text as numbers, so "007" would reach the feed as
 * "7": such text throws instead of being silently changed.
 */
export function toCustomData(elements: readonly XmlElement[]): string {
	return builder.build(elements.map(toOrdered)) as string;
}

function toOrdered({ name, attributes, text, children }: XmlElement): OrderedNode {
	const content = children ? children.map(toOrdered) : text === undefined ? [] : [{ '#text': checkedText(name, text) }];
	const node: OrderedNode = { [name]: content };
	if (attributes) {
		node[':@'] = Object.fromEntries(Object.entries(attributes).map(([key, value]) => [`@_${key}`, xmlText(value)]));
	}
	return node;
}

function checkedText(name: string, raw: string): string {
	const text = xmlText(raw).trim();
	const read: unknown = rssParser.parse(builder.build([{ v: [{ '#text': text }] }]) as string).v ?? '';
	// The feed is written from what was read: numbers are printed back, so only a changed spelling is a loss.
	if (String(read) !== text) {
		throw new Error(
			`The feed element <${name}> would read "${String(read)}" instead of "${text}": @astrojs/rss turns number-like text into numbers. Reword the text (for example "Agent ${text}").`,
		);
	}
	return text;
}
