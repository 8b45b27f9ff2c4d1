import { immutableCacheControl, revalidateCacheControl } from './cache-policies.ts';

/** One rule of a `_headers` file: a path pattern ("/articles/*") and the headers of the responses it matches. */
export interface HeaderRule {
	path: string;
	headers: [name: string, value: string][];
}

/** An entry at the top of the build folder. */
export interface TopLevelEntry {
	name: string;
	folder: boolean;
}

/** Files the hosts read as configuration, never serve. */
const hostFiles = new Set(['_headers', '_redirects', '_routes.json', '_worker.js']);

/**
 * The cache rules for a built site, one per top-level entry of its build folder: the hashed assets folder
 * immutable, every other folder, file and the home page short-lived. No two rules match one URL, because Netlify
 * and Cloudflare Pages both apply every matching rule and would join two Cache-Control values into one.
 */
export function headerRules({
	entries,
	base,
	assetsDir,
}: {
	entries: readonly TopLevelEntry[];
	base: string;
	assetsDir: string;
}): HeaderRule[] {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const sorted = entries
		.filter((entry) => !hostFiles.has(entry.name))
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	return [
		{ path: prefix, headers: [['Cache-Control', revalidateCacheControl]] },
		...sorted.map((entry): HeaderRule => {
			const path = `${prefix}${encodeURI(entry.name)}${entry.folder ? '/*' : ''}`;
			const immutable = entry.folder && entry.name === assetsDir;
			return { path, headers: [['Cache-Control', immutable ? immutableCacheControl : revalidateCacheControl]] };
		}),
	];
}
