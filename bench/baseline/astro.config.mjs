// @ts-check
// The bare Astro baseline of the benchmark: one page per article, a home page and an RSS feed of 20 items.
// Nothing else (no Recent Posts, no section/author/tag pages, no images, no SEO). It reads the same content
// folder as the full site, given by NEWSROOM_CONTENT_DIR.
import { defineConfig } from 'astro/config';

export default defineConfig({
	site: 'https://baseline.example',
	telemetry: false,
});
