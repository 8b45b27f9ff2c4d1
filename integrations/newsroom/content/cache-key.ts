import { createHash } from 'node:crypto';

/** A short stable hash of some strings, for incremental-build cache keys. */
export function digestOf(parts: readonly string[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\0');
	return hash.digest('base64url').slice(0, 22);
}

/**
 * The data every page shows besides its own content: the section navigation, the authors (bylines, bio boxes,
 * JSON-LD) and the build year (footer). A page's cache key must change with it, or an incremental build would
 * serve a stale page. The Recent Posts list is left out on purpose: it changes with every new article, so the
 * build brings it up to date in reused pages instead (recent-posts/refresh.ts).
 */
export function sharedDigest({
	authors,
	sections,
	year,
}: {
	authors: readonly { id: string; digest?: string | number | undefined }[];
	sections: readonly { id: string; digest?: string | number | undefined }[];
	year: number;
}): string {
	const entries = (kind: string, list: readonly { id: string; digest?: string | number | undefined }[]) =>
		list.map((entry) => `${kind}:${entry.id}:${entry.digest ?? ''}`);
	return digestOf([`year:${year}`, ...entries('author', authors), ...entries('section', sections)]);
}
