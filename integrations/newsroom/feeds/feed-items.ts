import type { RSSFeedItem } from '@astrojs/rss';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getImage } from 'astro:assets';
import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import { AstroError } from 'astro/errors';
import newsroom from 'virtual:newsroom/config';
import { loadNewsroom, type Article } from '../content/collections.ts';
import { urls } from '../lib/site-urls.ts';
import { excerptOf } from '../recent-posts/recent-posts.ts';
import FeedArticleBody from './FeedArticleBody.astro';
import { toFeedHtml } from './feed-html.ts';
import { toFeedItem, type FeedImage } from './feed-item.ts';

/** Widest hero rendition in feeds: enough for any reader's column, small enough to fetch on a phone. */
const FEED_IMAGE_WIDTH = 1200;

let container: Promise<AstroContainer> | undefined;
const items = new Map<string, Promise<RSSFeedItem>>();

/**
 * An article's feed item, rendered once per build however many feeds (site, section, each author) carry it.
 */
export function feedItemOf(article: Article): Promise<RSSFeedItem> {
	let item = items.get(article.id);
	if (!item) {
		item = buildItem(article);
		items.set(article.id, item);
	}
	return item;
}

async function buildItem(article: Article): Promise<RSSFeedItem> {
	const { authors, sections } = await loadNewsroom();
	const { title, description, pubDate, updatedDate, hero, dateline, corrections, canonical, tags } = article.data;
	const permalink = urls.absolute(urls.article(article.id));
	const image = hero ? await heroImage(hero) : undefined;
	const figure = hero && image && { src: image.url, width: image.width, height: image.height, ...hero };
	const { Content } = await render(article);
	const container = await renderer();
	const html = await container.renderToString(FeedArticleBody, {
		props: { Content, hero: figure, dateline, corrections },
	});
	try {
		return toFeedItem(
			{
				title,
				permalink,
				canonical,
				pubDate,
				updated: updatedDate,
				summary: description ?? excerptOf(article),
				contentHtml: toFeedHtml(html, permalink),
				authors: article.data.authors.map((ref) => authors.get(ref.id)!.data.name),
				section: sections.get(article.data.section.id)!.data.name,
				tags,
				image,
			},
			newsroom.timeZone,
		);
	} catch (error) {
		throw new AstroError(
			`${article.filePath ?? article.id}: cannot be written to the feeds. ${(error as Error).message}`,
		);
	}
}

/** The hero as a JPEG (the one format every feed reader shows), at most FEED_IMAGE_WIDTH wide. */
async function heroImage(hero: NonNullable<Article['data']['hero']>): Promise<FeedImage> {
	const result = await getImage({
		src: hero.image,
		format: 'jpg',
		width: Math.min(hero.image.width, FEED_IMAGE_WIDTH),
	});
	return {
		url: urls.absolute(result.src),
		type: 'image/jpeg',
		width: Number(result.attributes['width']),
		height: Number(result.attributes['height']),
		alt: hero.alt,
		credit: hero.credit,
	};
}

function renderer(): Promise<AstroContainer> {
	container ??= loadRenderers([getContainerRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
	return container;
}
