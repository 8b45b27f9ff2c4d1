import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';

/**
 * A streaming reader of WordPress eXtended RSS (WXR 1.0–1.2), the file of Tools → Export. The file is read in
 * chunks with a SAX parser (saxes) and handed over one record at a time (an author, a category, a tag, an item),
 * so a 200 MB export is read in bounded memory. It refuses what a WordPress export never contains: a DOCTYPE (so
 * no entity declarations: no external entities, no "billion laughs"), and any encoding but UTF-8.
 */

/** The WXR versions WordPress has written. */
export const WXR_VERSIONS = ['1.0', '1.1', '1.2'] as const;

/** Bad input: names the file, the line and column where the parser was, and the item when inside one. */
export class WxrError extends Error {
	readonly line: number | undefined;
	readonly column: number | undefined;
	constructor(message: string, line?: number, column?: number) {
		super(message);
		this.line = line;
		this.column = column;
	}
}

/** An element of a record, reduced to what WXR uses: its name (with a known prefix), attributes, text and children. */
export interface WxrElement {
	name: string;
	attributes: Record<string, string>;
	text: string;
	children: WxrElement[];
}

export interface WxrChannel {
	version: string;
	title: string;
	link: string;
	baseSiteUrl: string;
	baseBlogUrl: string;
}

export interface WxrAuthor {
	login: string;
	displayName: string;
	firstName: string;
	lastName: string;
	/** The user description, when a plugin exported it (WordPress itself does not). */
	description: string;
}

export interface WxrTerm {
	taxonomy: 'category' | 'post_tag';
	slug: string;
	name: string;
	parent: string;
	description: string;
}

export interface WxrCategoryRef {
	domain: string;
	nicename: string;
	name: string;
}

export interface WxrItem {
	/** Line of the `<item>` tag in the export. */
	line: number;
	id: number;
	title: string;
	link: string;
	creator: string;
	content: string;
	excerpt: string;
	postDate: string;
	postDateGmt: string;
	modified: string;
	modifiedGmt: string;
	slug: string;
	status: string;
	type: string;
	parent: number;
	password: string;
	attachmentUrl: string;
	categories: WxrCategoryRef[];
	meta: Map<string, string>;
	comments: number;
}

export type WxrRecord =
	| { kind: 'channel'; channel: WxrChannel }
	| { kind: 'author'; author: WxrAuthor }
	| { kind: 'term'; term: WxrTerm }
	| { kind: 'item'; item: WxrItem };

const NAMESPACES: [RegExp, string][] = [
	[/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/?$/, 'excerpt'],
	[/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/?$/, 'wp'],
	[/^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/, 'content'],
	[/^https?:\/\/purl\.org\/dc\/elements\/1\.1\/?$/, 'dc'],
];

const prefixes = new Map<string, string>();

/** An element's name with the conventional WXR prefix for its namespace ("wp:post_id"), whatever prefix the file used. */
function qualifiedName(tag: SaxesTagNS): string {
	if (!tag.uri) return tag.local;
	let prefix = prefixes.get(tag.uri);
	if (prefix === undefined) {
		prefix = NAMESPACES.find(([pattern]) => pattern.test(tag.uri))?.[1] ?? `{${tag.uri}}`;
		prefixes.set(tag.uri, prefix);
	}
	return prefix.startsWith('{') ? `${prefix}${tag.local}` : `${prefix}:${tag.local}`;
}

/** Records collected at channel level; everything else there (title, link…) is read as channel text. */
const RECORDS = new Set(['item', 'wp:author', 'wp:category', 'wp:tag', 'wp:term']);

/**
 * Reads the export at `file` and calls `onRecord` for the channel (once, before the first item) and for each
 * author, term and item, in file order, waiting for it before reading on. `onProgress` gets the bytes read.
 */
export async function readWxr(
	file: string,
	onRecord: (record: WxrRecord) => void | Promise<void>,
	onProgress?: (bytesRead: number) => void,
): Promise<WxrChannel> {
	const parser = new SaxesParser({ xmlns: true, position: true });
	const pending: WxrRecord[] = [];
	const stack: WxrElement[] = [];
	const channelText: Record<string, string> = {};
	let channel: WxrChannel | undefined;
	let root: string | undefined;
	let recordLine = 0;
	let failure: WxrError | undefined;
	const fail = (message: string) => {
		failure ??= new WxrError(`${message}${itemContext(stack[0], recordLine)}`, parser.line, parser.column);
	};

	const announceChannel = () => {
		if (channel) return;
		const version = channelText['wp:wxr_version']?.trim() ?? '';
		if (!version) return fail('not a WordPress export: the channel has no <wp:wxr_version>');
		if (!(WXR_VERSIONS as readonly string[]).includes(version))
			return fail(`unknown WXR version "${version}"; this importer reads WXR ${WXR_VERSIONS.join(', ')}`);
		channel = {
			version,
			title: channelText['title']?.trim() ?? '',
			link: channelText['link']?.trim() ?? '',
			baseSiteUrl: channelText['wp:base_site_url']?.trim() ?? '',
			baseBlogUrl: channelText['wp:base_blog_url']?.trim() || channelText['link']?.trim() || '',
		};
		pending.push({ kind: 'channel', channel });
	};

	parser.on('xmldecl', (decl) => {
		if (decl.encoding && !/^utf-?8$/i.test(decl.encoding))
			fail(`the export is encoded as ${decl.encoding}; WordPress exports are UTF-8 (convert the file first)`);
	});
	parser.on('doctype', () =>
		fail(
			'the file has a DOCTYPE, which a WordPress export never has: entity declarations are refused (no external entities or entity expansion)',
		),
	);
	let inChannel = false;
	parser.on('opentag', (tag) => {
		const name = qualifiedName(tag as SaxesTagNS);
		if (root === undefined) {
			root = name;
			if (name !== 'rss') fail(`not a WordPress export: the root element is <${tag.name}>, expected <rss>`);
			return;
		}
		if (stack.length === 0 && name === 'channel' && !inChannel) {
			inChannel = true;
			return;
		}
		if (stack.length === 0) {
			if (name === 'item') announceChannel();
			recordLine = parser.line;
		}
		const attributes: Record<string, string> = {};
		for (const attribute of Object.values((tag as SaxesTagNS).attributes))
			attributes[attribute.local] = attribute.value;
		const element: WxrElement = { name, attributes, text: '', children: [] };
		stack.at(-1)?.children.push(element);
		stack.push(element);
	});
	const onText = (text: string) => {
		const top = stack.at(-1);
		if (top) top.text += text;
	};
	parser.on('text', onText);
	parser.on('cdata', onText);
	parser.on('closetag', () => {
		const element = stack.pop();
		if (!element || stack.length > 0 || !inChannel) return;
		if (RECORDS.has(element.name)) {
			const record = toRecord(element, recordLine);
			if (record) pending.push(record);
		} else {
			// Channel fields: <title>, <link>, <wp:wxr_version>, <wp:base_site_url>…
			channelText[element.name] ??= own(element.text);
		}
	});
	// Before the root element, a syntax error means the file is not XML at all.
	const syntax = (message: string) => fail(`${root === undefined ? 'not XML: ' : ''}${cleanSaxesMessage(message)}`);
	parser.on('error', (error) => syntax(error.message));

	let bytes = 0;
	const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
	try {
		for await (const chunk of stream as AsyncIterable<string>) {
			bytes += Buffer.byteLength(chunk);
			try {
				parser.write(chunk);
			} catch (error) {
				syntax((error as Error).message);
			}
			if (failure) throw failure;
			for (const record of pending.splice(0)) await onRecord(record);
			onProgress?.(bytes);
		}
		try {
			parser.close();
		} catch (error) {
			fail(`the export ends too early (truncated?): ${cleanSaxesMessage((error as Error).message)}`);
		}
		if (failure) throw failure;
		if (root === undefined) throw new WxrError('not XML: the file is empty or has no root element');
		announceChannel();
		if (failure) throw failure;
		for (const record of pending.splice(0)) await onRecord(record);
	} finally {
		stream.destroy();
	}
	return channel!;
}

/** "in post 12 "Title" (its <item> starts at line 40)" when the parser was inside an item. */
function itemContext(record: WxrElement | undefined, line: number): string {
	if (record?.name !== 'item') return '';
	const id = text(record, 'wp:post_id').trim();
	const title = text(record, 'title').trim();
	return ` (in ${id ? `post ${id}` : 'an item'}${title ? ` "${title}"` : ''}, whose <item> starts at line ${line})`;
}

/** saxes prefixes its messages with "line:column: "; the importer prints the position itself. */
function cleanSaxesMessage(message: string): string {
	return message.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '');
}

/**
 * A copy of a string that does not share memory with the chunk of the file it was read from. The parser hands out
 * slices of each 256 KB chunk, and V8 keeps a whole chunk alive while any slice of it is: a post id or slug kept for
 * the second step would otherwise keep the export itself in memory.
 */
function own(value: string): string {
	return value.length === 0 ? '' : ` ${value}`.slice(1);
}

const text = (element: WxrElement, name: string) =>
	own(element.children.find((child) => child.name === name)?.text ?? '');

function toRecord(element: WxrElement, line: number): WxrRecord | undefined {
	switch (element.name) {
		case 'wp:author':
			return {
				kind: 'author',
				author: {
					login: text(element, 'wp:author_login').trim(),
					displayName: text(element, 'wp:author_display_name').trim(),
					firstName: text(element, 'wp:author_first_name').trim(),
					lastName: text(element, 'wp:author_last_name').trim(),
					description: (text(element, 'wp:author_description') || text(element, 'wp:author_bio')).trim(),
				},
			};
		case 'wp:category':
			return {
				kind: 'term',
				term: {
					taxonomy: 'category',
					slug: text(element, 'wp:category_nicename').trim(),
					name: text(element, 'wp:cat_name').trim(),
					parent: text(element, 'wp:category_parent').trim(),
					description: text(element, 'wp:category_description').trim(),
				},
			};
		case 'wp:tag':
			return {
				kind: 'term',
				term: {
					taxonomy: 'post_tag',
					slug: text(element, 'wp:tag_slug').trim(),
					name: text(element, 'wp:tag_name').trim(),
					parent: '',
					description: text(element, 'wp:tag_description').trim(),
				},
			};
		case 'wp:term': {
			const taxonomy = text(element, 'wp:term_taxonomy').trim();
			if (taxonomy !== 'category' && taxonomy !== 'post_tag') return undefined;
			return {
				kind: 'term',
				term: {
					taxonomy,
					slug: text(element, 'wp:term_slug').trim(),
					name: text(element, 'wp:term_name').trim(),
					parent: text(element, 'wp:term_parent').trim(),
					description: text(element, 'wp:term_description').trim(),
				},
			};
		}
		case 'item':
			return { kind: 'item', item: toItem(element, line) };
	}
	return undefined;
}

function toItem(element: WxrElement, line: number): WxrItem {
	const meta = new Map<string, string>();
	const categories: WxrCategoryRef[] = [];
	let comments = 0;
	for (const child of element.children) {
		if (child.name === 'wp:postmeta') meta.set(text(child, 'wp:meta_key'), text(child, 'wp:meta_value'));
		else if (child.name === 'wp:comment') comments++;
		else if (child.name === 'category')
			categories.push({
				domain: own(child.attributes['domain'] ?? ''),
				nicename: own(child.attributes['nicename'] ?? ''),
				name: own(child.text.trim()),
			});
	}
	const number = (name: string) => Number.parseInt(text(element, name).trim(), 10) || 0;
	return {
		line,
		id: number('wp:post_id'),
		title: text(element, 'title'),
		link: text(element, 'link').trim(),
		creator: text(element, 'dc:creator').trim(),
		content: text(element, 'content:encoded'),
		excerpt: text(element, 'excerpt:encoded'),
		postDate: text(element, 'wp:post_date').trim(),
		postDateGmt: text(element, 'wp:post_date_gmt').trim(),
		modified: text(element, 'wp:post_modified').trim(),
		modifiedGmt: text(element, 'wp:post_modified_gmt').trim(),
		slug: text(element, 'wp:post_name').trim(),
		status: text(element, 'wp:status').trim(),
		type: text(element, 'wp:post_type').trim(),
		parent: number('wp:post_parent'),
		password: text(element, 'wp:post_password'),
		attachmentUrl: text(element, 'wp:attachment_url').trim(),
		categories,
		meta,
		comments,
	};
}
