import { parseXml } from '../xml/parse-xml.ts';
import { htmlReferences } from './html-references.ts';
import type { Reference } from './reference.ts';

/** Attributes that hold a URL in feeds and sitemaps (Atom links, enclosures, media:content, the xml-stylesheet PI). */
const urlAttributes = new Set(['@_href', '@_url', '@_src']);
/** Elements whose text is a URL: sitemap <loc> and <image:loc>, RSS <link>, <guid>, <comments>, <url>, Atom <icon>/<logo>. */
const urlElements = new Set(['loc', 'link', 'guid', 'comments', 'url', 'icon', 'logo']);

/**
 * Every URL a feed or sitemap refers to: URL attributes, URL-valued elements (not a `<guid isPermaLink="false">`),
 * and the href/src/srcset URLs inside HTML payloads (`<content:encoded>`, `<description>`, Atom `<content>`).
 */
export function xmlReferences(xml: string): Reference[] {
	const references: Reference[] = [];
	const visit = (value: unknown, name: string): void => {
		if (Array.isArray(value)) {
			for (const item of value) visit(item, name);
			return;
		}
		if (typeof value === 'string') {
			text(value, name);
			return;
		}
		if (!value || typeof value !== 'object') return;
		const element = value as Record<string, unknown>;
		for (const [key, child] of Object.entries(element)) {
			if (urlAttributes.has(key) && typeof child === 'string')
				references.push({ url: child, from: `<${name} ${key.slice(2)}>` });
			else if (key === '#text' && typeof child === 'string') {
				if (!(localName(name) === 'guid' && element['@_isPermaLink'] === 'false')) text(child, name);
			} else if (!key.startsWith('@_')) visit(child, key);
		}
	};
	const text = (value: string, name: string): void => {
		if (urlElements.has(localName(name)) && !/\s/.test(value) && value !== '')
			references.push({ url: value, from: `<${name}>` });
		else if (value.includes('<')) {
			for (const reference of htmlReferences(value))
				references.push({ url: reference.url, from: `<${name}> ${reference.from}` });
		}
	};
	visit(parseXml(xml), '');
	return references;
}

function localName(name: string): string {
	return name.slice(name.indexOf(':') + 1);
}
