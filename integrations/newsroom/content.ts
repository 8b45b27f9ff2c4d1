// The content model (`@newsroom/astro/content`): the collections helper for `src/content.config.ts`, the schemas
// and loaders it is made of, and the published set pages read.
export { defineNewsroomCollections } from './content/collections.ts';
export { articleSchema, authorSchema, breakingSchema, liveEntrySchema, sectionSchema, STORY_KINDS, zonedDate } from './content/schemas.ts';
export { articlesLoader, checkedGlob, liveEntriesLoader } from './content/loaders.ts';
export { liveEntryAnchor } from './content/published.ts';
export {
	excerptOf,
	loadContentSet,
	readingTimeOf,
	type Article,
	type Author,
	type Breaking,
	type ContentSet,
	type LiveEntry,
	type Section,
} from './content/content-set.ts';
