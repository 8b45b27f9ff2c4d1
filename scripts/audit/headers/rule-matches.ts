/**
 * Whether a `_headers` path pattern matches a URL path, as Netlify and Cloudflare Pages match them: "*" (a splat)
 * matches any characters, slashes included, and ":name" (a placeholder) one path segment; the rest is literal.
 */
export function ruleMatches(pattern: string, path: string): boolean {
	const pathOnly = pattern.replace(/^https:\/\/[^/]+/, '');
	const source = pathOnly
		.split(/(\*|:[A-Za-z]\w*)/)
		.map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
		.join('');
	return new RegExp(`^${source}$`).test(path);
}
