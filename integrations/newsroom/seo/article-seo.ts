import newsroom from 'virtual:newsroom/config';
import { loadNewsroom, type Article } from '../content/collections.ts';
import { heroImages } from '../images/hero-images.ts';
import { toZonedIso } from '../lib/format-date.ts';
import { urls } from '../lib/site-urls.ts';
import { excerptOf } from '../recent-posts/recent-posts.ts';
import { breadcrumbListJsonLd } from './breadcrumb-json-ld.ts';
import { newsArticleJsonLd } from './news-article-json-ld.ts';
import type { PageSeo } from './page-seo.ts';
import { publisher } from './site-publisher.ts';

/**
 * An article page's SEO: canonical URL (the article's override, else its own), the 1200×630 share image,
 * the Open Graph `article:*` facts, and NewsArticle + BreadcrumbList JSON-LD.
 */
export async function articleSeo(article: Article): Promise<PageSeo> {
	const { authors: authorMap, sections } = await loadNewsroom();
	const { title, description, pubDate, updatedDate, hero, tags, dateline } = article.data;
	const own = urls.absolute(urls.article(article.id));
	const canonical = article.data.canonical ?? own;
	const section = sections.get(article.data.section.id)!;
	const authors = article.data.authors.map((ref) => {
		const author = authorMap.get(ref.id)!;
		return { name: author.data.name, url: urls.absolute(urls.author(author.id)) };
	});
	const images = await heroImages(article);
	const publishedTime = toZonedIso(pubDate, newsroom.timeZone);
	const modifiedTime = toZonedIso(updatedDate ?? pubDate, newsroom.timeZone);
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
			newsArticleJsonLd({
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
				inLanguage: newsroom.locale,
				publisher,
			}),
			breadcrumbListJsonLd([
				{ name: newsroom.name, url: newsroom.site },
				{ name: section.data.name, url: urls.absolute(urls.section(section.id)) },
				{ name: title, url: own },
			]),
		],
	};
}
