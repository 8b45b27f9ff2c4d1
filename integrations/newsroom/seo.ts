// What a site's layouts and pages use for SEO (`@newsroom/astro/seo`); SeoHead is in `@newsroom/astro/components`.
export { articleSeo, homeSeo, type PageSeo } from './seo/page-seo.ts';
export type { ArticleOpenGraph, SocialImage } from './seo/head.ts';
export { serializeJsonLd } from './core/text.ts';
// Being found on the site itself: what makes an article page searchable.
export { searchAttributes } from './search/facts.ts';
