/** The `<loc>` URLs of a parsed sitemap (`urlset`) or sitemap index (`sitemapindex`). */
export function sitemapLocs(document: Record<string, unknown>): string[] {
	const root = (document['urlset'] ?? document['sitemapindex']) as Record<string, unknown> | undefined;
	const entries = root?.['url'] ?? root?.['sitemap'] ?? [];
	return (Array.isArray(entries) ? entries : [entries]).flatMap((entry) => {
		const loc = (entry as Record<string, unknown> | undefined)?.['loc'];
		return typeof loc === 'string' ? [loc] : [];
	});
}
