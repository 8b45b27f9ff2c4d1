import type { Comment, Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { autop } from './autop.ts';

/**
 * Gutenberg (block editor) bodies: the HTML is already semantic, framed by block comments
 * (`<!-- wp:image {"id":12} -->…<!-- /wp:image -->`, `<!-- wp:separator /-->`). The comments are read into a tree
 * of blocks, then each block is replaced by what the article keeps of it: the common core blocks by their content
 * (columns and groups flattened, embeds as links, buttons as links, verse as lines), layout-only blocks by nothing,
 * and any other block by its HTML as it is (counted), or by nothing when it has none (a dynamic block WordPress
 * renders on request: latest posts, archives, search…).
 */

/** How the article treats each core block: `content` keeps its inner HTML, `drop` removes it. */
const CORE_BLOCKS: Record<
	string,
	'content' | 'drop' | 'embed' | 'verse' | 'buttons' | 'media' | 'file' | 'freeform' | 'raw' | 'cover'
> = {
	paragraph: 'content',
	heading: 'content',
	list: 'content',
	'list-item': 'content',
	quote: 'content',
	pullquote: 'content',
	table: 'content',
	code: 'content',
	preformatted: 'content',
	separator: 'content',
	image: 'content',
	gallery: 'content',
	columns: 'content',
	column: 'content',
	group: 'content',
	'media-text': 'content',
	details: 'content',
	footnotes: 'drop',
	spacer: 'drop',
	more: 'drop',
	nextpage: 'drop',
	embed: 'embed',
	verse: 'verse',
	buttons: 'content',
	button: 'buttons',
	audio: 'media',
	video: 'media',
	file: 'file',
	freeform: 'freeform',
	html: 'raw',
	cover: 'cover',
	shortcode: 'content',
};

/** Legacy embed blocks (`core-embed/youtube`) are embeds too. */
const blockKind = (name: string) =>
	name.startsWith('core-embed/') ? 'embed' : CORE_BLOCKS[name.replace(/^core\//, '')];

export interface BlockReport {
	/** A block kept as HTML (unknown, or core/html). */
	kept: (name: string) => void;
	/** A block with no HTML of its own, dropped. */
	dropped: (name: string) => void;
	/** A reusable block's content (`<!-- wp:block {"ref":12} /-->`), if the export has it. */
	reusable: (id: number) => string | undefined;
	/** Parses a reusable block's HTML into the same kind of tree. */
	parse: (html: string) => Root;
}

/** Whether a body was written in the block editor (WordPress then skips auto-paragraphs too). */
export function hasBlocks(html: string): boolean {
	return /<!--\s+wp:[a-z]/.test(html);
}

const OPENING = /^\s*(\/)?wp:([a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?)\s*(\{[\s\S]*\}\s*)?(\/)?\s*$/;

interface Marker {
	name: string;
	closing: boolean;
	selfClosing: boolean;
	attributes: Record<string, unknown>;
}

function marker(node: ElementContent): Marker | undefined {
	if (node.type !== 'comment') return undefined;
	const match = OPENING.exec((node as Comment).value);
	if (!match) return undefined;
	let attributes: Record<string, unknown> = {};
	try {
		attributes = match[3] ? (JSON.parse(match[3]) as Record<string, unknown>) : {};
	} catch {
		attributes = {};
	}
	return { name: match[2]!, closing: match[1] === '/', selfClosing: match[4] === '/', attributes };
}

/** Replaces the block comments of `parent`'s children (recursively) with the blocks' converted content. */
export function convertBlocks(parent: Root | Element, report: BlockReport): void {
	const children = parent.children as ElementContent[];
	const out: ElementContent[] = [];
	for (let index = 0; index < children.length; index++) {
		const child = children[index]!;
		const open = marker(child);
		if (!open || open.closing) {
			if (child.type === 'element') convertBlocks(child, report);
			// Stray closing comments and other comments (<!--more-->) are not content.
			if (child.type !== 'comment') out.push(child);
			continue;
		}
		let inner: ElementContent[] = [];
		if (!open.selfClosing) {
			// The matching closing comment at the same level (blocks of the same name may nest).
			let depth = 0;
			let end = index + 1;
			for (; end < children.length; end++) {
				const other = marker(children[end]!);
				if (!other || other.name !== open.name || other.selfClosing) continue;
				if (!other.closing) depth++;
				else if (depth === 0) break;
				else depth--;
			}
			inner = children.slice(index + 1, end);
			index = end;
		}
		out.push(...convertBlock(open, inner, report));
	}
	parent.children = out as typeof parent.children;
}

function convertBlock(block: Marker, inner: ElementContent[], report: BlockReport): ElementContent[] {
	const container: Element = { type: 'element', tagName: 'div', properties: {}, children: inner };
	const kind = blockKind(block.name);
	if (block.name === 'block' || block.name === 'core/block') {
		const html = typeof block.attributes['ref'] === 'number' ? report.reusable(block.attributes['ref']) : undefined;
		if (html === undefined) {
			report.dropped(`core/block`);
			return [];
		}
		const tree = report.parse(html);
		convertBlocks(tree, report);
		return tree.children as ElementContent[];
	}
	if (kind === 'drop') return [];
	if (kind === undefined || kind === 'raw') {
		const hasHtml = inner.some((node) => node.type !== 'text' || node.value.trim() !== '');
		if (!hasHtml) {
			report.dropped(qualified(block.name));
			return [];
		}
		report.kept(qualified(block.name));
		return [rawBlock(inner)];
	}
	convertBlocks(container, report);
	switch (kind) {
		case 'content':
			return container.children;
		case 'freeform': {
			const tree: Root = { type: 'root', children: container.children };
			autop(tree);
			return tree.children as ElementContent[];
		}
		case 'embed': {
			const url =
				typeof block.attributes['url'] === 'string'
					? block.attributes['url']
					: toString(container).trim().split(/\s+/)[0];
			const caption = findElement(container, 'figcaption');
			if (!url) return [];
			const link: Element = paragraph([
				{ type: 'element', tagName: 'a', properties: { href: url }, children: [{ type: 'text', value: url }] },
			]);
			return caption ? [link, paragraph(caption.children)] : [link];
		}
		case 'verse': {
			// Poetry keeps its lines, not a code block's monospace.
			const pre = findElement(container, 'pre');
			const lines = toString(pre ?? container).split('\n');
			return [paragraph(lines.flatMap((line, at): ElementContent[] => (at > 0 ? [br(), text(line)] : [text(line)])))];
		}
		case 'buttons': {
			const link = findElement(container, 'a');
			return link ? [paragraph([link])] : [];
		}
		case 'media': {
			const media = findElement(container, 'audio') ?? findElement(container, 'video');
			return media ? [rawBlock([figure([media])])] : [];
		}
		case 'file': {
			const link = findElement(container, 'a');
			return link ? [paragraph([link])] : [];
		}
		case 'cover': {
			// A cover is an image behind some content: the image (not a CSS background, which the article's
			// policy removes and which has no alt text), then the content. A video background is left out.
			const image = findElement(container, 'img');
			const url = typeof block.attributes['url'] === 'string' ? block.attributes['url'] : image?.properties['src'];
			const id = typeof block.attributes['id'] === 'number' ? block.attributes['id'] : undefined;
			const alt = typeof block.attributes['alt'] === 'string' ? block.attributes['alt'] : image?.properties['alt'];
			const inner = findClass(container, 'wp-block-cover__inner-container');
			const content = inner ? inner.children : [];
			if (!url || block.attributes['backgroundType'] === 'video') return content;
			const picture: Element = {
				type: 'element',
				tagName: 'img',
				properties: { src: String(url), ...(alt ? { alt: String(alt) } : {}), className: id ? [`wp-image-${id}`] : [] },
				children: [],
			};
			return [paragraph([picture]), ...content];
		}
	}
}

function qualified(name: string): string {
	return name.includes('/') ? name : `core/${name}`;
}

/** Marks content to be written as HTML, as it is (see `body.ts`). */
export function rawBlock(children: ElementContent[]): Element {
	return { type: 'element', tagName: 'newsroom-raw', properties: {}, children };
}

function findClass(node: Element, className: string): Element | undefined {
	for (const child of node.children) {
		if (child.type !== 'element') continue;
		const classes = ([] as unknown[]).concat(child.properties['className'] ?? []);
		if (classes.includes(className)) return child;
		const found = findClass(child, className);
		if (found) return found;
	}
	return undefined;
}

function findElement(node: Element, tagName: string): Element | undefined {
	for (const child of node.children) {
		if (child.type !== 'element') continue;
		if (child.tagName === tagName) return child;
		const found = findElement(child, tagName);
		if (found) return found;
	}
	return undefined;
}

const text = (value: string): ElementContent => ({ type: 'text', value });
const br = (): ElementContent => ({ type: 'element', tagName: 'br', properties: {}, children: [] });
const paragraph = (children: ElementContent[]): Element => ({
	type: 'element',
	tagName: 'p',
	properties: {},
	children,
});
const figure = (children: ElementContent[]): Element => ({
	type: 'element',
	tagName: 'figure',
	properties: {},
	children,
});
