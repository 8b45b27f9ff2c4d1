import { XMLBuilder } from 'fast-xml-parser';

/** One story in the news sitemap: absolute URL, headline, W3C datetime with offset. */
export interface NewsSitemapEntry {
	url: string;
	title: string;
	publicationDate: string;
}

/** `news:publication`: the name Google News knows the publication by, and its ISO 639 language code. */
export interface NewsPublication {
	name: string;
	language: string;
}

const builder = new XMLBuilder({ ignoreAttributes: false, format: true, indentBy: '\t' });
// Characters XML 1.0 forbids even when escaped: one in a headline would make the whole sitemap unreadable.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** A Google News sitemap (sitemaps.org `urlset` with the `news:` extension); an empty list gives an empty urlset. */
export function newsSitemapXml(entries: readonly NewsSitemapEntry[], publication: NewsPublication): string {
	const clean = (text: string) => text.replace(NOT_XML, '');
	return builder.build({
		'?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
		urlset: {
			'@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
			'@_xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
			url: entries.map((entry) => ({
				loc: entry.url,
				'news:news': {
					'news:publication': { 'news:name': clean(publication.name), 'news:language': publication.language },
					'news:publication_date': entry.publicationDate,
					'news:title': clean(entry.title),
				},
			})),
		},
	});
}
