import type { Element, ElementContent, Root, RootContent, Text } from 'hast';

/**
 * WordPress's auto-paragraphs (`wpautop`) on the parsed tree: classic-editor bodies are stored without `<p>`, a
 * blank line separating paragraphs and a single newline meaning a line break. WordPress does it with regular
 * expressions on the string; here runs of inline content between block elements become paragraphs, split at blank
 * lines, their single newlines `<br>`, inside the containers where WordPress would add them. `<pre>` is left alone.
 */

/** WordPress's list of block elements (`wpautop`'s `$allblocks`), and a few it treats the same way. */
export const BLOCK_ELEMENTS = new Set(
	'table thead tfoot caption col colgroup tbody tr td th div dl dd dt ul ol li pre form map area blockquote address math style p h1 h2 h3 h4 h5 h6 hr fieldset legend section article aside hgroup header footer nav figure figcaption details menu summary main script noscript iframe object video audio canvas template'.split(
		' ',
	),
);

/** Containers whose inline runs become paragraphs; list items and cells only get line breaks unless they hold blank lines. */
const PARAGRAPH_CONTAINERS = new Set([
	'blockquote',
	'div',
	'section',
	'article',
	'aside',
	'header',
	'footer',
	'main',
	'details',
]);
const LINE_CONTAINERS = new Set([
	'li',
	'td',
	'th',
	'dd',
	'dt',
	'p',
	'figcaption',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'address',
	'caption',
	'summary',
	'legend',
]);
const UNTOUCHED = new Set(['figure', 'pre', 'script', 'style', 'textarea', 'code', 'svg', 'math', 'template']);

type Parent = Root | Element;

/** Adds WordPress's paragraphs and line breaks to a classic body's fragment tree, in place. */
export function autop(tree: Root): void {
	paragraphs(tree);
}

function isBlock(node: RootContent | ElementContent): boolean {
	return node.type === 'element' && BLOCK_ELEMENTS.has(node.tagName);
}

function paragraphs(parent: Parent): void {
	const result: ElementContent[] = [];
	let run: ElementContent[] = [];
	const flush = () => {
		result.push(...paragraphsOf(run));
		run = [];
	};
	for (const child of parent.children as ElementContent[]) {
		if (isBlock(child)) {
			flush();
			descend(child as Element);
			result.push(child);
		} else if (child.type === 'comment') {
			flush();
			result.push(child);
		} else run.push(child);
	}
	flush();
	parent.children = result;
}

function descend(element: Element): void {
	if (UNTOUCHED.has(element.tagName)) return;
	if (PARAGRAPH_CONTAINERS.has(element.tagName)) return paragraphs(element);
	if (LINE_CONTAINERS.has(element.tagName)) {
		const hasBlankLine = element.children.some((child) => child.type === 'text' && /\n[^\S\n]*\n/.test(child.value));
		if (hasBlankLine && element.tagName !== 'p' && !/^h\d$/.test(element.tagName)) return paragraphs(element);
		element.children = lineBreaks(element.children);
	}
	for (const child of element.children) if (child.type === 'element' && isBlock(child)) descend(child);
}

/** A run of inline content as paragraphs: split at blank lines, single newlines as `<br>`, empty ones dropped. */
function paragraphsOf(run: ElementContent[]): Element[] {
	const groups: ElementContent[][] = [[]];
	for (const node of run) {
		if (node.type !== 'text') {
			groups.at(-1)!.push(node);
			continue;
		}
		const parts = node.value.split(/\n[^\S\n]*\n\s*/);
		parts.forEach((part, index) => {
			if (index > 0) groups.push([]);
			if (part) groups.at(-1)!.push({ type: 'text', value: part } satisfies Text);
		});
	}
	return groups
		.map((group) => lineBreaks(trim(group)))
		.filter((group) => group.some((node) => node.type !== 'text' || node.value.trim() !== ''))
		.map((children) => ({ type: 'element', tagName: 'p', properties: {}, children }));
}

/** Single newlines inside text become `<br>` (WordPress's `$br`), except at the edges of the content. */
function lineBreaks(nodes: ElementContent[]): ElementContent[] {
	const out: ElementContent[] = [];
	nodes.forEach((node, index) => {
		if (node.type !== 'text' || !node.value.includes('\n')) {
			out.push(node);
			return;
		}
		let value = node.value;
		if (index === 0) value = value.replace(/^\s+/, '');
		if (index === nodes.length - 1) value = value.replace(/\s+$/, '');
		const lines = value.split(/[^\S\n]*\n[^\S\n]*/);
		lines.forEach((line, at) => {
			if (at > 0) out.push({ type: 'element', tagName: 'br', properties: {}, children: [] });
			if (line) out.push({ type: 'text', value: line });
		});
	});
	// A line break right before or after a block-level child is WordPress's source formatting, not a break.
	return out.filter((node, index) => {
		if (node.type !== 'element' || node.tagName !== 'br') return true;
		const previous = out[index - 1];
		const next = out[index + 1];
		return !(
			previous === undefined ||
			next === undefined ||
			(previous && isBlock(previous)) ||
			(next && isBlock(next))
		);
	});
}

function trim(group: ElementContent[]): ElementContent[] {
	const nodes = [...group];
	const first = nodes[0];
	if (first?.type === 'text') nodes[0] = { type: 'text', value: first.value.replace(/^\s+/, '') };
	const last = nodes.at(-1);
	if (last?.type === 'text') nodes[nodes.length - 1] = { type: 'text', value: last.value.replace(/\s+$/, '') };
	return nodes;
}
