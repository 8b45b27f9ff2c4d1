import { createHash } from 'node:crypto';
import type { DateStyle } from '../core/dates.ts';

/** What decides a Recent Posts list: which articles it selects, and the options that shape its markup. */

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

/** Everything that decides a Recent Posts list's markup, except the page's own article. */
export interface ListOptions {
	section?: string | undefined;
	count: number;
	excerptWords: number;
	heading: string;
	readMoreLabel: string;
	dateStyle: DateStyle;
	id: string;
}

/** A short hex key naming one set of list options (hex, so it is safe inside an HTML comment). */
export function listKey(options: ListOptions): string {
	const { section, count, excerptWords, heading, readMoreLabel, dateStyle, id } = options;
	const canonical = JSON.stringify([section ?? null, count, excerptWords, heading, readMoreLabel, dateStyle, id]);
	return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}
