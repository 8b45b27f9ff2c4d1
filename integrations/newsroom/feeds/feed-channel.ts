import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { toCustomData } from './custom-data.ts';
import { toRfc822 } from './rfc822-date.ts';
import { xmlText } from './xml-text.ts';

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
	/** Site path of the XSL stylesheet that makes the feed readable in a browser. */
	stylesheet: string;
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
		stylesheet: channel.stylesheet,
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
