/**
 * How the CMS reads and writes content files: Markdown with YAML front matter, and YAML. Decap's own formats
 * rewrite the whole front matter on every save (lists change style, quotes go, comments are lost), so a one-word
 * headline fix would show as a rewritten file in review. These keep the file as it was and change only the values
 * the editor changed; a new file is written in the house style (fields in the form's order, short lists inline).
 * Empty values an editor leaves behind ("" or an emptied object) are dropped: the schemas refuse them, and a
 * missing optional field is what the editor meant. Runs in the browser (cms/browser/formats.ts) and in tests.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, type Node } from 'yaml';
import { FOLDER_KEYS } from './names.ts';

/** The data key the CMS's pre-save hook puts the file's text under, so the writer can keep what did not change. */
export const ORIGINAL_FILE = '__newsroomOriginalFile';

/** Keys the pre-save hook adds for Decap's own use, never written to a file. */
const NOT_WRITTEN = new Set<string>([ORIGINAL_FILE, ...Object.values(FOLDER_KEYS)]);

type Data = Record<string, unknown>;

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** A Markdown file's front matter and body (`body`, the text after the closing `---`, exactly as written). */
export function readFrontMatterFile(text: string): Data {
	const match = FRONT_MATTER.exec(text);
	if (!match) return { body: text };
	return { ...readYamlFile(match[1]!), body: text.slice(match[0].length) };
}

/** A YAML file's data; timestamps stay text (YAML 1.2 core schema), as the site's loaders read them. */
export function readYamlFile(text: string): Data {
	const data: unknown = parseDocument(text).toJS();
	return data && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : {};
}

/**
 * A Markdown file for `data` (fields plus `body`). With the file's previous text under `ORIGINAL_FILE`, only the
 * changed values change: key order, quoting, list style, comments and an unchanged body stay byte for byte.
 */
export function writeFrontMatterFile(data: Data, fieldOrder: readonly string[] = []): string {
	const { [ORIGINAL_FILE]: original, body = '', ...rest } = data;
	const fields = written(rest);
	const originalText = typeof original === 'string' ? original : undefined;
	const match = originalText === undefined ? null : FRONT_MATTER.exec(originalText);
	const text = String(body);
	if (originalText !== undefined && match) {
		const originalBody = originalText.slice(match[0].length);
		const yaml = updatedYaml(match[1]!, fields, fieldOrder);
		const keptBody = text === originalBody ? originalBody : `${leadingBlankLines(originalBody)}${withFinalNewline(text.replace(/^\s*\n/, ''))}`;
		return `---\n${yaml}---\n${keptBody}`;
	}
	const yaml = newYaml(fields, fieldOrder);
	return `---\n${yaml}---\n${text.trim() ? `\n${withFinalNewline(text.replace(/^\s*\n/, ''))}` : ''}`;
}

/** A YAML file for `data`, changing only what changed when the previous text is under `ORIGINAL_FILE`. */
export function writeYamlFile(data: Data, fieldOrder: readonly string[] = []): string {
	const { [ORIGINAL_FILE]: original, ...rest } = data;
	const fields = written(rest);
	return typeof original === 'string' && original.trim()
		? updatedYaml(original, fields, fieldOrder)
		: newYaml(fields, fieldOrder);
}

/** How `yaml` writes a document: no line folding, `[a, b]` rather than `[ a, b ]`. */
const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * The original YAML text with `fields` applied. When only one-line values changed, each is replaced where it
 * stands in the text and nothing else moves; other changes (a field added or removed, a list edited) re-render
 * the document, which keeps key order, quoting, list style and comments but may respace unusual layouts.
 */
function updatedYaml(text: string, fields: Data, fieldOrder: readonly string[]): string {
	const doc = parseDocument(text);
	const before = (doc.toJS() ?? {}) as Data;
	const edits: ScalarEdit[] = [];
	const structural = applyChanges(doc, [], before, withoutEmpty(fields) as Data, fieldOrder, edits);
	if (!structural) {
		let result = text;
		for (const { start, end, text: replacement } of edits.sort((a, b) => b.start - a.start)) {
			result = result.slice(0, start) + replacement + result.slice(end);
		}
		return withFinalNewline(result);
	}
	return withFinalNewline(doc.toString(STRINGIFY));
}

/** A one-line value to write over `start`–`end` of the original text. */
interface ScalarEdit {
	start: number;
	end: number;
	text: string;
}

/** `value` as one line of YAML in `type`'s quoting style (or another when that style cannot hold it). */
function scalarText(value: unknown, type: Scalar['type']): string | undefined {
	const scalar = new Scalar(value);
	if (type) scalar.type = type;
	const line = new Document(scalar).toString(STRINGIFY).replace(/\n$/, '');
	return line.includes('\n') ? undefined : line;
}

/** A new file's YAML: fields in the form's order, lists of short plain values inline (`tags: [a, b]`). */
function newYaml(fields: Data, fieldOrder: readonly string[]): string {
	const cleaned = withoutEmpty(fields) as Data;
	const ordered: Data = {};
	for (const key of [...fieldOrder, ...Object.keys(cleaned)]) if (key in cleaned) ordered[key] = cleaned[key];
	const doc = new Document(ordered);
	flowShortLists(doc.contents);
	return withFinalNewline(doc.toString(STRINGIFY));
}

type Path = (string | number)[];

/** Applies `after` over `before` in `doc`; true when more than one-line values changed (see `updatedYaml`). */
function applyChanges(
	doc: Document,
	path: Path,
	before: unknown,
	after: unknown,
	fieldOrder: readonly string[],
	edits: ScalarEdit[],
): boolean {
	if (equal(before, after)) return false;
	const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
	if (isPlainObject(before) && isPlainObject(after) && isMap(node)) {
		let structural = false;
		for (const key of Object.keys(before)) {
			if (!(key in after)) {
				doc.deleteIn([...path, key]);
				structural = true;
			}
		}
		for (const key of Object.keys(after)) {
			if (key in before) structural = applyChanges(doc, [...path, key], before[key], after[key], fieldOrder, edits) || structural;
			else {
				insertKey(doc, node, key, after[key], path.length === 0 ? fieldOrder : []);
				structural = true;
			}
		}
		return structural;
	}
	if (isScalar(node) && !isObjectLike(after)) {
		// Keep the scalar's quoting style (`title: "…"` stays double-quoted).
		const text = node.range && node.type !== 'BLOCK_FOLDED' && node.type !== 'BLOCK_LITERAL' ? scalarText(after, node.type) : undefined;
		node.value = after;
		if (text === undefined || !node.range) return true;
		edits.push({ start: node.range[0], end: node.range[1], text });
		return false;
	}
	const replacement = doc.createNode(after);
	if (isSeq(node) && node.flow && isSeq(replacement) && replacement.items.every(isScalar)) replacement.flow = true;
	doc.setIn(path, replacement);
	return true;
}

/** Adds `key` to a map after the keys that come before it in the form's order (at the end when unknown). */
function insertKey(doc: Document, map: Node, key: string, value: unknown, fieldOrder: readonly string[]) {
	if (!isMap(map)) return;
	const pair = doc.createPair(key, value);
	if (isSeq(pair.value)) flowShortLists(pair.value);
	const rank = fieldOrder.indexOf(key);
	let index = map.items.length;
	if (rank >= 0) {
		const later = map.items.findIndex((item) => {
			const other = fieldOrder.indexOf(String(isScalar(item.key) ? item.key.value : item.key));
			return other > rank;
		});
		if (later >= 0) index = later;
	}
	map.items.splice(index, 0, pair);
}

/** Lists of a few plain words inline, as hand-written articles have them: `authors: [ap-journalist]`. */
function flowShortLists(node: unknown) {
	if (isMap(node)) for (const item of node.items) flowShortLists(item.value);
	else if (isSeq(node)) {
		const plain = node.items.every((item) => isScalar(item) && typeof item.value === 'string' && /^[\p{L}\p{N}][\p{L}\p{N} ._'’-]*$/u.test(item.value));
		if (plain && node.items.length > 0) node.flow = true;
		else for (const item of node.items) flowShortLists(item);
	}
}

function written(fields: Data): Data {
	return Object.fromEntries(Object.entries(fields).filter(([key]) => !NOT_WRITTEN.has(key)));
}

/** `value` without "" / null / undefined and without objects left empty by that. Lists are kept (`tags: []` is valid). */
function withoutEmpty(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutEmpty);
	if (!isPlainObject(value)) return value;
	const result: Data = {};
	for (const [key, item] of Object.entries(value)) {
		const cleaned = withoutEmpty(item);
		if (cleaned === '' || cleaned === null || cleaned === undefined) continue;
		if (isPlainObject(cleaned) && Object.keys(cleaned).length === 0) continue;
		result[key] = cleaned;
	}
	return result;
}

function equal(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => equal(item, b[index]));
	if (isPlainObject(a) && isPlainObject(b)) {
		const keys = Object.keys(a);
		return keys.length === Object.keys(b).length && keys.every((key) => key in b && equal(a[key], b[key]));
	}
	return false;
}

function isPlainObject(value: unknown): value is Data {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isObjectLike(value: unknown): boolean {
	return typeof value === 'object' && value !== null;
}

function leadingBlankLines(text: string): string {
	return /^\s*\n/.exec(text)?.[0] ?? '\n';
}

function withFinalNewline(text: string): string {
	return text.endsWith('\n') ? text : `${text}\n`;
}
