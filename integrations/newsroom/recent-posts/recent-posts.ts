import newsroom from 'virtual:newsroom/config';
import { loadNewsroom, type Article } from '../content/collections.ts';
import { createUrls } from '../lib/urls.ts';
import { excerpt } from './excerpt.ts';
import { selectRecent } from './select-recent.ts';

export interface RecentPostItem {
	id: string;
	title: string;
	href: string;
	excerpt: string;
	date: Date;
}

const urls = createUrls(newsroom.site);
const candidates = new Map<string, Promise<RecentPostItem[]>>();
const excerpts = new Map<string, string>();

/** An article's teaser (dek, else opening words), computed once per article and length per build. */
export function excerptOf(article: Article, words: number = newsroom.recentPosts.excerptWords): string {
	const key = `${words}|${article.id}`;
	let text = excerpts.get(key);
	if (text === undefined) {
		text = excerpt(
			{ description: article.data.description, body: article.body, mdx: article.filePath?.endsWith('.mdx') ?? false },
			words,
		);
		excerpts.set(key, text);
	}
	return text;
}

/**
 * The Recent Posts items for one page. The newest `count + 1` articles (per section and excerpt length) are
 * selected and excerpted once per build; each page then only drops its own article: O(count) per page.
 */
export async function recentPosts({
	count,
	excerptWords,
	section,
	exclude,
}: {
	count: number;
	excerptWords: number;
	section?: string | undefined;
	exclude?: string | undefined;
}): Promise<RecentPostItem[]> {
	const key = `${section ?? '*'}|${count}|${excerptWords}`;
	let items = candidates.get(key);
	if (!items) {
		items = loadNewsroom().then(({ articles }) =>
			selectRecent(articles, { count: count + 1, section }).map((article) => toItem(article, excerptWords)),
		);
		candidates.set(key, items);
	}
	return (await items).filter((item) => item.id !== exclude).slice(0, count);
}

function toItem(article: Article, excerptWords: number): RecentPostItem {
	return {
		id: article.id,
		title: article.data.title,
		href: urls.article(article.id),
		excerpt: excerptOf(article, excerptWords),
		date: article.data.pubDate,
	};
}
