// The content model (`@newsroom/astro/content`): the collections helper for `src/content.config.ts`, the schemas
// and loaders it is made of, and the published set pages read.
export { defineNewsroomCollections } from './content/collections.ts';
export { articleSchema, authorSchema, sectionSchema, zonedDate } from './content/schemas.ts';
export { articlesLoader, checkedGlob } from './content/loaders.ts';
export { excerptOf, readingTimeOf, loadContentSet, type Article, type Author, type ContentSet, type Section } from './content/content-set.ts';
