import { tagSlug } from '../lib/urls.ts';

interface Groupable {
	data: { authors: { id: string }[]; section: { id: string }; tags: string[] };
}

/**
 * Index a newest-first article list by author, section and tag (by tag slug, with the first spelling seen
 * as its display name). One pass; each list keeps the newest-first order.
 */
export function groupArticles<T extends Groupable>(articles: readonly T[]) {
	const byAuthor = new Map<string, T[]>();
	const bySection = new Map<string, T[]>();
	const byTag = new Map<string, { name: string; articles: T[] }>();
	const push = <K>(map: Map<K, T[]>, key: K, article: T) => {
		const list = map.get(key);
		if (list) list.push(article);
		else map.set(key, [article]);
	};
	for (const article of articles) {
		for (const author of article.data.authors) push(byAuthor, author.id, article);
		push(bySection, article.data.section.id, article);
		for (const tag of new Set(article.data.tags.map(tagSlug))) {
			const name = article.data.tags.find((t) => tagSlug(t) === tag)!;
			const group = byTag.get(tag);
			if (group) group.articles.push(article);
			else byTag.set(tag, { name, articles: [article] });
		}
	}
	return { byAuthor, bySection, byTag };
}
