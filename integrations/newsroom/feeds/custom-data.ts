import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { xmlText } from './xml-text.ts';

/** An XML element for @astrojs/rss `customData`: a name, attributes, and text or child elements. */
export interface XmlElement {
	name: string;
	attributes?: Record<string, string>;
	text?: string;
	children?: XmlElement[];
}

/** The options @astrojs/rss 4 reads `customData` with and writes the feed with. */
const RSS_XML_OPTIONS = { ignoreAttributes: false, suppressEmptyNode: true, suppressBooleanAttributes: false };
const builder = new XMLBuilder({ ...RSS_XML_OPTIONS, preserveOrder: true });
const rssParser = new XMLParser(RSS_XML_OPTIONS);

type OrderedNode = Record<string, unknown>;

/**
 * Serialises elements for `customData`, escaped by fast-xml-parser (the XML library @astrojs/rss itself uses).
 * @astrojs/rss parses `customData` again and reads number-like text as numbers, so "007" would reach the feed as
 * "7": such text throws instead of being silently changed.
 */
export function toCustomData(elements: readonly XmlElement[]): string {
	return builder.build(elements.map(toOrdered)) as string;
}

function toOrdered({ name, attributes, text, children }: XmlElement): OrderedNode {
	const content = children ? children.map(toOrdered) : text === undefined ? [] : [{ '#text': checkedText(name, text) }];
	const node: OrderedNode = { [name]: content };
	if (attributes) {
		node[':@'] = Object.fromEntries(Object.entries(attributes).map(([key, value]) => [`@_${key}`, xmlText(value)]));
	}
	return node;
}

function checkedText(name: string, raw: string): string {
	const text = xmlText(raw).trim();
	const read: unknown = rssParser.parse(builder.build([{ v: [{ '#text': text }] }]) as string).v ?? '';
	// The feed is written from what was read: numbers are printed back, so only a changed spelling is a loss.
	if (String(read) !== text) {
		throw new Error(
			`The feed element <${name}> would read "${String(read)}" instead of "${text}": @astrojs/rss turns number-like text into numbers. Reword the text (for example "Agent ${text}").`,
		);
	}
	return text;
}
