import { parseHTML } from 'linkedom';
import type { Reference } from './reference.ts';
import { srcsetUrls } from './srcset-urls.ts';

/** Elements whose attribute holds one URL. */
const urlAttributes: readonly (readonly [string, string])[] = [
	['a', 'href'],
	['area', 'href'],
	['link', 'href'],
	['img', 'src'],
	['source', 'src'],
	['script', 'src'],
	['iframe', 'src'],
	['embed', 'src'],
	['video', 'src'],
	['video', 'poster'],
	['audio', 'src'],
	['track', 'src'],
	['object', 'data'],
	['form', 'action'],
	['blockquote', 'cite'],
	['q', 'cite'],
];

/**
 * Every URL an HTML document refers to: href/src-like attributes, each `srcset` candidate, absolute URLs in
 * `<meta content>` (Open Graph images) and absolute URLs among JSON-LD string values. Which are internal is decided
 * later, against the site's URL.
 */
export function htmlReferences(html: string): Reference[] {
	const { document } = parseHTML(html);
	const references: Reference[] = [];
	for (const [tag, attribute] of urlAttributes) {
		for (const element of document.querySelectorAll(`${tag}[${attribute}]`)) {
			references.push({ url: element.getAttribute(attribute) ?? '', from: `<${tag} ${attribute}>` });
		}
	}
	for (const element of document.querySelectorAll('img[srcset], source[srcset]')) {
		for (const url of srcsetUrls(element.getAttribute('srcset') ?? '')) {
			references.push({ url, from: `<${element.localName} srcset>` });
		}
	}
	for (const element of document.querySelectorAll('meta[content]')) {
		const content = element.getAttribute('content') ?? '';
		if (/^https?:\/\//.test(content)) references.push({ url: content, from: `<meta ${metaName(element)}>` });
	}
	for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
		for (const url of jsonUrls(script.textContent ?? '')) references.push({ url, from: 'JSON-LD' });
	}
	return references;
}

function metaName(element: Element): string {
	return (
		element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? 'content'
	);
}

/** Absolute http(s) URLs among a JSON document's strings; templates such as SearchAction targets ("{q}") are not links. */
function jsonUrls(json: string): string[] {
	const urls: string[] = [];
	const visit = (value: unknown): void => {
		if (typeof value === 'string') {
			if (/^https?:\/\//.test(value) && !value.includes('{')) urls.push(value);
		} else if (Array.isArray(value)) {
			value.forEach(visit);
		} else if (value && typeof value === 'object') {
			Object.values(value).forEach(visit);
		}
	};
	try {
		visit(JSON.parse(json));
	} catch {
		// Invalid JSON-LD is the HTML validity and SEO tests' business; it has no links to check here.
	}
	return urls;
}
