import config from 'virtual:newsroom/config';
import { loadContentSet } from '../content/content-set.ts';
import { urls } from '../core/site.ts';

/** Every feed of the site, for the `/feeds/` page and the listing pages' `<link rel="alternate">`. */

export interface FeedLink {
	title: string;
	/** Site path. */
	href: string;
	/** Absolute URL, to copy into a feed reader. */
	url: string;
	type: 'application/rss+xml' | 'application/feed+json';
}

/** Whether a topic with `count` published articles has a feed of its own (`feeds.tagMinimum`). */
export function hasTagFeed(count: number): boolean {
	return count >= config.feeds.tagMinimum;
}

const rss = (title: string, href: string): FeedLink => ({ title, href, url: urls.absolute(href), type: 'application/rss+xml' });

/** The site's feeds, grouped: the whole site (RSS and JSON Feed), each section, each author, each topic with a feed (A–Z). */
export async function feedGroups(): Promise<{ site: FeedLink[]; sections: FeedLink[]; authors: FeedLink[]; tags: FeedLink[] }> {
	const { sectionList, authors, byTag } = await loadContentSet();
	return {
		site: [
			rss(`${config.name} (RSS)`, urls.feed),
			{ title: `${config.name} (JSON Feed)`, href: urls.jsonFeed, url: urls.absolute(urls.jsonFeed), type: 'application/feed+json' },
		],
		sections: sectionList.map((section) => rss(section.data.name, urls.sectionFeed(section.id))),
		authors: [...authors.values()]
			.sort((a, b) => a.data.name.localeCompare(b.data.name, config.locale))
			.map((author) => rss(author.data.name, urls.authorFeed(author.id))),
		tags: [...byTag.values()]
			.filter(({ articles }) => hasTagFeed(articles.length))
			.sort((a, b) => a.name.localeCompare(b.name, config.locale))
			.map(({ name }) => rss(name, urls.tagFeed(name))),
	};
}
