/** Google News lists articles published in the last two days, and at most 1000 of them per sitemap. */
export const NEWS_WINDOW_HOURS = 48;
export const NEWS_SITEMAP_LIMIT = 1000;

/**
 * The articles a Google News sitemap lists: published within the `windowHours` before `now` (both ends
 * included, nothing after `now`), newest first, at most `limit`.
 */
export function selectNewsArticles<T extends { data: { pubDate: Date } }>(
	articles: readonly T[],
	now: Date,
	{ windowHours = NEWS_WINDOW_HOURS, limit = NEWS_SITEMAP_LIMIT }: { windowHours?: number; limit?: number } = {},
): T[] {
	const end = now.getTime();
	const start = end - windowHours * 3_600_000;
	return articles
		.filter((article) => {
			const time = article.data.pubDate.getTime();
			return time >= start && time <= end;
		})
		.sort((a, b) => b.data.pubDate.getTime() - a.data.pubDate.getTime())
		.slice(0, limit);
}
