import { parseHTML } from 'linkedom';

/**
 * Whether a built page is a live blog that is live, read from the page itself as search engines read it: JSON-LD
 * `LiveBlogPosting` without a `coverageEndTime` (newsroom's pages say so: seo/json-ld.ts). No list of slugs: a blog
 * that ends becomes an ordinary article, whose budget leaves no room for the live-updates island.
 */
export function isLivePage(html: string): boolean {
	if (!html.includes('LiveBlogPosting')) return false;
	const { document } = parseHTML(html);
	return [...document.querySelectorAll('script[type="application/ld+json"]')].some((script) => {
		try {
			return postings(JSON.parse(script.textContent ?? '')).some((item) => !('coverageEndTime' in item));
		} catch {
			return false;
		}
	});
}

/** The LiveBlogPosting objects of a JSON-LD value (an object, an array or an `@graph`). */
function postings(value: unknown): Record<string, unknown>[] {
	if (Array.isArray(value)) return value.flatMap(postings);
	if (!value || typeof value !== 'object') return [];
	const item = value as Record<string, unknown>;
	const type = item['@type'];
	const own = (Array.isArray(type) ? type : [type]).includes('LiveBlogPosting') ? [item] : [];
	return [...own, ...postings(item['@graph'])];
}
