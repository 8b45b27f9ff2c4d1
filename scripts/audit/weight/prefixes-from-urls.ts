import { ADMIN_PATH } from '../../../integrations/newsroom/cms/names.ts';
import { createUrls } from '../../../integrations/newsroom/core/urls.ts';
import type { PageTypePrefixes } from './page-type.ts';

/**
 * The page-type prefixes of the newsroom's URL scheme, read from its one URL builder (core/urls.ts), at the site
 * root; the CMS's from cms/names.ts.
 */
export function prefixesFromUrls(): PageTypePrefixes {
	const urls = createUrls('https://site.invalid/');
	// Build each URL with a marker id (plain letters, so tag slugging keeps it) and keep what comes before it:
	// "/articles/" from "/articles/pagetypemarker/".
	const marker = 'pagetypemarker';
	const prefix = (build: (id: string) => string) => {
		const url = build(marker);
		return url.slice(0, url.indexOf(marker));
	};
	return {
		article: prefix(urls.article),
		section: prefix(urls.section),
		author: prefix(urls.author),
		tag: prefix(urls.tag),
		search: urls.search,
		cms: ADMIN_PATH,
	};
}
