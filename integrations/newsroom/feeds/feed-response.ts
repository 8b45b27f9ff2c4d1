import { getRssString } from '@astrojs/rss';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getImage } from 'astro:assets';
import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import { AstroError } from 'astro/errors';
import config from 'virtual:newsroom/config';
import { excerptOf, loadContentSet, type Article } from '../content/content-set.ts';
import { liveEntryAnchor } from '../content/published.ts';
import { logoUrl, urls } from '../core/site.ts';
import FeedArticleBody from './FeedArticleBody.astro';
import { toFeedHtml } from './feed-html.ts';
import { toFeedItem, toFeedOptions, withStylesheet, type FeedArticle, type FeedImage } from './rss.ts';

/** What the feed routes share: each article rendered once as a feed item, and a feed of any article list. */

/** Site path of the CSS that makes a feed readable in a browser (served by the integration). */
const feedStylesheet = `${urls.home}feed.css`;
/** Widest hero rendition in feeds: enough for any reader's column, small enough to fetch on a phone. */
const FEED_IMAGE_WIDTH = 1200;

/**
 * One RSS feed: the newest `feeds.items` of `articles` (already the published set, newest first) under a channel
 * that follows the page at `page` and lives at `feed` (both site paths).
 */
export async function feedResponse({
	title,
	description,
	page,
	feed,
	articles,
}: {
	title: string;
	description: string;
	page: string;
	feed: string;
	articles: readonly Article[];
}): Promise<Response> {
	const newest = feedArticles(articles);
	const items = (await Promise.all(newest.map(feedArticleOf))).map((article) => toFeedItem(article, config.timeZone));
	const xml = withStylesheet(await getRssString(
		toFeedOptions(
			{
				title,
				description,
				link: urls.absolute(page),
				self: urls.absolute(feed),
				language: config.language,
				lastChanged: await lastChange(newest),
				timeZone: config.timeZone,
				ttlMinutes: config.feeds.ttlMinutes,
				logo: logoUrl,
			},
			items,
		),
	), feedStylesheet);
	return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}

/** A feed's incremental-build cache key: the articles it carries, their live entries, and `extra`. */
export async function feedCacheKey(articles: readonly Article[], extra = ''): Promise<string> {
	const { cacheKey, liveKey } = await loadContentSet();
	const carried = feedArticles(articles);
	return cacheKey(carried, `feed${extra}${liveKey(carried)}`);
}

/** The articles a feed of `articles` carries. */
export function feedArticles(articles: readonly Article[]): readonly Article[] {
	return articles.slice(0, config.feeds.items);
}

/** When the newest change among `articles` happened (publication, update or live entry), if any. */
async function lastChange(articles: readonly Article[]): Promise<Date | undefined> {
	const { lastChanged } = await loadContentSet();
	let last: Date | undefined;
	for (const article of articles) {
		const changed = lastChanged(article);
		if (!last || changed > last) last = changed;
	}
	return last;
}

let container: Promise<AstroContainer> | undefined;
const items = new Map<string, Promise<FeedArticle>>();

/** An article as feeds carry it, rendered once per build however many feeds (RSS and JSON) carry it. */
export function feedArticleOf(article: Article): Promise<FeedArticle> {
	let item = items.get(article.id);
	if (!item) {
		item = buildItem(article);
		items.set(article.id, item);
	}
	return item;
}

async function buildItem(article: Article): Promise<FeedArticle> {
	const { authors, sections, liveEntries, lastChanged } = await loadContentSet();
	const { title, description, pubDate, hero, dateline, corrections, canonical, tags } = article.data;
	const permalink = urls.absolute(urls.article(article.id));
	const image = hero ? await heroImage(hero) : undefined;
	const figure = hero && image && { src: image.url, width: image.width, height: image.height, ...hero };
	const { Content } = await render(article);
	// A live blog is one item, updated with each entry: its entries follow the body, as on the page.
	const live = await Promise.all(
		(liveEntries.get(article.id) ?? []).map(async (entry) => ({
			Content: (await render(entry)).Content,
			date: entry.data.date,
			headline: entry.data.headline,
			permalink: `${permalink}#${liveEntryAnchor(entry)}`,
		})),
	);
	const html = await (await renderer()).renderToString(FeedArticleBody, {
		props: { Content, hero: figure, dateline, corrections, live },
	});
	const item: FeedArticle = {
		title,
		permalink,
		canonical,
		pubDate,
		updated: lastChanged(article),
		summary: description ?? excerptOf(article),
		contentHtml: toFeedHtml(html, permalink),
		authors: article.data.authors.map((ref) => authors.get(ref.id)!.data.name),
		section: sections.get(article.data.section.id)!.data.name,
		tags,
		image,
		authorUrls: article.data.authors.map((ref) => urls.absolute(urls.author(ref.id))),
	};
	try {
		// Checked once here (number-like text @astrojs/rss would change), so that every feed can write the item.
		toFeedItem(item, config.timeZone);
		return item;
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
