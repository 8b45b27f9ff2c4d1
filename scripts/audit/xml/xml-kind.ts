/** What an XML file of a built site is, by its root element. */
export type XmlKind = 'feed' | 'sitemap' | 'sitemap index' | 'other';

/** The kind of a parsed XML document (see parse-xml.ts): RSS, Atom and RSS 1.0 are feeds; urlset and sitemapindex are sitemaps. */
export function xmlKind(document: Record<string, unknown>): XmlKind {
	const root = Object.keys(document).find((key) => !key.startsWith('?') && !key.startsWith('#'));
	if (root === 'rss' || root === 'feed' || root === 'rdf:RDF') return 'feed';
	if (root === 'urlset') return 'sitemap';
	if (root === 'sitemapindex') return 'sitemap index';
	return 'other';
}
