/** A robots.txt that lets every crawler in and lists the sitemaps (absolute URLs). */
export function robotsTxt(sitemaps: readonly string[]): string {
	return ['User-agent: *', 'Allow: /', '', ...sitemaps.map((url) => `Sitemap: ${url}`), ''].join('\n');
}
