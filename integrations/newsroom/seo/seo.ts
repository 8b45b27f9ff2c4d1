// What a site's layouts and pages use for SEO (`@newsroom/astro/seo`); SeoHead is in `@newsroom/astro/components`.
export { articleSeo } from './article-seo.ts';
export { homeSeo } from './home-seo.ts';
export type { PageSeo } from './page-seo.ts';
export type { ArticleOpenGraph, SocialImage } from './head-metadata.ts';
export { serializeJsonLd } from './serialize-json-ld.ts';
