/** The fields that decide whether and where an article is published. */
export interface Publishable {
	id: string;
	data: { draft: boolean; pubDate: Date };
}

/** Whether readers may see the article at `now`: not a draft, and not dated after the build (embargo). */
export function isPublished(article: { data: { draft: boolean; pubDate: Date } }, now: Date): boolean {
	return !article.data.draft && article.data.pubDate.getTime() <= now.getTime();
}

/** Newest first; equal dates by id so every build orders them the same way. */
export function byNewest(a: Publishable, b: Publishable): number {
	return b.data.pubDate.getTime() - a.data.pubDate.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The published set: what every page, feed and sitemap may show, newest first. */
export function selectPublished<T extends Publishable>(articles: readonly T[], now: Date): T[] {
	return articles.filter((article) => isPublished(article, now)).sort(byNewest);
}

/** Counts what the build holds back, and the earliest embargo lift after `now`. */
export function heldBackSummary(articles: readonly { draft: boolean; pubDate: Date }[], now: Date) {
	let published = 0;
	let drafts = 0;
	let embargoed = 0;
	let nextLift: Date | undefined;
	for (const article of articles) {
		if (article.draft) drafts++;
		else if (article.pubDate.getTime() > now.getTime()) {
			embargoed++;
			if (!nextLift || article.pubDate < nextLift) nextLift = article.pubDate;
		} else published++;
	}
	return { published, drafts, embargoed, nextLift };
}
