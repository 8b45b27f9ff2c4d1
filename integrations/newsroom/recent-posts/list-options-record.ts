import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { listKey, type ListOptions } from './list-options.ts';

/**
 * Where the build keeps every set of Recent Posts options a page has rendered (in Astro's cache folder, next to
 * the incremental-build cache), handed to page code through the environment like the build clock.
 */
export const RECORD_ENV = 'NEWSROOM_RECENT_POSTS_RECORD';

let recorded: Map<string, ListOptions> | undefined;

/** The list options recorded by earlier builds and by this one so far, by key. */
export function recordedListOptions(file: string | undefined = process.env[RECORD_ENV]): Map<string, ListOptions> {
	if (!file) return new Map();
	try {
		return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, ListOptions>));
	} catch {
		return new Map();
	}
}

/**
 * Notes that a page renders a widget with these options, before the page is written: a page Astro reuses in a
 * later build was rendered by a build that recorded its options, so that build's variants page renders them.
 */
export function recordListOptions(options: ListOptions): string {
	const key = listKey(options);
	const file = process.env[RECORD_ENV];
	if (!file) return key;
	recorded ??= recordedListOptions(file);
	if (!recorded.has(key)) {
		recorded.set(key, options);
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, JSON.stringify(Object.fromEntries(recorded), null, '\t'));
	}
	return key;
}
