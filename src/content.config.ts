import { defineCollection, reference } from 'astro:content';
import { articleSchema, articlesLoader, authorSchema, checkedGlob, sectionSchema } from '@newsroom/astro/schemas';
import newsroom from 'virtual:newsroom/config';

// NEWSROOM_CONTENT_DIR points the build at another content folder (benchmarks, fixtures); normally unset.
const contentDir = process.env['NEWSROOM_CONTENT_DIR'] ?? 'src/content';

// Created once: the article schema reuses everything but the hero across entries (see articleSchema).
const author = reference('authors');
const section = reference('sections');

const articles = defineCollection({
	loader: articlesLoader({
		base: `${contentDir}/articles`,
		buildTime: newsroom.buildTime,
		timeZone: newsroom.timeZone,
	}),
	schema: ({ image }) => articleSchema({ image, author, section, timeZone: newsroom.timeZone }),
});

const authors = defineCollection({
	loader: checkedGlob({ base: `${contentDir}/authors`, pattern: '*.{yaml,yml}' }),
	schema: ({ image }) => authorSchema({ image }),
});

const sections = defineCollection({
	loader: checkedGlob({ base: `${contentDir}/sections`, pattern: '*.{yaml,yml}' }),
	schema: sectionSchema,
});

export const collections = { articles, authors, sections };
