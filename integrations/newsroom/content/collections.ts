import { defineCollection, reference } from 'astro:content';
import config from 'virtual:newsroom/config';
import { articlesLoader, checkedGlob, liveEntriesLoader, singleFileLoader } from './loaders.ts';
import { articleSchema, authorSchema, breakingSchema, liveEntrySchema, sectionSchema } from './schemas.ts';

/**
 * The collections of a newsroom site, for `src/content.config.ts`:
 * `export const collections = defineNewsroomCollections();`. Articles (Markdown and MDX in nested folders),
 * authors and sections (YAML), and the breaking-news banner (`breaking.yaml`, optional) are read from the `contentDir` option's folder with the strict loaders and schemas,
 * dates in the site's time zone, and the build clock deciding what is embargoed.
 */
export function defineNewsroomCollections() {
	const base = config.contentDir.replace(/\/+$/, '');
	// Created once: Astro calls a schema function per entry, and the article schema reuses everything but the hero
	// across entries when the references are the same objects (see `articleSchema`).
	const author = reference('authors');
	const section = reference('sections');
	return {
		articles: defineCollection({
			loader: articlesLoader({ base: `${base}/articles`, buildTime: config.buildTime, timeZone: config.timeZone }),
			schema: ({ image }) => articleSchema({ image, author, section, timeZone: config.timeZone }),
		}),
		// Live blogs' entries, from the `<article>.live/` folders beside the articles.
		liveEntries: defineCollection({
			loader: liveEntriesLoader({ base: `${base}/articles` }),
			schema: liveEntrySchema({ author, timeZone: config.timeZone }),
		}),
		authors: defineCollection({
			loader: checkedGlob({ base: `${base}/authors`, pattern: '*.{yaml,yml}' }),
			schema: ({ image }) => authorSchema({ image }),
		}),
		sections: defineCollection({
			loader: checkedGlob({ base: `${base}/sections`, pattern: '*.{yaml,yml}' }),
			schema: sectionSchema,
		}),
		// The breaking-news banner: one optional file.
		breaking: defineCollection({
			loader: singleFileLoader({ file: `${base}/breaking.yaml`, id: 'breaking' }),
			schema: breakingSchema(config.timeZone),
		}),
	};
}
