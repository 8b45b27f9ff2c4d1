import config from 'virtual:newsroom/config';
import { excerptOf, loadContentSet, type Article, type LiveEntry } from '../content/content-set.ts';
import { bodyText, truncateWords } from '../content/excerpt.ts';
import { liveEntryAnchor } from '../content/published.ts';
import { toZonedIso } from '../core/dates.ts';
import { logoUrl, publication, urls } from '../core/site.ts';
import { heroImages } from '../images/hero-images.ts';
import type { ArticleOpenGraph, SocialImage } from './head.ts';
import { breadcrumbListJsonLd, homeJsonLd, liveBlogPostingJsonLd, newsArticleJsonLd, type LiveUpdateFacts } from './json-ld.ts';

/** What a page adds to SeoHead beyond its title and description. */
export interface PageSeo {
	/** Absolute canonical URL, when it is not the page's own URL. */
	canonical?: string | undefined;
	/** The link-preview image; defaults to the site's. */
	image?: SocialImage | undefined;
	/** Makes the page `og:type=article` with the `article:*` tags. */
	article?: ArticleOpenGraph | undefined;
	/** JSON-LD blocks, one script element each. */
	jsonLd?: readonly object[] | undefined;
}

/** The link-preview image of pages that have none of their own: the logo. */
export const siteImage: SocialImage = { url: logoUrl, ...config.logoImage, alt: config.name };

/** The home page's SEO: the publication (NewsMediaOrganization) and WebSite JSON-LD. */
export function homeSeo(): PageSeo {
	return { jsonLd: homeJsonLd({ publisher: publication, description: config.description, inLanguage: config.locale }) };
}

/**
 * An article page's SEO: canonical URL (the article's override, else its own), the 1200×630 share image,
 * the Open Graph `article:*` facts, and NewsArticle + BreadcrumbList JSON-LD.
 */
export async function articleSeo(article: Article): Promise<PageSeo> {
	const { authors: authorMap, sections, liveEntries, lastChanged } = await loadContentSet();
	const { title, description, pubDate, hero, tags, dateline, live } = article.data;
	const own = urls.absolute(urls.article(article.id));
	const canonical = article.data.canonical ?? own;
	const section = sections.get(article.data.section.id)!;
	const authorOf = (ref: { id: string }) => {
		const author = authorMap.get(ref.id)!;
		return { name: author.data.name, url: urls.absolute(urls.author(author.id)) };
	};
	const authors = article.data.authors.map(authorOf);
	const entries = liveEntries.get(article.id) ?? [];
	const images = await heroImages(article);
	const publishedTime = toZonedIso(pubDate, config.timeZone);
	// A live blog changes with each entry.
	const modifiedTime = toZonedIso(lastChanged(article), config.timeZone);
	const facts = {
		url: canonical,
		headline: title,
		description: description ?? excerptOf(article),
		datePublished: publishedTime,
		dateModified: modifiedTime,
		authors,
		section: section.data.name,
		keywords: tags,
		images: images?.crops ?? [],
		dateline,
		inLanguage: config.locale,
		publisher: publication,
		kind: article.data.kind,
	};
	const update = (entry: LiveEntry): LiveUpdateFacts => {
		const text = bodyText(entry.body ?? '', { mdx: false });
		return {
			url: `${canonical}#${liveEntryAnchor(entry)}`,
			headline: entry.data.headline ?? truncateWords(text, 12),
			datePublished: toZonedIso(entry.data.date, config.timeZone),
			articleBody: text,
			authors: (entry.data.authors ?? article.data.authors).map(authorOf),
		};
	};
	const newestFirst = [...entries].sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
	const ended = live?.status === 'ended' ? (live.endedAt ?? newestFirst[0]?.data.date ?? pubDate) : undefined;
	return {
		canonical,
		image: images && hero ? { ...images.openGraph, type: 'image/jpeg', alt: hero.alt } : undefined,
		article: {
			publishedTime,
			modifiedTime,
			authors: authors.map((author) => author.url),
			section: section.data.name,
			tags,
		},
		jsonLd: [
			live
				? liveBlogPostingJsonLd(facts, {
						coverageStartTime: publishedTime,
						coverageEndTime: ended && toZonedIso(ended, config.timeZone),
						updates: newestFirst.map(update),
					})
				: newsArticleJsonLd(facts),
			breadcrumbListJsonLd([
				{ name: config.name, url: config.site },
				{ name: section.data.name, url: urls.absolute(urls.section(section.id)) },
				{ name: title, url: own },
			]),
		],
	};
}
