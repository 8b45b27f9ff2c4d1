import { publisherJsonLd, type Publisher } from './publisher-json-ld.ts';

/** What an article page knows about its story, ready for JSON-LD (absolute URLs, ISO 8601 dates with offset). */
export interface NewsArticleFacts {
	/** The canonical URL of the story. */
	url: string;
	headline: string;
	description: string;
	datePublished: string;
	dateModified: string;
	authors: readonly { name: string; url: string }[];
	section: string;
	keywords: readonly string[];
	/** The hero in several aspect ratios (Google asks for 16:9, 4:3 and 1:1). */
	images: readonly { url: string; width: number; height: number }[];
	/** Where the story was filed from, e.g. "XI'AN, China". */
	dateline?: string | undefined;
	/** BCP 47 language of the text. */
	inLanguage: string;
	publisher: Publisher;
}

/** A schema.org NewsArticle as Google's article structured data documents it. */
export function newsArticleJsonLd(facts: NewsArticleFacts) {
	const { url, headline, description, datePublished, dateModified, authors, section, keywords, images, dateline } =
		facts;
	return {
		'@context': 'https://schema.org',
		'@type': 'NewsArticle',
		'@id': `${url}#article`,
		mainEntityOfPage: { '@type': 'WebPage', '@id': url },
		url,
		headline,
		description,
		...(images.length > 0
			? {
					image: images.map((image) => ({
						'@type': 'ImageObject',
						url: image.url,
						width: image.width,
						height: image.height,
					})),
				}
			: {}),
		datePublished,
		dateModified,
		author: authors.map((author) => ({ '@type': 'Person', name: author.name, url: author.url })),
		publisher: publisherJsonLd(facts.publisher),
		articleSection: section,
		...(keywords.length > 0 ? { keywords: [...keywords] } : {}),
		...(dateline ? { dateline, locationCreated: { '@type': 'Place', name: dateline } } : {}),
		inLanguage: facts.inLanguage,
	};
}
