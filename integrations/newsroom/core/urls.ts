import { slug } from 'github-slugger';

/**
 * Every site path in one place, so pages, feeds and sitemaps agree. `site` is the absolute site URL with the
 * base path and a trailing slash ("https://news.example/" or "https://example.org/news/").
 */
export function createUrls(site: string) {
	const base = new URL(site).pathname;
	return {
		home: base,
		article: (id: string) => `${base}articles/${id}/`,
		/** A live blog's list of entries, polled by the live-updates island (the `liveUpdates` option). */
		liveUpdates: (id: string) => `${base}articles/${id}/updates.json`,
		author: (id: string) => `${base}authors/${id}/`,
		section: (id: string) => `${base}sections/${id}/`,
		tag: (tag: string) => `${base}tags/${tagSlug(tag)}/`,
		authorFeed: (id: string) => `${base}authors/${id}/rss.xml`,
		sectionFeed: (id: string) => `${base}sections/${id}/rss.xml`,
		feed: `${base}rss.xml`,
		tagFeed: (tag: string) => `${base}tags/${tagSlug(tag)}/rss.xml`,
		jsonFeed: `${base}feed.json`,
		/** The human page listing every feed. */
		feeds: `${base}feeds/`,
		/** The search page; the header's GET form sends `?q=` to it. */
		search: `${base}search/`,
		/** The indexes of every topic, author and section. */
		tags: `${base}tags/`,
		authors: `${base}authors/`,
		sections: `${base}sections/`,
		/** A link target that is either an absolute http(s) URL (kept) or a path from the site root. */
		href: (target: string) => siteHref(target, site),
		/** An absolute URL for a site path (feeds, canonical links, sitemaps). */
		absolute: (path: string) => new URL(path, site).href,
	};
}

/**
 * A file or folder name as it appears in an article's URL: lowercased, each run of characters other than letters
 * and digits one "-", none at the ends ("Hello, World.md" → "hello-world-md"). The articles loader builds ids
 * with it, and the WordPress importer names files with it so that a file's name is its URL.
 */
export function urlSegment(segment: string): string {
	return segment
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
}

/** A tag's URL segment: "Belt and Road" → "belt-and-road". */
export function tagSlug(tag: string): string {
	return slug(tag);
}

/** A link target as written in options: an absolute http(s) URL as given, a path from the site root under its base. */
export function siteHref(target: string, site: string): string {
	if (/^https?:\/\//.test(target)) return target;
	return `${new URL(site).pathname}${target.replace(/^\//, '')}`;
}

/** The absolute site URL with a trailing slash: `base: '/news'` has none, and every URL is built on this one. */
export function siteUrl(site: string, base: string): string {
	return new URL(base.endsWith('/') ? base : `${base}/`, site).href;
}

/** A page URL with or without its trailing slash gives one key, whatever the site's `trailingSlash` setting. */
export function sitemapKey(url: string): string {
	return url.endsWith('/') ? url.slice(0, -1) : url;
}
