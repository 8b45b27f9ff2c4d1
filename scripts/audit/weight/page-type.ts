/**
 * The page types the audit reports figures and budgets for. `cms` is the editors' desk (`/admin/`, Decap CMS):
 * weighed and shown, but a tool for editors, not a page for readers, so no budget applies. `search` is the search
 * page, the one reader page that loads a search engine (Pagefind). `live` is an article that is a live blog while it
 * is live (live-page.ts reads that from the page), the one article that may carry the live-updates island.
 */
export const pageTypes = ['home', 'article', 'live', 'section', 'author', 'tag', 'search', 'cms', 'other'] as const;
export type PageType = (typeof pageTypes)[number];

/** The URL path prefix of each page type, e.g. `{ article: '/articles/', … }` (see prefixes-from-urls.ts). */
export type PageTypePrefixes = Record<Exclude<PageType, 'home' | 'live' | 'other'>, string>;

/**
 * The type of the page at a site path: "/" is home, "/articles/…" an article, and so on; anything else is "other".
 * Whether an article is `live` is read from its HTML (`isLivePage`), not its path.
 */
export function pageType(path: string, prefixes: PageTypePrefixes): PageType {
	if (path === '/') return 'home';
	if (path.startsWith(prefixes.cms)) return 'cms';
	if (path === prefixes.search) return 'search';
	for (const type of ['article', 'section', 'author', 'tag'] as const) {
		if (path.startsWith(prefixes[type]) && path.length > prefixes[type].length) return type;
	}
	return 'other';
}
