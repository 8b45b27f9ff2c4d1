/**
 * Reading article bodies. Excerpts: an article's teaser for cards, Recent Posts, feeds and SEO descriptions, the
 * dek when there is one, else the opening words of the body's prose (markup, code, component code and image alt
 * text left out), cut at a word boundary. And the components an MDX body uses that nothing defines.
 */
import type { Nodes as MdastNodes } from 'mdast';
import type { MdxjsEsm } from 'mdast-util-mdx';
import { visit } from 'unist-util-visit';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

/** An article's teaser: its dek (description) if it has one, else the opening words of its body. */
export function excerpt(
	article: { description?: string | undefined; body?: string | undefined; mdx: boolean },
	words: number,
): string {
	if (article.description) return truncateWords(article.description, words);
	const body = article.body ?? '';
	// Only the opening blocks are parsed (~12 characters a word, twice what English prose needs: usually the first
	// paragraph alone), unless they hold too few words of prose (a long code block or component first), then the
	// whole body is.
	const opening = openingBlocks(body, words * 12);
	let text = bodyText(opening, { mdx: article.mdx });
	if (opening.length < body.length && text.split(/\s+/).length <= words) text = bodyText(body, { mdx: article.mdx });
	return truncateWords(text, words);
}

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

/** The longest excerpt, in words (the bound of `recentPosts.excerptWords`). */
export const LONGEST_EXCERPT = 200;

/** Where a Markdown article's prose facts are kept in its content-store entry: beside its rendered HTML. */
export const PROSE_FACTS = 'newsroomProse';

export interface ProseFacts {
	opening: string;
	minutes: number;
}

/**
 * What pages need of a Markdown article's body, worked out once while content syncs so the body itself need not be
 * kept in Astro's content store (beside its rendered HTML, it was 43 % of the store): the opening words of its prose,
 * one more than the longest excerpt (so an excerpt knows the text goes on), and its reading time.
 */
export function proseFacts(body: string, { mdx }: { mdx: boolean }): ProseFacts {
	const text = bodyText(body, { mdx });
	return {
		opening: text.split(/\s+/).filter(Boolean).slice(0, LONGEST_EXCERPT + 1).join(' '),
		minutes: readingMinutes(text),
	};
}

/** An excerpt from an article's prose facts: the same text as `excerpt()` over its body. */
export function excerptFromFacts(description: string | undefined, facts: ProseFacts, words: number): string {
	if (description) return truncateWords(description, words);
	if (words > LONGEST_EXCERPT) {
		throw new RangeError(`excerpts are at most ${LONGEST_EXCERPT} words; ${words} were asked for (RecentPosts' excerptWords)`);
	}
	return truncateWords(facts.opening, words);
}

/** Words an adult reads a minute on screen (Brysbaert 2019, non-fiction: 238), for "4 min read". */
export const WORDS_PER_MINUTE = 238;

/** Whole minutes to read a text, at least 1. */
export function readingMinutes(text: string, wordsPerMinute = WORDS_PER_MINUTE): number {
	const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
	return Math.max(1, Math.round(words / wordsPerMinute));
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

/**
 * The start of a Markdown/MDX body up to a blank line after at least `minChars` characters: enough blocks for an
 * excerpt without parsing a whole long article. Returns the whole body when it is shorter, or when the cut would
 * fall inside a fenced code block.
 */
export function openingBlocks(body: string, minChars: number): string {
	if (body.length <= minChars) return body;
	let fenced = false;
	let offset = 0;
	for (const line of body.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		offset += line.length + 1;
		if (!fenced && offset >= minChars && line.trim() === '') return body.slice(0, offset);
	}
	return body;
}

/**
 * The first `words` words of `text` followed by "…", cut at a word boundary (punctuation attached to the last
 * word stays, as in "operation,…"). Text that fits is returned whole, without "…". A single word longer than
 * `maxChars` (a URL, a run of CJK text) is cut between characters instead, never inside one.
 */
export function truncateWords(text: string, words: number, maxChars = words * 12): string {
	const tokens = text.trim().split(/\s+/).filter(Boolean);
	let result = tokens.slice(0, words).join(' ');
	let cut = tokens.length > words;
	if (result.length > maxChars) {
		const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(result)].map(
			(s) => s.segment,
		);
		result = graphemes.slice(0, maxChars).join('').trimEnd();
		cut = true;
	}
	return cut ? `${result}…` : result;
}

/** JSX names MDX treats as components: capitalised (`Chart`) or member expressions (`charts.Bar`). */
const COMPONENT_NAME = /^[A-Z]|\./;

/**
 * The components an MDX body uses (`<Chart />`) that neither the body imports or declares nor `provided` names
 * (the `mdxComponents` map): rendering would fail on them, on the page and in the feeds. A quick scan first, so
 * most bodies are never parsed.
 */
export function undefinedComponents(body: string, provided: ReadonlySet<string>): string[] {
	const candidates = [...body.matchAll(/<([A-Za-z_$][\w$.]*)/g)]
		.map((match) => match[1]!)
		.filter((name) => COMPONENT_NAME.test(name) && !provided.has(root(name)));
	if (candidates.length === 0) return [];
	let tree;
	try {
		tree = fromMarkdown(body, { extensions: [mdxjs()], mdastExtensions: [mdxFromMarkdown()] });
	} catch {
		return []; // Invalid MDX fails its render with the compiler's own error.
	}
	const declared = new Set<string>();
	const used = new Set<string>();
	visit(tree, (node) => {
		if (node.type === 'mdxjsEsm') for (const name of esmNames(node as MdxjsEsm)) declared.add(name);
		if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && 'name' in node && node.name) {
			if (COMPONENT_NAME.test(node.name)) used.add(node.name);
		}
	});
	return [...used].filter((name) => !provided.has(root(name)) && !declared.has(root(name))).sort();
}

function root(name: string): string {
	return name.split('.')[0]!;
}

/** The names an import or export statement of an MDX body binds. */
function esmNames(node: MdxjsEsm): string[] {
	const names: string[] = [];
	for (const statement of node.data?.estree?.body ?? []) {
		if (statement.type === 'ImportDeclaration') for (const specifier of statement.specifiers) names.push(specifier.local.name);
		const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
		if (declaration?.type === 'VariableDeclaration') {
			for (const declarator of declaration.declarations) if (declarator.id.type === 'Identifier') names.push(declarator.id.name);
		}
		if ((declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') && declaration.id) {
			names.push(declaration.id.name);
		}
	}
	return names;
}
