/**
 * The comments around every Recent Posts widget. They name the list options and the page's own article (hex, so
 * no id can close the comment), which is all a later build needs to swap a reused page's list for the current one.
 */
const START = '<!--newsroom:recent-posts ';
export const MARKER_END = '<!--/newsroom:recent-posts-->';

/** The opening comment for a widget with list options `key` on the page of article `current`. */
export function markerStart(key: string, current: string | undefined): string {
	return `${START}${key} ${Buffer.from(current ?? '', 'utf8').toString('hex')}-->`;
}

export interface MarkedBlock {
	/** The list options' key. */
	key: string;
	/** The page's own article id ('' when none). */
	current: string;
	/** Offsets of the widget's markup, between the two comments. */
	start: number;
	end: number;
}

/** Every marked widget in a page, in order. A start without its end is an error: the page was not ours to edit. */
export function findMarkedBlocks(html: string): MarkedBlock[] {
	const blocks: MarkedBlock[] = [];
	let from = 0;
	for (;;) {
		const start = html.indexOf(START, from);
		if (start === -1) return blocks;
		const close = html.indexOf('-->', start);
		const endMarker = html.indexOf(MARKER_END, close);
		if (close === -1 || endMarker === -1) throw new Error(`a Recent Posts marker at offset ${start} has no end`);
		const [key = '', current = ''] = html.slice(start + START.length, close).split(' ');
		blocks.push({ key, current: Buffer.from(current, 'hex').toString('utf8'), start: close + 3, end: endMarker });
		from = endMarker + MARKER_END.length;
	}
}
