import type { ArticleOpenGraph, SocialImage } from './head-metadata.ts';

/** What a page adds to SeoHead beyond its title and description. */
export interface PageSeo {
	/** Absolute canonical URL, when it is not the page's own URL. */
	canonical?: string | undefined;
	/** The link-preview image; defaults to the site's. */
	image?: SocialImage | undefined;
	/** Makes the page `og:type=article` with the `article:*` tags. */
	article?: ArticleOpenGraph | undefined;
	/** JSON-LD blocks, one script element each. */
	jsonLd?: readonly object[] | undefined;
}
