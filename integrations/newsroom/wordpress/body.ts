import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import type { Html, Root as MdastRoot } from 'mdast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parseFragment } from 'parse5';
import rehypeRemark from 'rehype-remark';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import remarkStringify from 'remark-stringify';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { autop } from './autop.ts';
import { convertBlocks, hasBlocks, rawBlock } from './blocks.ts';
import { expandShortcodes, type ShortcodeAttachment } from './shortcodes.ts';

/**
 * A WordPress body (`content:encoded`) as Markdown, with the unified ecosystem Astro itself uses: classic
 * shortcodes expanded, the HTML parsed (rehype-parse), Gutenberg blocks converted or WordPress's auto-paragraphs
 * added, then images, links, figures and headings made right for an article page, and the tree turned into
 * Markdown (rehype-remark, remark-stringify with GFM tables). What it cannot convert (an unknown block) is
 * kept as HTML and counted; the article HTML policy sanitizes it when the site is built.
 */

export interface BodyContext {
	attachment: (id: number) => ShortcodeAttachment | undefined;
	/** Attachment ids of the post's own images, for `[gallery]` without ids. */
	children: () => number[];
	/** A reusable block's HTML by post id. */
	reusable: (id: number) => string | undefined;
	/** Where an image of the body points in the article (a copied file or its URL) and its alt text. */
	image: (image: { src: string; alt: string | undefined; attachmentId: number | undefined }) => {
		src: string;
		alt: string;
	};
	/** A link's new target (an old permalink becomes the article's URL). */
	link: (href: string) => string;
}

export interface BodyResult {
	markdown: string;
	/** Blocks and shortcodes kept as written (HTML, or the shortcode text), by name. */
	kept: Map<string, number>;
	/** Blocks that had no HTML to keep (dynamic blocks), by name. */
	dropped: Map<string, number>;
}

/**
 * HTML to hast as rehype-parse does it (parse5, then hast-util-from-parse5), without the source positions it
 * records for error messages: a third of the parse time, and nothing here reports positions in a body.
 */
const parser = { parse: (html: string): Root => fromParse5(parseFragment(html)) as Root };

const toMarkdown = unified()
	.use(rehypeRemark, {
		handlers: {
			'newsroom-raw': (state, node: Element) => {
				// A blank line would end the HTML block in Markdown and turn the rest into text: outside <pre> there is
				// none left (whitespace is collapsed), inside one a character reference keeps the empty line.
				const html = toHtml(node.children as ElementContent[])
					.replace(/\n[^\S\n]*\n/g, '\n&#10;')
					.trim();
				const result: Html = { type: 'html', value: `<div class="wp-html">${html}</div>` };
				state.patch(node, result);
				return result;
			},
		},
	})
	.use(() => tightLists)
	.use(gfmTablesAndStrikethrough)
	.use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-', listItemIndent: 'one' })
	.freeze();

/**
 * GFM's tables and strikethrough for remark-stringify, which HTML bodies have: not all of remark-gfm, whose
 * autolink and footnote escaping rules made printing text much slower without changing any output here.
 */
function gfmTablesAndStrikethrough(this: Processor) {
	const data = this.data();
	(data.toMarkdownExtensions ??= []).push(gfmTableToMarkdown(), gfmStrikethroughToMarkdown());
}

/**
 * Lists are tight unless an item holds more than one paragraph: a nested list does not make every item a paragraph
 * (hast-util-to-mdast marks lists with block children as spread).
 */
function tightLists(tree: MdastRoot): void {
	visit(tree, 'list', (list) => {
		const loose = list.children.some((item) => item.children.filter((child) => child.type === 'paragraph').length > 1);
		list.spread = loose;
		for (const item of list.children) item.spread = loose;
	});
}

/** Converts one body. Pure apart from the callbacks of `context`. */
export function convertBody(html: string, context: BodyContext): BodyResult {
	const kept = new Map<string, number>();
	const dropped = new Map<string, number>();
	const count = (map: Map<string, number>) => (name: string) => map.set(name, (map.get(name) ?? 0) + 1);
	const expanded = expandShortcodes(html, {
		attachment: context.attachment,
		children: context.children,
		unknown: count(kept),
	});
	const tree = parser.parse(expanded) as Root;
	if (hasBlocks(html)) {
		convertBlocks(tree, {
			kept: count(kept),
			dropped: count(dropped),
			reusable: context.reusable,
			parse: (source) => parser.parse(expandShortcodes(source, { ...context, unknown: count(kept) })) as Root,
		});
	} else {
		autop(tree);
	}
	normalize(tree, context);
	const mdast = toMarkdown.runSync(tree as never);
	const markdown = toMarkdown.stringify(mdast as never).trim();
	return { markdown: markdown ? `${markdown}\n` : '', kept, dropped };
}

const INLINE_FORMATTING = new Set([
	'em',
	'i',
	'strong',
	'b',
	'u',
	'del',
	's',
	'strike',
	'ins',
	'mark',
	'cite',
	'q',
	'sub',
	'sup',
	'small',
	'code',
]);

const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)(?:[?#].*)?$/i;

/** Makes the tree right for an article page, in place. */
function normalize(tree: Root, context: BodyContext): void {
	transform(tree, context);
	outline(tree);
}

function transform(parent: Root | Element, context: BodyContext): void {
	const out: ElementContent[] = [];
	for (const child of parent.children as ElementContent[]) {
		if (child.type === 'comment') continue;
		if (child.type !== 'element') {
			out.push(child);
			continue;
		}
		if (child.tagName === 'newsroom-raw' || child.tagName === 'pre' || child.tagName === 'code') {
			out.push(child);
			continue;
		}
		if (
			child.tagName === 'figure' &&
			hasDescendant(child, (node) => node.tagName === 'audio' || node.tagName === 'video')
		) {
			out.push(rawBlock([child]));
			continue;
		}
		if (child.tagName === 'iframe') {
			const src = String(child.properties['src'] ?? '');
			if (src) out.push(paragraph([link(context.link(src), String(child.properties['title'] ?? '') || src)]));
			continue;
		}
		if (child.tagName === 'script' || child.tagName === 'style' || child.tagName === 'noscript') continue;
		if (child.tagName === 'figure' && hasDescendant(child, (node) => node.tagName === 'img')) {
			out.push(...figureContent(child, context));
			continue;
		}
		if (child.tagName === 'img') {
			out.push(image(child, context));
			continue;
		}
		if (child.tagName === 'a') {
			const only = onlyImage(child);
			const href = String(child.properties['href'] ?? '');
			// "Link to media file": the image alone is enough (the file itself is not a page of the site). A link whose
			// only content is an image without alt text would have no name: the image stands alone until described.
			if (only) {
				const picture = image(only, context);
				if (IMAGE_FILE.test(href) || !picture.properties['alt']) {
					out.push(picture);
					continue;
				}
				child.children = [picture];
			}
			if (href) child.properties['href'] = context.link(href);
			delete child.properties['target'];
			if (only) {
				out.push(child);
				continue;
			}
		}
		if (child.tagName === 'p' && isLoneUrl(child)) {
			// WordPress turns a URL alone on its line into an embed; the article links to it.
			const url = toString(child).trim();
			out.push(paragraph([link(url, url)]));
			continue;
		}
		transform(child, context);
		if (child.tagName === 'p' && isEmpty(child)) continue;
		out.push(child);
		// "<em>Right, </em>and": the space belongs outside the emphasis, or Markdown has to escape it.
		if (INLINE_FORMATTING.has(child.tagName)) {
			const last = child.children.at(-1);
			if (last?.type === 'text' && /\s$/.test(last.value)) {
				last.value = last.value.replace(/\s+$/, '');
				out.push({ type: 'text', value: ' ' });
			}
		}
	}
	parent.children = out as typeof parent.children;
}

/** A figure's images (each in its own paragraph, a nested gallery flattened) followed by its caption, emphasized. */
function figureContent(figure: Element, context: BodyContext): ElementContent[] {
	const out: ElementContent[] = [];
	let caption: Element | undefined;
	const inlineImages: ElementContent[] = [];
	const trailing: ElementContent[] = [];
	for (const child of figure.children) {
		if (child.type === 'element' && child.tagName === 'figcaption') caption = child;
		else if (child.type === 'element' && child.tagName === 'figure') out.push(...figureContent(child, context));
		else if (
			child.type === 'element' &&
			(child.tagName === 'ul' || child.tagName === 'ol' || child.tagName === 'div')
		) {
			out.push(...figureContent({ ...child, tagName: 'figure' }, context));
		} else if (child.type === 'element' && child.tagName === 'li') {
			out.push(...figureContent({ ...child, tagName: 'figure' }, context));
		} else if (child.type === 'element' && (child.tagName === 'img' || (child.tagName === 'a' && onlyImage(child)))) {
			const wrapper: Root = { type: 'root', children: [child] };
			transform(wrapper, context);
			inlineImages.push(...(wrapper.children as ElementContent[]));
		} else if (
			child.type === 'element' &&
			child.tagName === 'p' &&
			hasDescendant(child, (node) => node.tagName === 'img')
		) {
			transform(child, context);
			out.push(child);
		} else if (inlineImages.length > 0) trailing.push(child);
	}
	if (inlineImages.length > 0) out.unshift(paragraph(inlineImages));
	// [caption]: the text after the image is the caption.
	const captionChildren = caption
		? caption.children
		: trailing.some((node) => toString(node as Element).trim())
			? trailing
			: [];
	if (captionChildren.length > 0) {
		const wrapper: Element = { type: 'element', tagName: 'em', properties: {}, children: trimmed(captionChildren) };
		transform(wrapper, context);
		if (toString(wrapper).trim()) out.push(paragraph([wrapper]));
	}
	return out;
}

function image(node: Element, context: BodyContext): Element {
	const classes = ([] as unknown[]).concat(node.properties['className'] ?? []).map(String);
	const id = classes.map((name) => /^wp-image-(\d+)$/.exec(name)?.[1]).find(Boolean);
	const given = node.properties['alt'];
	const resolved = context.image({
		src: String(node.properties['src'] ?? node.properties['dataSrc'] ?? ''),
		alt: typeof given === 'string' ? given : undefined,
		attachmentId: id ? Number(id) : undefined,
	});
	return { type: 'element', tagName: 'img', properties: { src: resolved.src, alt: resolved.alt }, children: [] };
}

function onlyImage(node: Element): Element | undefined {
	const meaningful = node.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
	const only = meaningful[0];
	return meaningful.length === 1 && only?.type === 'element' && only.tagName === 'img' ? only : undefined;
}

function isLoneUrl(node: Element): boolean {
	return (
		node.children.length === 1 &&
		node.children[0]!.type === 'text' &&
		/^\s*https?:\/\/\S+\s*$/.test(node.children[0]!.value)
	);
}

function isEmpty(node: Element): boolean {
	return (
		!hasDescendant(node, (child) =>
			['img', 'br', 'iframe', 'video', 'audio', 'newsroom-raw'].includes(child.tagName),
		) &&
		toString(node)
			.replace(/\u00a0/g, ' ')
			.trim() === ''
	);
}

function hasDescendant(node: Element, test: (element: Element) => boolean): boolean {
	return node.children.some((child) => child.type === 'element' && (test(child) || hasDescendant(child, test)));
}

function trimmed(nodes: ElementContent[]): ElementContent[] {
	return nodes.map((node, index) => {
		if (node.type !== 'text') return node;
		let value = node.value;
		if (index === 0) value = value.replace(/^\s+/, '');
		if (index === nodes.length - 1) value = value.replace(/\s+$/, '');
		return { ...node, value };
	});
}

/**
 * The article's headline is the page's `<h1>`: the body's headings start at `<h2>` and never skip a level (an
 * `<h4>` right after an `<h2>` becomes an `<h3>`), so the page outline stays valid.
 */
function outline(tree: Root): void {
	const headings: Element[] = [];
	const collect = (node: Root | Element) => {
		for (const child of node.children) {
			if (child.type !== 'element' || child.tagName === 'newsroom-raw') continue;
			if (/^h[1-6]$/.test(child.tagName)) headings.push(child);
			else collect(child);
		}
	};
	collect(tree);
	let previous = 1;
	for (const heading of headings) {
		const level = Math.min(Math.max(Number(heading.tagName[1]), 2), previous + 1, 6);
		heading.tagName = `h${level}`;
		previous = level;
	}
}

const paragraph = (children: ElementContent[]): Element => ({
	type: 'element',
	tagName: 'p',
	properties: {},
	children,
});
const link = (href: string, label: string): Element => ({
	type: 'element',
	tagName: 'a',
	properties: { href },
	children: [{ type: 'text', value: label }],
});
