import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const contentDir = process.env['NEWSROOM_CONTENT_DIR'];
if (!contentDir) throw new Error('Set NEWSROOM_CONTENT_DIR to the generated content folder.');

const articles = defineCollection({
	// The generated live blog's entries (`live-blog.live/`) are not articles: a bare blog has no live blogs.
	loader: glob({ base: `${contentDir}/articles`, pattern: ['**/*.md', '!**/*.live/**'] }),
	// Only what the baseline renders; the other frontmatter fields pass through unchecked.
	schema: z.looseObject({ title: z.string(), pubDate: z.coerce.date(), description: z.string().optional() }),
});

export const collections = { articles };
