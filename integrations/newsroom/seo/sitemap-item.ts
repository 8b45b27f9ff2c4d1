import { sitemapKey } from './sitemap-key.ts';

/** A @astrojs/sitemap item with its lastmod from the published set, or `undefined` to leave the page out. */
export function sitemapItem<T extends { url: string; lastmod?: string | undefined }>(
	item: T,
	data: { lastmod: ReadonlyMap<string, string>; exclude: ReadonlySet<string> },
): T | undefined {
	const key = sitemapKey(item.url);
	if (data.exclude.has(key)) return undefined;
	const lastmod = data.lastmod.get(key);
	return lastmod === undefined ? item : { ...item, lastmod };
}
