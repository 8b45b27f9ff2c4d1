/** Content-hashed build assets (`/_astro/*`): a changed file gets a new name, so browsers and CDNs keep it a year. */
export const immutableCacheControl = 'public, max-age=31536000, immutable';

/**
 * Everything whose URL stays the same when its content changes (HTML, feeds, sitemaps, public files): fresh for
 * five minutes, then served stale for up to ten more while the cache fetches the new version — a published story or
 * correction reaches readers within minutes, and a busy front page is still served from the edge.
 */
export const revalidateCacheControl = 'public, max-age=300, stale-while-revalidate=600';
