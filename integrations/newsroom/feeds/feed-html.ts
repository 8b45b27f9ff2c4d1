import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { absolutizeUrls } from './absolute-urls.ts';
import { xmlText } from './xml-text.ts';

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
		if (parent && index !== undefined && DROPPED.has(element.tagName)) {
			parent.children.splice(index, 1);
			return [SKIP, index];
		}
		return undefined;
	});
	absolutizeUrls(tree, baseUrl);
	return processor.stringify(tree).trim();
}
