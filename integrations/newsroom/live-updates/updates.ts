/**
 * The live-updates file (`/articles/<id>/updates.json`) and what an open page makes of it. Pure and browser-safe:
 * the build writes the file with `liveUpdatesFile`, the island (`live-updates-element.ts`) reads it with
 * `newUpdates` and words the notice with `pluralText`; nothing here imports Node or the content layer.
 */

/** What the build writes for a live blog, and what the island polls: small, so polling costs little. */
export interface LiveUpdatesFile {
	/** `ended` tells open pages to stop polling. */
	status: 'live' | 'ended';
	/** Every entry readers may see, newest first: its anchor on the page (`update-<file name>`) and its time. */
	updates: { id: string; date: string }[];
}

/** The file of a live blog: its status and its entries, newest first (pinned or not: the page orders them). */
export function liveUpdatesFile(
	status: LiveUpdatesFile['status'],
	entries: readonly { id: string; date: Date }[],
	formatDate: (date: Date) => string,
): LiveUpdatesFile {
	const newestFirst = [...entries].sort((a, b) => b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return { status, updates: newestFirst.map((entry) => ({ id: entry.id, date: formatDate(entry.date) })) };
}

/**
 * The anchors of the entries an open page does not show yet, newest first: those in the file without an element of
 * that id on the page (`isShown`). An entry removed since the page was built is simply absent; a file that is not
 * the expected shape (a CDN error page, a half-written deploy) yields none.
 */
export function newUpdates(file: unknown, isShown: (id: string) => boolean): string[] {
	const updates = (file as Partial<LiveUpdatesFile> | null)?.updates;
	if (!Array.isArray(updates)) return [];
	return updates.flatMap((update: unknown) => {
		const id = (update as { id?: unknown } | null)?.id;
		return typeof id === 'string' && id !== '' && !isShown(id) ? [id] : [];
	});
}

/** Whether the file says the blog has ended (open pages stop polling). */
export function hasEnded(file: unknown): boolean {
	return (file as Partial<LiveUpdatesFile> | null)?.status === 'ended';
}

/** A plural label's text for `count` in `locale` (`{count}` formatted there), as `Intl.PluralRules` picks the form. */
export function pluralText(forms: Readonly<Record<string, string | undefined>>, count: number, locale: string | undefined): string {
	const form = forms[new Intl.PluralRules(locale).select(count)] ?? forms['other'] ?? '';
	return form.replace('{count}', count.toLocaleString(locale));
}
