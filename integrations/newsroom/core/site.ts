import config from 'virtual:newsroom/config';
import { createUrls } from './urls.ts';

/**
 * What page code knows about the site at run time, bound to the configured `site`: its URLs, the build's "now" as
 * a date, and the publication's logo. Components import these instead of rebuilding them.
 */

/** The site's URL builder. */
export const urls = createUrls(config.site);

/** The build's one "now": later articles are embargoed. */
export const buildDate = new Date(config.buildTime);

/** The absolute URL of the publication's logo (JSON-LD, link previews, feed images). */
export const logoUrl = urls.absolute(urls.href(config.logo));

/** The publication as feeds and JSON-LD name it: name, home page and logo with its size. */
export const publication = {
	name: config.name,
	url: config.site,
	logo: { url: logoUrl, width: config.logoImage.width, height: config.logoImage.height },
	sameAs: config.social.sameAs,
};
