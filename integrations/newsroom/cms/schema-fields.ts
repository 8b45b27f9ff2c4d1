/**
 * The CMS's fields, read from the content schemas: one Decap CMS field per schema field, with the schema's own
 * rules (required, lengths, patterns, list sizes) as the editor's validation. Nothing here lists an article's
 * fields: a field added to `content/schemas.ts` appears in the editor, and a kind of schema this file cannot map
 * fails the build (and `tests/unit/cms-config.test.ts`) instead of silently missing from the form.
 */
import type { z } from 'astro/zod';
import { zonedDates } from '../content/schemas.ts';

/** A Decap CMS field as written in config.yml (https://decapcms.org/docs/widgets/). */
export interface CmsField {
	name: string;
	label: string;
	widget: string;
	required?: boolean;
	hint?: string;
	default?: unknown;
	/** `[regular expression, message]`: Decap refuses to save a value the expression does not match. */
	pattern?: [string, string];
	fields?: CmsField[];
	[option: string]: unknown;
}

/** How a field looks in the editor: label, help text, a multi-line box. Rules come from the schema, not from here. */
export interface FieldLook {
	label?: string;
	hint?: string;
	/** `text` for a multi-line box instead of a one-line `string`. */
	widget?: 'text';
	/** What a list shows for each of its items, e.g. "{{fields.date}}: {{fields.text}}". */
	summary?: string;
}

/** What the walk needs besides the schema. */
export interface FieldContext {
	/** The marker schema passed to the schema function as `image()`. */
	image: z.ZodType;
	/** The marker schemas passed as references, and the collection each refers to. */
	references: Map<z.ZodType, { collection: string; display: string }>;
	/** The site's time zone: zoned dates are wall-clock time there. */
	timeZone: string;
	/** Labels and help text by field path ("title", "hero.alt", "corrections[].date"). */
	looks: Record<string, FieldLook>;
}

/** Decap's datetime format for a zoned date: wall-clock time in the site's zone, as the sample articles write it. */
export const DATE_FORMAT = 'YYYY-MM-DD HH:mm';

/** The zod internals the walk reads (zod 4's `def`). */
interface Def {
	type: string;
	shape?: Record<string, Schema>;
	innerType?: Schema;
	in?: Schema;
	out?: Schema;
	element?: Schema;
	/** An enum's values. */
	entries?: Record<string, string>;
	defaultValue?: unknown;
	format?: string;
	protocol?: RegExp;
	pattern?: RegExp;
	error?: (issue: object) => unknown;
	checks?: { _zod: { def: CheckDef } }[];
}
interface CheckDef {
	check: string;
	minimum?: number;
	maximum?: number;
	value?: number;
	format?: string;
	pattern?: RegExp;
	error?: (issue: object) => unknown;
}
type Schema = z.ZodType & { def: Def };

/** The fields of an object schema, in the schema's order. */
export function fieldsOf(schema: z.ZodType, context: FieldContext): CmsField[] {
	const { def } = schema as Schema;
	if (def.type !== 'object' || !def.shape) throw new Error(`expected an object schema, got a zod ${def.type}`);
	return objectFields(def.shape, '', context, undefined);
}

/**
 * `optionalParent` is the path of the nearest optional object above (the hero): its required fields are required
 * only once the object is filled in, which Decap cannot say (it checks a required field of an optional object even
 * when the object is empty), so they get a `newsroom-*` widget that checks it (cms/browser/widgets.ts).
 */
function objectFields(
	shape: Record<string, Schema>,
	prefix: string,
	context: FieldContext,
	optionalParent: string | undefined,
): CmsField[] {
	return Object.entries(shape).map(([name, schema]) => field(name, schema, `${prefix}${name}`, context, optionalParent));
}

function field(name: string, schema: Schema, path: string, context: FieldContext, optionalParent: string | undefined): CmsField {
	let required = true;
	let defaultValue: unknown;
	let current = schema;
	for (;;) {
		const { def } = current;
		if (def.type === 'optional' || def.type === 'nullable') required = false;
		else if (def.type === 'default' || def.type === 'prefault') {
			required = false;
			defaultValue = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
		} else break;
		current = def.innerType!;
	}
	const look = context.looks[path] ?? {};
	const base: CmsField = {
		name,
		label: look.label ?? sentenceCase(name),
		widget: 'string',
		...(look.hint ? { hint: look.hint } : {}),
		required,
		...(defaultValue !== undefined && !isEmptyList(defaultValue) ? { default: defaultValue } : {}),
	};
	// A required field's children stay under the same optional parent; an optional object becomes theirs.
	const childrenParent = required || path.includes('[]') ? optionalParent : path;
	const widget = describe(current, path, context, childrenParent);
	const result: CmsField = { ...base, ...widget };
	if (required && optionalParent !== undefined) {
		// Required once the optional object holds anything: checked by the newsroom- widget, not by Decap.
		result.required = false;
		result.widget = `newsroom-${result.widget}`;
		result['newsroom_required_with'] = optionalParent;
		result['newsroom_required_message'] = requiredMessage(current) ?? `${result.label} is required`;
	}
	return result;
}

/** The widget and its options for an unwrapped schema. */
function describe(schema: Schema, path: string, context: FieldContext, childrenParent: string | undefined): Partial<CmsField> {
	const { def } = schema;
	const look = context.looks[path] ?? {};
	if (zonedDates.has(schema)) return dateField(context.timeZone, look);
	if (schema === context.image) return { widget: 'image', choose_url: false };
	const reference = referenceOf(schema, context);
	if (reference) return relationField(reference, false);
	switch (def.type) {
		case 'string':
			return { widget: look.widget ?? 'string', ...stringPattern(schema) };
		case 'boolean':
			return { widget: 'boolean' };
		case 'enum':
			return { widget: 'select', options: Object.values(def.entries!) };
		case 'number':
			return numberField(schema);
		case 'array':
			return listField(schema, path, context);
		case 'object':
			return {
				widget: 'object',
				collapsed: false,
				fields: objectFields(def.shape!, `${path}.`, context, childrenParent),
			};
		default:
			throw new Error(`${path}: the CMS has no field for a zod ${def.type} (extend cms/schema-fields.ts)`);
	}
}

function dateField(timeZone: string, look: FieldLook): Partial<CmsField> {
	return {
		widget: 'datetime',
		format: DATE_FORMAT,
		date_format: 'YYYY-MM-DD',
		time_format: 'HH:mm',
		picker_utc: false,
		hint: `${look.hint ? `${look.hint} ` : ''}Time in ${timeZone}.`,
	};
}

function referenceOf(schema: Schema, context: FieldContext) {
	const { def } = schema;
	if (def.type !== 'pipe') return undefined;
	return context.references.get(def.out!);
}

function relationField(reference: { collection: string; display: string }, multiple: boolean): Partial<CmsField> {
	return {
		widget: 'relation',
		collection: reference.collection,
		value_field: '{{slug}}',
		search_fields: [reference.display],
		display_fields: [reference.display],
		multiple,
	};
}

function listField(schema: Schema, path: string, context: FieldContext): Partial<CmsField> {
	const { def } = schema;
	const sizes = listSizes(schema);
	let element = def.element!;
	const reference = referenceOf(element, context);
	if (reference) return { ...relationField(reference, true), ...sizes };
	while (element.def.type === 'optional' || element.def.type === 'default') element = element.def.innerType!;
	const itemPath = `${path}[]`;
	if (element.def.type === 'object') {
		const look = context.looks[path] ?? {};
		return {
			widget: 'list',
			...(look.summary ? { summary: look.summary } : {}),
			fields: objectFields(element.def.shape!, `${itemPath}.`, context, undefined),
			...sizes,
		};
	}
	if (element.def.type === 'string' && !zonedDates.has(element)) {
		// A comma-separated box; Decap drops empty items when the box loses focus.
		return { widget: 'list', ...sizes };
	}
	throw new Error(`${itemPath}: the CMS has no list field for items of a zod ${element.def.type} (extend cms/schema-fields.ts)`);
}

function listSizes(schema: Schema): { min?: number; max?: number } {
	const sizes: { min?: number; max?: number } = {};
	for (const { _zod } of schema.def.checks ?? []) {
		if (_zod.def.check === 'min_length' && _zod.def.minimum !== undefined) sizes.min = _zod.def.minimum;
		if (_zod.def.check === 'max_length' && _zod.def.maximum !== undefined) sizes.max = _zod.def.maximum;
	}
	return sizes;
}

function numberField(schema: Schema): Partial<CmsField> {
	const options: Partial<CmsField> = { widget: 'number', value_type: schema.def.format?.includes('int') ? 'int' : 'float' };
	for (const { _zod } of schema.def.checks ?? []) {
		if (_zod.def.check === 'greater_than') options['min'] = _zod.def.value;
		if (_zod.def.check === 'less_than') options['max'] = _zod.def.value;
	}
	return options;
}

/**
 * One regular expression for everything zod checks on a string — trimming, lengths, a URL, a pattern — and the
 * schema's own messages, so the editor says what the build would have said.
 */
function stringPattern(schema: Schema): { pattern?: [string, string] } {
	const { def } = schema;
	let trimmed = false;
	let min: number | undefined;
	let max: number | undefined;
	const parts: string[] = [];
	const messages: string[] = [];
	const say = (error: ((issue: object) => unknown) | undefined, fallback: string) => {
		const message = error?.({});
		messages.push(typeof message === 'string' ? message : fallback);
	};
	if (def.format === 'url') {
		// With a protocol (http, https) a host must follow "//"; any other URL ("mailto:…") needs a scheme and more.
		parts.push(
			def.protocol
				? `(?=(?:${def.protocol.source.replace(/^\^|\$$/g, '')}):\\/\\/[^\\s/?#]+(?:[/?#]\\S*)?$)`
				: '(?=[a-zA-Z][a-zA-Z\\d+.-]*:\\S+$)',
		);
		say(def.error, 'expected a URL');
	}
	for (const { _zod } of def.checks ?? []) {
		const check = _zod.def;
		if (check.check === 'overwrite') trimmed = true;
		else if (check.check === 'min_length') {
			min = check.minimum;
			say(check.error, `at least ${check.minimum} characters`);
		} else if (check.check === 'max_length') {
			max = check.maximum;
			say(check.error, `at most ${check.maximum} characters`);
		} else if (check.check === 'string_format' && check.format === 'regex' && check.pattern) {
			parts.push(`(?=${check.pattern.source})`);
			say(check.error, `expected to match ${check.pattern.source}`);
		} else {
			throw new Error(`the CMS cannot check a string's "${check.check}" (extend cms/schema-fields.ts)`);
		}
	}
	if (min !== undefined || max !== undefined) {
		const range = `{${min ?? 0},${max ?? ''}}`;
		// zod trims first, then counts: the trimmed text (first to last non-space character) must fit the range.
		parts.push(trimmed ? `\\s*(?=\\S)[\\s\\S]${range}(?<=\\S)\\s*$` : `[\\s\\S]${range}$`);
	}
	if (parts.length === 0) return {};
	return { pattern: [`^${parts.join('')}`, [...new Set(messages)].join('; ')] };
}

/** What zod says when a required string is empty (its min_length message), if it says anything. */
function requiredMessage(schema: Schema): string | undefined {
	for (const { _zod } of schema.def.checks ?? []) {
		if (_zod.def.check === 'min_length') {
			const message = _zod.def.error?.({});
			if (typeof message === 'string') return message;
		}
	}
	return undefined;
}

function isEmptyList(value: unknown): boolean {
	return Array.isArray(value) && value.length === 0;
}

/** "pubDate" → "Pub date": a label for a field no look names. */
function sentenceCase(name: string): string {
	const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
	return words.charAt(0).toUpperCase() + words.slice(1);
}
