import newsroom from 'virtual:newsroom/config';
import { homeJsonLd } from './home-json-ld.ts';
import type { PageSeo } from './page-seo.ts';
import { publisher } from './site-publisher.ts';

/** The home page's SEO: the publication (NewsMediaOrganization) and WebSite JSON-LD. */
export function homeSeo(): PageSeo {
	return { jsonLd: homeJsonLd({ publisher, description: newsroom.description, inLanguage: newsroom.locale }) };
}
