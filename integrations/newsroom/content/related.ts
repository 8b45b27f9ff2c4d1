import { tagSlug } from '../core/urls.ts';

/**
 * Related articles, chosen at build time for every published article at once. The score of a candidate `c` for an
 * article `a` (docs/features.md, Related articles):
 *
 *   score = Σ over topics both carry of ln(1 + N / n(topic))     (a shared rare topic counts more than a common one;
 *                                                                  N published articles, n(topic) of them carry it)
 *         + 1                    if both are in the same section
 *         + 2^(−|days apart| / 30)                               (recency: 1 on the same day, ½ a month apart)
 *
 * Highest score first; ties go to the newer article, then to the smaller id, so every build picks the same links.
 * Candidates come from an inverted index (topic → articles, section → articles, each newest first, and the whole
 * set, so that a story with no topic in common with any other still gets links) and, in each list, only the
 * `window` articles nearest in date on either side: the work grows with N × topics × window, never
 * N², so 50 000 articles stay fast. The article itself is never a candidate, and only the published set is given.
 */

export interface Relatable {
	id: string;
	data: { pubDate: Date; section: { id: string }; tags: string[] };
}

export interface RelatedOptions {
	/** Links per article (at most). */
	count?: number;
	/** Candidates taken on each side of the article in each topic's and the section's newest-first list. */
	window?: number;
}

const DAY_MS = 86_400_000;
const SECTION_WEIGHT = 1;
const RECENCY_HALF_LIFE_DAYS = 30;

/** For each article id, the ids of its related articles, best first. `articles` is the published set, newest first. */
export function relatedArticles<T extends Relatable>(articles: readonly T[], { count = 5, window = 25 }: RelatedOptions = {}): Map<string, T[]> {
	const byTag = new Map<string, T[]>();
	const bySection = new Map<string, T[]>();
	const tagsOf = new Map<T, Set<string>>();
	for (const article of articles) {
		const tags = new Set(article.data.tags.map(tagSlug));
		tagsOf.set(article, tags);
		for (const tag of tags) push(byTag, tag, article);
		push(bySection, article.data.section.id, article);
	}
	// Where each article sits in each list, to find its neighbours without a search.
	const positions = new Map<T[], Map<T, number>>();
	const positionIn = (list: T[], article: T) => {
		let index = positions.get(list);
		if (!index) {
			index = new Map(list.map((entry, position) => [entry, position]));
			positions.set(list, index);
		}
		return index.get(article)!;
	};
	const weight = new Map([...byTag].map(([tag, list]) => [tag, Math.log(1 + articles.length / list.length)]));
	const order = new Map(articles.map((article, index) => [article, index]));
	const all = [...articles];
	const related = new Map<string, T[]>();
	for (const article of articles) {
		const candidates = new Set<T>();
		const lists = [...tagsOf.get(article)!].map((tag) => byTag.get(tag)!);
		// The section's list, and the whole set's: articles nearest in date fill in when few share a topic or section.
		lists.push(bySection.get(article.data.section.id)!, all);
		for (const list of lists) {
			const at = positionIn(list, article);
			for (let index = Math.max(0, at - window); index <= Math.min(list.length - 1, at + window); index++) {
				if (index !== at) candidates.add(list[index]!);
			}
		}
		const own = tagsOf.get(article)!;
		const scored = [...candidates].map((candidate) => {
			let score = 0;
			for (const tag of tagsOf.get(candidate)!) if (own.has(tag)) score += weight.get(tag)!;
			if (candidate.data.section.id === article.data.section.id) score += SECTION_WEIGHT;
			const days = Math.abs(candidate.data.pubDate.getTime() - article.data.pubDate.getTime()) / DAY_MS;
			score += 2 ** (-days / RECENCY_HALF_LIFE_DAYS);
			return { candidate, score };
		});
		// Newest-first order breaks ties: newer first, then the id (the published set's own order).
		scored.sort((a, b) => b.score - a.score || order.get(a.candidate)! - order.get(b.candidate)!);
		related.set(article.id, scored.slice(0, count).map(({ candidate }) => candidate));
	}
	return related;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}
