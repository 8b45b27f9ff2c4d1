/** A page URL with or without its trailing slash gives one key, whatever the site's `trailingSlash` setting. */
export function sitemapKey(url: string): string {
	return url.endsWith('/') ? url.slice(0, -1) : url;
}
