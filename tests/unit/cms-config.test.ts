import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { articleFields, authorFields, decapConfig } from '../../integrations/newsroom/cms/decap-config.ts';
import { looks } from '../../integrations/newsroom/cms/looks.ts';
import { type CmsField, fieldsOf } from '../../integrations/newsroom/cms/schema-fields.ts';
import { articleSchema, authorSchema, breakingSchema, sectionSchema } from '../../integrations/newsroom/content/schemas.ts';
import { resolveOptions } from '../../integrations/newsroom/options.ts';

/**
 * The CMS's configuration is generated from the content schemas (cms/schema-fields.ts). These walk the schemas
 * independently, the way tests/unit/docs-options.test.ts walks the options: a schema field without a CMS field, or
 * a CMS field (or look) the schema does not have, fails.
 */
type Node = { def: { type: string; shape?: Record<string, Node>; innerType?: Node; element?: Node } };

/** Dotted paths of every field: nested objects by key, list items as `[]`. */
function schemaPaths(schema: Node, prefix = ''): string[] {
	const { def } = schema;
	switch (def.type) {
		case 'optional':
		case 'default':
			return schemaPaths(def.innerType!, prefix);
		case 'object':
			return Object.entries(def.shape!).flatMap(([key, value]) => {
				const path = prefix ? `${prefix}.${key}` : key;
				return [path, ...schemaPaths(value, path)];
			});
		case 'array':
			return schemaPaths(def.element!, `${prefix}[]`);
		default:
			return [];
	}
}

function cmsPaths(fields: readonly CmsField[], prefix = ''): string[] {
	return fields.flatMap((field) => {
		const path = prefix ? `${prefix}.${field.name}` : field.name;
		const nested = field.fields ? cmsPaths(field.fields, field.widget === 'list' ? `${path}[]` : path) : [];
		return [path, ...nested];
	});
}

const image = z.string();
const reference = z.string();
const schemas = {
	articles: articleSchema({ image: () => image, author: reference, section: reference, timeZone: 'UTC' }),
	authors: authorSchema({ image: () => image }),
	sections: sectionSchema,
	breaking: breakingSchema('UTC'),
};

const options = resolveOptions({
	name: 'The Daily',
	timeZone: 'Asia/Kuala_Lumpur',
	consent: { contact: 'privacy@daily.example' },
	cms: { backend: { name: 'github', repo: 'daily/site' }, mediaFolder: 'src/assets/heroes' },
});
const config = decapConfig(options.cms!, {
	contentDir: 'src/content',
	timeZone: options.timeZone,
	site: 'https://daily.example/',
	logo: '/logo.png',
}) as { collections: { name: string; fields: CmsField[]; files?: { fields: CmsField[] }[]; [key: string]: unknown }[] };
const collection = (name: string) => config.collections.find((candidate) => candidate.name === name)!;
/** A folder collection's fields, or its one file's (the breaking-news banner). */
const fieldsOfCollection = (name: string) => collection(name).fields ?? collection(name).files![0]!.fields;

describe('the generated CMS configuration covers the schemas', () => {
	it('walks the schemas (a sanity check on the walk itself)', () => {
		expect(schemaPaths(schemas.articles as unknown as Node)).toEqual(
			expect.arrayContaining(['title', 'hero.alt', 'corrections[].date', 'canonical']),
		);
	});

	for (const name of ['articles', 'authors', 'sections', 'breaking'] as const) {
		it(`has a CMS field for every ${name} schema field, and none the schema lacks`, () => {
			const expected = schemaPaths(schemas[name] as unknown as Node);
			const generated = cmsPaths(fieldsOfCollection(name)).filter((path) => path !== 'body');
			expect(generated).toEqual(expected);
		});

		it(`has no look (label, help) for a ${name} field the schema lacks`, () => {
			const known = new Set(schemaPaths(schemas[name] as unknown as Node));
			expect(Object.keys(looks[name]).filter((path) => !known.has(path))).toEqual([]);
		});
	}

	it('gives articles a Markdown body and the YYYY/MM/<slug> path below the content folder', () => {
		const articles = collection('articles');
		expect(articles.fields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
		expect(articles).toMatchObject({
			folder: 'src/content/articles',
			extension: 'md',
			path: '{{newsroom_year}}/{{newsroom_month}}/{{slug}}',
			media_folder: '/src/assets/heroes',
			// What `image()` reads: a path relative to src/content/articles/YYYY/MM/<slug>.md.
			public_folder: '../../../../assets/heroes',
		});
		expect(collection('authors')).toMatchObject({ folder: 'src/content/authors', public_folder: '../../assets/heroes' });
	});

	it('turns a field the schemas gain into a CMS field (e.g. a kicker)', () => {
		const extended = (schemas.articles as unknown as z.ZodObject).safeExtend({
			kicker: z.array(z.string().regex(/^[A-Z]/, 'expected a capital')).default([]),
		});
		const references = new Map([[reference, { collection: 'authors', display: 'name' }]]);
		const fields = fieldsOf(extended, { image, references, timeZone: 'UTC', looks: {} });
		expect(fields.find((field) => field.name === 'kicker')).toEqual({
			name: 'kicker',
			label: 'Kicker',
			widget: 'list',
			required: false,
		});
	});

	it('edits the old addresses (aliases) the WordPress importer writes', () => {
		expect(collection('articles').fields.find((field) => field.name === 'aliases')).toMatchObject({
			name: 'aliases',
			widget: 'list',
			required: false,
		});
	});

	it('fails, naming the field, on a kind of schema it cannot map rather than leaving the field out', () => {
		const schema = z.object({ title: z.string(), wordCount: z.bigint() });
		expect(() => fieldsOf(schema, { image, references: new Map(), timeZone: 'UTC', looks: {} })).toThrow(
			'wordCount: the CMS has no field for a zod bigint',
		);
	});
});

describe('the editor refuses what the build refuses', () => {
	const fields = articleFields('Asia/Kuala_Lumpur');
	const field = (path: string) => {
		const [name, child] = path.split('.');
		const top = fields.find((candidate) => candidate.name === name)!;
		return child ? top.fields!.find((candidate) => candidate.name === child)! : top;
	};

	it('requires what the schema requires', () => {
		expect(
			fields.filter((candidate) => candidate.required).map((candidate) => candidate.name),
		).toEqual(['title', 'pubDate', 'authors', 'section']);
		expect(field('authors')).toMatchObject({ widget: 'relation', collection: 'authors', multiple: true, min: 1 });
		expect(field('section')).toMatchObject({ widget: 'relation', collection: 'sections', multiple: false });
	});

	it('reads and writes dates as wall-clock time in the site zone, in the sample articles’ format', () => {
		expect(field('pubDate')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD HH:mm', picker_utc: false });
		expect(field('pubDate').hint).toContain('Time in Asia/Kuala_Lumpur');
	});

	it('asks for the hero’s alt text (and image) once the hero holds anything, with the schema’s message', () => {
		expect(field('hero')).toMatchObject({ widget: 'object', required: false });
		expect(field('hero.alt')).toMatchObject({
			widget: 'newsroom-string',
			required: false,
			newsroom_required_with: 'hero',
			newsroom_required_message: 'hero.alt (describe the image for readers who cannot see it) must not be empty',
		});
		expect(field('hero.image')).toMatchObject({ widget: 'newsroom-image', newsroom_required_with: 'hero' });
		expect(field('hero.caption')).toMatchObject({ widget: 'string', required: false });
	});

	// Each string field's pattern (Decap tests it with `RegExp(pattern)`, no flags) against zod, on hostile input.
	const hostile = [
		'',
		' ',
		'\t\n ',
		'x',
		'  padded  ',
		'a'.repeat(200),
		'a'.repeat(201),
		` ${'a'.repeat(200)} `,
		`\u00a0${'a'.repeat(199)}\u2003`,
		'https://example.org/a?b#c',
		'http://example.org',
		'ftp://example.org/file',
		'javascript:alert(1)',
		'https://',
		'example.org',
		'/relative/path',
		'line\nbreak',
		'emoji 📰 '.repeat(30),
	];
	const rawShape = (schemas.articles as unknown as { shape: Record<string, z.ZodType> }).shape;
	for (const name of ['title', 'description', 'dateline', 'canonical'] as const) {
		it(`checks ${name} as zod does`, () => {
			const [pattern] = field(name).pattern!;
			const schema = rawShape[name]!;
			for (const value of hostile) {
				if (value === '' && !field(name).required) continue; // an empty optional field is dropped on save
				expect({ value, accepted: new RegExp(pattern).test(value) }).toEqual({
					value,
					accepted: schema.safeParse(value).success,
				});
			}
		});
	}

	it('checks author links as zod does', () => {
		const url = authorFields('UTC')
			.find((candidate) => candidate.name === 'links')!
			.fields!.find((candidate) => candidate.name === 'url')!;
		const schema = z.url();
		for (const value of ['https://example.org', 'mailto:desk@example.org', 'not a url', 'example.org']) {
			expect({ value, accepted: new RegExp(url.pattern![0]).test(value) }).toEqual({
				value,
				accepted: schema.safeParse(value).success,
			});
		}
	});
});
