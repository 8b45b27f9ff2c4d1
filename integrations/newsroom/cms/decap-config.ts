/**
 * The Decap CMS configuration (`/admin/config.yml`), generated from the options and the content schemas: where
 * each collection's files live, how new ones are named, where images go and how files refer to them, and the
 * fields (cms/schema-fields.ts). Pure: options in, configuration out.
 */
import { posix } from 'node:path';
import { z } from 'astro/zod';
import { articleSchema, authorSchema, breakingSchema, sectionSchema } from '../content/schemas.ts';
import type { NewsroomOptions } from '../options.ts';
import { looks } from './looks.ts';
import { FOLDER_KEYS, FORMATS } from './names.ts';
import { type CmsField, fieldsOf, type FieldContext } from './schema-fields.ts';

export type CmsOptions = NonNullable<NewsroomOptions['cms']>;

/** The site facts the configuration needs. */
export interface CmsSite {
	/** The content folder, relative to the project (and repository) root, "/"-separated: "src/content". */
	contentDir: string;
	timeZone: string;
	/** The site's absolute URL. */
	site: string;
	/** The logo's URL path on the site, shown on the sign-in page. */
	logo: string;
}

/** Articles are filed by the year and month of their publish date, named after the headline (see FOLDER_KEYS). */
export const ARTICLE_PATH = `{{${FOLDER_KEYS.year}}}/{{${FOLDER_KEYS.month}}}/{{slug}}`;

export function decapConfig(cms: CmsOptions, site: CmsSite): Record<string, unknown> {
	const contentDir = trimSlashes(site.contentDir);
	const media = (entryFolder: string) => ({
		media_folder: `/${trimSlashes(cms.mediaFolder)}`,
		// `image()` reads paths relative to the entry file: "../../../../assets/images/x.jpg" from articles/YYYY/MM/.
		public_folder: posix.relative(entryFolder, trimSlashes(cms.mediaFolder)),
	});
	const { backend } = cms;
	return {
		backend: {
			name: backend.name,
			repo: backend.repo,
			branch: backend.branch,
			...(backend.baseUrl ? { base_url: backend.baseUrl } : {}),
			...(backend.authEndpoint ? { auth_endpoint: backend.authEndpoint } : {}),
			...(backend.apiRoot ? { api_root: backend.apiRoot } : {}),
			...(backend.authType ? { auth_type: backend.authType } : {}),
			...(backend.appId ? { app_id: backend.appId } : {}),
			squash_merges: true,
		},
		publish_mode: cms.publishMode,
		// Only used when the CMS is opened on localhost and `decap-server` answers (`astro dev` starts it); the local
		// backend writes straight to the files, so Decap falls back to simple publishing there.
		...(cms.localBackendPort ? { local_backend: { url: `http://127.0.0.1:${cms.localBackendPort}/api/v1` } } : {}),
		site_url: site.site,
		display_url: site.site,
		logo_url: site.logo,
		media_folder: trimSlashes(cms.mediaFolder),
		public_folder: `/${trimSlashes(cms.mediaFolder)}`,
		slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
		collections: [
			{
				name: 'articles',
				label: 'Articles',
				label_singular: 'Article',
				description: 'Markdown articles (MDX articles are edited in code).',
				folder: `${contentDir}/articles`,
				extension: 'md',
				format: FORMATS.frontMatter,
				create: true,
				path: ARTICLE_PATH,
				slug: '{{slug}}',
				summary: "{{title}} · {{fields.pubDate | date('D MMM YYYY')}}",
				sortable_fields: ['pubDate', 'title'],
				view_filters: [{ label: 'Drafts', field: 'draft', pattern: true }],
				view_groups: [{ label: 'Section', field: 'section' }],
				...media(`${contentDir}/articles/YYYY/MM`),
				fields: [...articleFields(site.timeZone), { name: 'body', label: 'Body', widget: 'markdown', required: false }],
			},
			{
				name: 'authors',
				label: 'Authors',
				label_singular: 'Author',
				folder: `${contentDir}/authors`,
				extension: 'yaml',
				format: FORMATS.yaml,
				create: true,
				identifier_field: 'name',
				slug: '{{slug}}',
				...media(`${contentDir}/authors`),
				fields: authorFields(site.timeZone),
			},
			{
				name: 'sections',
				label: 'Sections',
				label_singular: 'Section',
				folder: `${contentDir}/sections`,
				extension: 'yaml',
				format: FORMATS.yaml,
				create: true,
				identifier_field: 'name',
				slug: '{{slug}}',
				sortable_fields: ['order', 'name'],
				fields: fieldsOf(sectionSchema, context('sections', site.timeZone)),
			},
			{
				// One file: an editor changes the text or the expiry (a time in the past takes the banner down).
				name: 'breaking',
				label: 'Breaking news',
				description: 'The banner above the masthead on every page, until it expires.',
				format: FORMATS.yaml,
				files: [
					{
						name: 'breaking',
						label: 'Breaking-news banner',
						file: `${contentDir}/breaking.yaml`,
						fields: fieldsOf(breakingSchema(site.timeZone), context('breaking', site.timeZone)),
					},
				],
			},
		],
	};
}

/** Stand-ins for what Astro passes the schema functions: the walk recognises them by identity. */
const markers = { image: z.string(), author: z.string(), section: z.string() };

function context(collection: keyof typeof looks, timeZone: string): FieldContext {
	return {
		image: markers.image,
		references: new Map([
			[markers.author, { collection: 'authors', display: 'name' }],
			[markers.section, { collection: 'sections', display: 'name' }],
		]),
		timeZone,
		looks: looks[collection],
	};
}

/** The article's fields, from the article schema. */
export function articleFields(timeZone: string): CmsField[] {
	const schema = articleSchema({ image: () => markers.image, author: markers.author, section: markers.section, timeZone });
	return fieldsOf(schema, context('articles', timeZone));
}

/** The author's fields, from the author schema. */
export function authorFields(timeZone: string): CmsField[] {
	return fieldsOf(authorSchema({ image: () => markers.image }), context('authors', timeZone));
}

function trimSlashes(path: string): string {
	return posix.normalize(path.replace(/\\/g, '/')).replace(/^\.\/|^\/+|\/+$/g, '');
}
