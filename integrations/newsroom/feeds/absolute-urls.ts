import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { rewriteSrcset } from './rewrite-srcset.ts';

/** hast property names of the attributes that hold one URL. */
const URL_PROPERTIES = ['href', 'src', 'poster', 'cite'] as const;

/**
 * Makes every link and media URL in an HTML tree absolute (`href`, `src`, `poster`, `cite` and each candidate of
 * `srcset`), resolved as a browser would on the page at `baseUrl`: feed readers show the HTML away from our site,
 * where "/_astro/x.jpg" or "#notes" would point nowhere. URLs that do not parse are left as they are.
 */
export function absolutizeUrls(tree: Root, baseUrl: string): void {
	const resolve = (url: string) => {
		try {
			return new URL(url, baseUrl).href;
		} catch {
			return url;
		}
	};
	visit(tree, 'element', (element: Element) => {
		const { properties } = element;
		for (const name of URL_PROPERTIES) {
			const value = properties[name];
			if (typeof value === 'string') properties[name] = resolve(value.trim());
		}
		const srcset = properties['srcSet'];
		if (srcset !== undefined && srcset !== null) {
			// hast splits srcset at every comma; rejoined, it is the attribute as written (URLs may contain commas).
			const text = Array.isArray(srcset) ? srcset.join(',') : String(srcset);
			properties['srcSet'] = rewriteSrcset(text, resolve);
		}
	});
}
