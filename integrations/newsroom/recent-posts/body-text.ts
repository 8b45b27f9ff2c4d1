import type { Nodes as MdastNodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

/** Nodes whose content is never prose: code, imports/exports, `{expressions}`, definitions, images. */
const SKIPPED = new Set([
	'code',
	'mdxjsEsm',
	'mdxFlowExpression',
	'mdxTextExpression',
	'definition',
	'image',
	'imageReference',
	'yaml',
	'toml',
]);

const htmlParser = unified().use(rehypeParse, { fragment: true });

/**
 * The prose of a Markdown or MDX body as plain text: what a reader reads, with markup, component code,
 * import lines, code blocks and image alt text left out. Text inside MDX components is kept.
 */
export function bodyText(body: string, { mdx }: { mdx: boolean }): string {
	const tree = parse(body, mdx);
	const parts: string[] = [];
	collect(tree, parts);
	return parts.join('').replace(/\s+/g, ' ').trim();
}

function parse(body: string, mdx: boolean) {
	if (mdx) {
		try {
			return fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
		} catch {
			// Invalid MDX fails the page build elsewhere with a proper error; an excerpt can still be read as Markdown.
		}
	}
	return fromMarkdown(body);
}

function collect(node: MdastNodes, parts: string[]): void {
	if (SKIPPED.has(node.type)) return;
	switch (node.type) {
		case 'text':
		case 'inlineCode':
			parts.push(node.value);
			return;
		case 'html':
			parts.push(htmlText(node.value));
			return;
		case 'break':
			parts.push(' ');
			return;
	}
	if ('children' in node) {
		for (const child of node.children) {
			collect(child as MdastNodes, parts);
			// A block of raw HTML ends its words like a paragraph does.
			if (child.type === 'html' && node.type === 'root') parts.push(' ');
		}
		// Block boundaries (paragraphs, headings, list items, components) separate words.
		parts.push(' ');
	}
}

/** Text of a raw HTML fragment in Markdown, without tags, scripts or styles. */
function htmlText(html: string): string {
	const tree = htmlParser.parse(html);
	tree.children = tree.children.filter(
		(child) => !(child.type === 'element' && ['script', 'style', 'template'].includes(child.tagName)),
	);
	return hastToString(tree);
}
