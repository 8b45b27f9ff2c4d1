// The site's URLs (`@newsroom/astro/urls`): every page, feed and sitemap builds its links with these.
export { urls } from './core/site.ts';
export { tagSlug } from './core/urls.ts';
// Every feed of the site (the /feeds/ page), and whether a topic has one.
export { feedGroups, hasTagFeed, type FeedLink } from './feeds/feed-list.ts';
