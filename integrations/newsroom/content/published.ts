import { createHash } from 'node:crypto';
import { tagSlug } from '../core/urls.ts';

/**
 * The published set, the one rule of what readers may see: no drafts, nothing dated after the build's "now"
 * (embargo), newest first. Computed once per build (see `loadContentSet`) and indexed by author, section and tag;
 * with the digests that make a page's incremental-build cache key.
 */

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
function byNewest(a: Publishable, b: Publishable): number {
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
	for (const data of articles) {
		if (isPublished({ data }, now)) published++;
		else if (data.draft) drafts++;
		else {
			embargoed++;
			if (!nextLift || data.pubDate < nextLift) nextLift = data.pubDate;
		}
	}
	return { published, drafts, embargoed, nextLift };
}

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

/** A short stable hash of some strings, for incremental-build cache keys. */
export function digestOf(parts: readonly string[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\0');
	return hash.digest('base64url').slice(0, 22);
}

/** The breaking-news banner readers see at `now`: the one given, until it expires (builds after that drop it). */
export function currentBanner<T extends { expires: Date }>(banners: readonly T[], now: Date): T | undefined {
	return banners.find((banner) => banner.expires.getTime() > now.getTime());
}

/**
 * The data every page shows besides its own content: the section navigation, the authors (bylines, bio boxes,
 * JSON-LD), the build year (footer) and the breaking-news banner while it is shown. A page's cache key must change with it, or an incremental build would
 * serve a stale page. The Recent Posts list is left out on purpose: it changes with every new article, so the
 * build brings it up to date in reused pages instead (see `incremental/`).
 */
export function sharedDigest({
	authors,
	sections,
	year,
	banner = '',
}: {
	authors: readonly { id: string; digest?: string | number | undefined }[];
	sections: readonly { id: string; digest?: string | number | undefined }[];
	year: number;
	/** The banner shown, serialized; empty without one. */
	banner?: string | undefined;
}): string {
	const entries = (kind: string, list: readonly { id: string; digest?: string | number | undefined }[]) =>
		list.map((entry) => `${kind}:${entry.id}:${entry.digest ?? ''}`);
	return digestOf([`year:${year}`, `banner:${banner}`, ...entries('author', authors), ...entries('section', sections)]);
}

/** The article a live entry belongs to, and its anchor, from the entry's id ("2026/01/election/0930"). */
export function liveEntryParts(id: string): { article: string; anchor: string } {
	const at = id.lastIndexOf('/');
	return { article: id.slice(0, at), anchor: id.slice(at + 1) };
}

/** A live entry's anchor on its article's page: "update-" and its file name, so it never changes. */
export function liveEntryAnchor(entry: { id: string }): string {
	return `update-${liveEntryParts(entry.id).anchor}`;
}

/** The id of the placeholder entry of a collection with nothing in it (loadContentSet() leaves it out). */
export const NO_ENTRY = '_none';
