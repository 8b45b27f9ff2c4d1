import newsroom from 'virtual:newsroom/config';
import { urls } from '../lib/site-urls.ts';
import type { SocialImage } from './head-metadata.ts';
import type { Publisher } from './publisher-json-ld.ts';

/** The absolute URL of the publication's logo (JSON-LD, link previews, feed images). */
export const logoUrl = urls.absolute(`${urls.home}${newsroom.logo.slice(1)}`);

/** The publication for JSON-LD, from the options (its logo measured when the build started). */
export const publisher: Publisher = {
	name: newsroom.name,
	url: newsroom.site,
	logo: { url: logoUrl, width: newsroom.logoImage.width, height: newsroom.logoImage.height },
	sameAs: newsroom.social.sameAs,
};

/** The link-preview image of pages that have none of their own: the logo. */
export const siteImage: SocialImage = { url: logoUrl, ...newsroom.logoImage, alt: newsroom.name };
