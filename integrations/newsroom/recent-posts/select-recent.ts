/** What selection needs of an article: its id and section (the list is already newest first). */
interface Selectable {
	id: string;
	data: { section: { id: string } };
}

/**
 * The first `count` articles of a newest-first published list, leaving out `exclude` (the page's own article)
 * and, with `section`, articles of other sections. Stops as soon as it has enough.
 */
export function selectRecent<T extends Selectable>(
	published: readonly T[],
	{ count, exclude, section }: { count: number; exclude?: string | undefined; section?: string | undefined },
): T[] {
	const selected: T[] = [];
	for (const article of published) {
		if (selected.length === count) break;
		if (article.id === exclude) continue;
		if (section !== undefined && article.data.section.id !== section) continue;
		selected.push(article);
	}
	return selected;
}
