import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { xmlText } from '../core/text.ts';

/** Elements a feed reader must not run or apply to its own page. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript']);

const processor = unified().use(rehypeParse, { fragment: true }).use(rehypeStringify);

/**
 * An article's rendered HTML made fit for `content:encoded`: every URL absolute against `baseUrl` (the article's
 * own address), scripts and styles removed, and characters XML cannot carry dropped.
 */
export function toFeedHtml(html: string, baseUrl: string): string {
	const tree = processor.parse(xmlText(html)) as Root;
	visit(tree, 'element', (element, index, parent) => {
		if (!parent || index === undefined) return undefined;
		if (DROPPED.has(element.tagName)) {
			parent.children.splice(index, 1);
			return [SKIP, index];
		}
		// A consent embed's button cannot work in a feed reader: a link to the content on its own site instead.
		if (element.tagName === 'newsroom-embed') {
			parent.children[index] = embedLink(element);
			return SKIP;
		}
		return undefined;
	});
	absolutizeUrls(tree, baseUrl);
	return processor.stringify(tree).trim();
}

/** hast property names of the attributes that hold one URL. */
const URL_PROPERTIES = ['href', 'src', 'poster', 'cite'] as const;

/**
 * Makes every link and media URL in an HTML tree absolute (`href`, `src`, `poster`, `cite` and each candidate of
 * `srcset`), resolved as a browser would on the page at `baseUrl`: feed readers show the HTML away from our site,
 * where "/_astro/x.jpg" or "#notes" would point nowhere. URLs that do not parse are left as they are.
 */
/** `<p><a href="link">title</a> (provider)</p>` for a consent embed (see ConsentEmbed.astro). */
function embedLink(embed: Element): Element {
	const { dataTitle, dataProvider, dataLink } = embed.properties;
	return {
		type: 'element',
		tagName: 'p',
		properties: {},
		children: [
			{ type: 'element', tagName: 'a', properties: { href: String(dataLink ?? '') }, children: [{ type: 'text', value: String(dataTitle ?? dataLink ?? '') }] },
			{ type: 'text', value: ` (${String(dataProvider ?? '')})` },
		],
	};
}

function absolutizeUrls(tree: Root, baseUrl: string): void {
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

const ASCII_WHITESPACE = new Set([' ', '\t', '\n', '\f', '\r']);

/**
 * Rewrites every candidate URL of a `srcset` ("a.jpg 480w, b.jpg 800w") with `rewrite`, keeping descriptors.
 * Follows the HTML parsing rules: a URL runs to the next white space (so it may contain commas, as data: and
 * image-CDN URLs do), a trailing comma ends a candidate, descriptors run to the next comma outside parentheses.
 */
export function rewriteSrcset(srcset: string, rewrite: (url: string) => string): string {
	const candidates: string[] = [];
	let position = 0;
	while (position < srcset.length) {
		while (position < srcset.length && (ASCII_WHITESPACE.has(srcset[position]!) || srcset[position] === ','))
			position++;
		if (position >= srcset.length) break;
		const urlStart = position;
		while (position < srcset.length && !ASCII_WHITESPACE.has(srcset[position]!)) position++;
		let url = srcset.slice(urlStart, position);
		let descriptors = '';
		if (url.endsWith(',')) {
			url = url.replace(/,+$/, '');
		} else {
			const descriptorStart = position;
			let depth = 0;
			while (position < srcset.length && !(srcset[position] === ',' && depth === 0)) {
				if (srcset[position] === '(') depth++;
				else if (srcset[position] === ')') depth = Math.max(0, depth - 1);
				position++;
			}
			descriptors = srcset
				.slice(descriptorStart, position)
				.trim()
				.split(/[ \t\n\f\r]+/)
				.join(' ');
			position++;
		}
		candidates.push(descriptors ? `${rewrite(url)} ${descriptors}` : rewrite(url));
	}
	return candidates.join(', ');
}
