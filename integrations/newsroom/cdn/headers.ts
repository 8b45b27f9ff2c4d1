/**
 * The CDN's rules, in the `_headers` format Netlify and Cloudflare Pages read: which responses a cache may keep
 * for how long. Pure: the integration lists the build folder and writes what this returns.
 */

/** Content-hashed build assets (`/_astro/*`): a changed file gets a new name, so browsers and CDNs keep it a year. */
export const immutableCacheControl = 'public, max-age=31536000, immutable';

/**
 * Everything whose URL stays the same when its content changes (HTML, feeds, sitemaps, public files): fresh for
 * five minutes, then served stale for up to ten more while the cache fetches the new version — a published story or
 * correction reaches readers within minutes, and a busy front page is still served from the edge.
 */
export const revalidateCacheControl = 'public, max-age=300, stale-while-revalidate=600';

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
	securityHeaders = [],
}: {
	entries: readonly TopLevelEntry[];
	base: string;
	assetsDir: string;
	/** Headers every response carries (the security feature's), after its Cache-Control. */
	securityHeaders?: readonly [string, string][];
}): HeaderRule[] {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const sorted = entries
		.filter((entry) => !hostFiles.has(entry.name))
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	const rule = (path: string, cacheControl: string): HeaderRule => ({ path, headers: [['Cache-Control', cacheControl]] });
	return [
		// Every response, 404s included; no other rule sets these headers, so none is sent twice.
		...(securityHeaders.length > 0 ? [{ path: `${prefix}*`, headers: [...securityHeaders] }] : []),
		rule(prefix, revalidateCacheControl),
		...sorted.map((entry) => {
			const immutable = entry.folder && entry.name === assetsDir;
			return rule(`${prefix}${encodeURI(entry.name)}${entry.folder ? '/*' : ''}`, immutable ? immutableCacheControl : revalidateCacheControl);
		}),
	];
}

export function formatHeaders(rules: readonly HeaderRule[]): string {
	const blocks = rules.map((rule) =>
		[rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
	);
	return `# Written by @newsroom/astro at build time: the security headers of every response, then one cache rule per top-level entry, none overlapping.\n${blocks.join('\n')}\n`;
}
