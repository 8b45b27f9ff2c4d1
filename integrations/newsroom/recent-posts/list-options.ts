import { createHash } from 'node:crypto';

/** Everything that decides a Recent Posts list's markup, except the page's own article. */
export interface ListOptions {
	section?: string | undefined;
	count: number;
	excerptWords: number;
	heading: string;
	readMoreLabel: string;
	dateStyle: 'full' | 'long' | 'medium' | 'short';
	id: string;
}

/** A short hex key naming one set of list options (hex, so it is safe inside an HTML comment). */
export function listKey(options: ListOptions): string {
	const { section, count, excerptWords, heading, readMoreLabel, dateStyle, id } = options;
	const canonical = JSON.stringify([section ?? null, count, excerptWords, heading, readMoreLabel, dateStyle, id]);
	return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}
