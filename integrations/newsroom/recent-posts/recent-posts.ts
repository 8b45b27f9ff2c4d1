import { loadContentSet, excerptOf, type Article } from '../content/content-set.ts';
import { urls } from '../core/site.ts';
import { selectRecent } from './lists.ts';

export interface RecentPostItem {
	id: string;
	title: string;
	href: string;
	excerpt: string;
	date: Date;
}

const candidates = new Map<string, Promise<RecentPostItem[]>>();

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
		items = loadContentSet().then(({ articles }) =>
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
