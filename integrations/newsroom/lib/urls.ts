import { slug } from 'github-slugger';

/** Every site path in one place, so pages, feeds and sitemaps agree. `base` is the site's path, ending in "/". */
export function createUrls(site: string) {
	const base = new URL(site).pathname;
	return {
		home: base,
		article: (id: string) => `${base}articles/${id}/`,
		author: (id: string) => `${base}authors/${id}/`,
		section: (id: string) => `${base}sections/${id}/`,
		tag: (tag: string) => `${base}tags/${tagSlug(tag)}/`,
		authorFeed: (id: string) => `${base}authors/${id}/rss.xml`,
		sectionFeed: (id: string) => `${base}sections/${id}/rss.xml`,
		feed: `${base}rss.xml`,
		/** An absolute URL for a site path (feeds, canonical links, sitemaps). */
		absolute: (path: string) => new URL(path, site).href,
	};
}

/** A tag's URL segment: "Belt and Road" → "belt-and-road". */
export function tagSlug(tag: string): string {
	return slug(tag);
}
