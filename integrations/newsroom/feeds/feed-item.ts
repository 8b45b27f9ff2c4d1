import type { RSSFeedItem } from '@astrojs/rss';
import { toZonedIso } from '../lib/format-date.ts';
import { toCustomData, type XmlElement } from './custom-data.ts';
import { toRfc822 } from './rfc822-date.ts';
import { xmlText } from './xml-text.ts';

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
