import { defineNewsroomCollections } from '@newsroom/astro/content';

// Articles, authors and sections from the `contentDir` option's folder (src/content), with newsroom's schemas.
export const collections = defineNewsroomCollections();
