import type { StoryKind } from '../content/schemas.ts';

/**
 * schema.org JSON-LD as Google's structured-data documentation asks for it: the publication (NewsMediaOrganization),
 * the site (WebSite), stories (NewsArticle) and breadcrumbs. Pure: values in, plain objects out; serialized with
 * `serializeJsonLd` (core/text.ts).
 */

/** The publication, as JSON-LD needs it. */
export interface Publisher {
	name: string;
	/** Absolute URL of the home page. */
	url: string;
	/** The logo: absolute URL and its size in pixels. */
	logo: { url: string; width: number; height: number };
	/** The publication's profiles elsewhere (absolute URLs). */
	sameAs: readonly string[];
}

/** The publication as a schema.org NewsMediaOrganization, with an `@id` other blocks refer to. */
function publisherJsonLd({ name, url, logo, sameAs }: Publisher) {
	return {
		'@type': 'NewsMediaOrganization',
		'@id': `${url}#organization`,
		name,
		url,
		logo: { '@type': 'ImageObject', url: logo.url, width: logo.width, height: logo.height },
		...(sameAs.length > 0 ? { sameAs: [...sameAs] } : {}),
	};
}

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
	/** The kind of story (default news): its schema.org type. */
	kind?: StoryKind | undefined;
}

/** The schema.org type of each kind of story (all NewsArticle types Google reads as articles). */
export const ARTICLE_TYPES: Record<StoryKind, string> = {
	news: 'NewsArticle',
	analysis: 'AnalysisNewsArticle',
	opinion: 'OpinionNewsArticle',
	review: 'ReviewNewsArticle',
	sponsored: 'AdvertiserContentArticle',
};

/** A schema.org NewsArticle as Google's article structured data documents it. */
export function newsArticleJsonLd(facts: NewsArticleFacts) {
	const { url, headline, description, datePublished, dateModified, authors, section, keywords, images, dateline } =
		facts;
	return {
		'@context': 'https://schema.org',
		'@type': ARTICLE_TYPES[facts.kind ?? 'news'],
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

/** One entry of a live blog, for `liveBlogUpdate`. */
export interface LiveUpdateFacts {
	/** The entry's permalink (the article's URL and the entry's anchor). */
	url: string;
	/** The entry's headline, else the opening words of its text (Google asks every update for one). */
	headline: string;
	datePublished: string;
	/** The entry as plain text. */
	articleBody: string;
	authors: readonly { name: string; url: string }[];
}

/**
 * A live blog as schema.org `LiveBlogPosting`, as Google's live-coverage rules ask: the article's facts, when the
 * coverage started (`coverageStartTime`) and, once ended, when it ended (`coverageEndTime`), and each entry as a
 * `BlogPosting` in `liveBlogUpdate` (headline, datePublished, articleBody, url, author), newest first.
 */
export function liveBlogPostingJsonLd(
	facts: NewsArticleFacts,
	live: { coverageStartTime: string; coverageEndTime?: string | undefined; updates: readonly LiveUpdateFacts[] },
) {
	return {
		...newsArticleJsonLd(facts),
		'@type': 'LiveBlogPosting',
		coverageStartTime: live.coverageStartTime,
		...(live.coverageEndTime ? { coverageEndTime: live.coverageEndTime } : {}),
		liveBlogUpdate: live.updates.map((update) => ({
			'@type': 'BlogPosting',
			'@id': update.url,
			url: update.url,
			headline: update.headline,
			datePublished: update.datePublished,
			articleBody: update.articleBody,
			author: update.authors.map((author) => ({ '@type': 'Person', name: author.name, url: author.url })),
		})),
	};
}

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

/** A schema.org BreadcrumbList from the trail of pages above this one (absolute URLs), home first. */
export function breadcrumbListJsonLd(trail: readonly { name: string; url: string }[]) {
	return {
		'@context': 'https://schema.org',
		'@type': 'BreadcrumbList',
		itemListElement: trail.map((crumb, index) => ({
			'@type': 'ListItem',
			position: index + 1,
			name: crumb.name,
			item: crumb.url,
		})),
	};
}
