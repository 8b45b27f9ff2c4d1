// The site's URLs (`@newsroom/astro/urls`): every page, feed and sitemap builds its links with these.
export { urls } from './core/site.ts';
export { tagSlug } from './core/urls.ts';
