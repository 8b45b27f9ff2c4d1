import type { SitemapData } from './sitemap-data.ts';

/** The build artefact `/_newsroom/seo-data.json`, from the published set to `astro:build:done`. */
export interface SeoData {
	sitemap: SitemapData;
	/** Files of articles whose hero is under 1200×1200 px, so some crops are narrower than 1200 px. */
	smallHeroes: string[];
}
