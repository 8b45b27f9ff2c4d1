/**
 * The CDN's rules, in the `_headers` format Netlify and Cloudflare Pages read: which responses a cache may keep
 * for how long, and the security headers. Pure: the integration lists the build folder and writes what this returns.
 */

/** Content-hashed build assets (`/_astro/*`): a changed file gets a new name, so browsers and CDNs keep it a year. */
export const immutableCacheControl = 'public, max-age=31536000, immutable';

/**
 * Everything whose URL stays the same when its content changes (HTML, feeds, sitemaps, public files): fresh for
 * five minutes, then served stale for up to ten more while the cache fetches the new version — a published story or
 * correction reaches readers within minutes, and a busy front page is still served from the edge.
 */
export const revalidateCacheControl = 'public, max-age=300, stale-while-revalidate=600';

/**
 * A live blog while it is live: fresh for 30 seconds, then served stale for 30 more while the cache fetches the
 * page with the newest entries. Once it has ended it falls back to the folder's rule.
 */
export const liveCacheControl = 'public, max-age=30, stale-while-revalidate=30';

/** One rule of a `_headers` file: a path pattern ("/articles/*") and the headers of the responses it matches. */
export interface HeaderRule {
	path: string;
	/**
	 * Headers a broader rule sets that this one replaces (Cloudflare Pages' `! Name` lines): without them the host
	 * would join both values into one.
	 */
	detach?: string[];
	headers: [name: string, value: string][];
}

/** An entry at the top of the build folder. */
export interface TopLevelEntry {
	name: string;
	folder: boolean;
}

/** Files the hosts read as configuration, never serve. */
const hostFiles = new Set(['_headers', '_redirects', '_routes.json', '_worker.js']);

/** The security feature's headers (`security/response-headers.ts`): the same everywhere, and per top-level entry. */
export interface SecurityHeaderSet {
	everywhere: readonly [string, string][];
	pages: readonly [string, string][];
	byEntry: ReadonlyMap<string, readonly [string, string][]>;
}

/**
 * The rules for a built site: the headers every response carries alike in one rule for every path, then one rule
 * per top-level entry of its build folder with its cache policy (the hashed assets folder immutable, every other
 * folder, file and the home page short-lived) and its part of the security headers (the Content-Security-Policy and
 * opener policy: the readers' pages', or the entry's own). No header is set by two rules for one URL, because
 * Netlify and Cloudflare Pages both apply every matching rule and would join two values into one.
 */
export function headerRules({
	entries,
	base,
	assetsDir,
	security,
	live = [],
}: {
	entries: readonly TopLevelEntry[];
	base: string;
	assetsDir: string;
	security?: SecurityHeaderSet | undefined;
	/** The site paths (with the base) of the live blogs that are live: a short Cache-Control of their own. */
	live?: readonly string[];
}): HeaderRule[] {
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const sorted = entries
		.filter((entry) => !hostFiles.has(entry.name))
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	const rule = (path: string, cacheControl: string, entry?: string): HeaderRule => ({
		path,
		headers: [['Cache-Control', cacheControl], ...((entry !== undefined && security?.byEntry.get(entry)) || security?.pages || [])],
	});
	return [
		...(security && security.everywhere.length > 0 ? [{ path: `${prefix}*`, headers: [...security.everywhere] }] : []),
		rule(prefix, revalidateCacheControl),
		...sorted.map((entry) => {
			const immutable = entry.folder && entry.name === assetsDir;
			return rule(`${prefix}${encodeURI(entry.name)}${entry.folder ? '/*' : ''}`, immutable ? immutableCacheControl : revalidateCacheControl, entry.name);
		}),
		...[...live].sort().map((path) => ({
			path: `${encodeURI(path)}${path.endsWith('/') ? '' : '/'}*`,
			detach: ['Cache-Control'],
			headers: [['Cache-Control', liveCacheControl]] as [string, string][],
		})),
	];
}

export function formatHeaders(rules: readonly HeaderRule[]): string {
	const blocks = rules.map((rule) =>
		[rule.path, ...(rule.detach ?? []).map((name) => `  ! ${name}`), ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
	);
	return `# Written by @newsroom/astro at build time: the headers of every response, then one rule per top-level entry (cache and security policy), none setting a header another sets.\n${blocks.join('\n')}\n`;
}
