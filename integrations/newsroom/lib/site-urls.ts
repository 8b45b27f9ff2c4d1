import newsroom from 'virtual:newsroom/config';
import { createUrls } from './urls.ts';

/** The site's URL builder, bound to the configured `site`. */
export const urls = createUrls(newsroom.site);
export { tagSlug } from './urls.ts';
