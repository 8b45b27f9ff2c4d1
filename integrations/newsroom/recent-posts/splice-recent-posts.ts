import { findMarkedBlocks } from './splice-markers.ts';

/** The current Recent Posts markup by list-options key, then by the page's own article id ('' = the default). */
export type RecentPostsVariants = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Reads the variants page (every list, once per article it may leave out) into a lookup. */
export function readVariants(html: string): RecentPostsVariants {
	const variants = new Map<string, Map<string, string>>();
	for (const block of findMarkedBlocks(html)) {
		let byCurrent = variants.get(block.key);
		if (!byCurrent) variants.set(block.key, (byCurrent = new Map()));
		byCurrent.set(block.current, html.slice(block.start, block.end));
	}
	return variants;
}

/**
 * A page with each Recent Posts widget's markup replaced by the current list (its markers stay), or `undefined`
 * when nothing changed. A
 * widget whose list options have no variants is left alone: those options are new in this build, so every page
 * showing them was rendered in it.
 */
export function spliceRecentPosts(
	html: string,
	variants: RecentPostsVariants,
	/** Collects the keys of list options that have no variants. */
	unknownKeys?: Set<string>,
): string | undefined {
	let result = '';
	let last = 0;
	let changed = false;
	for (const block of findMarkedBlocks(html)) {
		const byCurrent = variants.get(block.key);
		if (!byCurrent) unknownKeys?.add(block.key);
		const fresh = byCurrent?.get(block.current) ?? byCurrent?.get('');
		if (fresh === undefined || fresh === html.slice(block.start, block.end)) continue;
		result += html.slice(last, block.start) + fresh;
		last = block.end;
		changed = true;
	}
	return changed ? result + html.slice(last) : undefined;
}
