import { publisherJsonLd, type Publisher } from './publisher-json-ld.ts';

/**
 * The home page's blocks: the publication (NewsMediaOrganization) and the site (WebSite) it publishes,
 * each with `@context` so it stands alone in its own script element.
 */
export function homeJsonLd({
	publisher,
	description,
	inLanguage,
}: {
	publisher: Publisher;
	description: string;
	inLanguage: string;
}) {
	const organization = publisherJsonLd(publisher);
	return [
		{ '@context': 'https://schema.org', ...organization },
		{
			'@context': 'https://schema.org',
			'@type': 'WebSite',
			'@id': `${publisher.url}#website`,
			url: publisher.url,
			name: publisher.name,
			...(description ? { description } : {}),
			inLanguage,
			publisher: { '@id': organization['@id'] },
		},
	];
}
