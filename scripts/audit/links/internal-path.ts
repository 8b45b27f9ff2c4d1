/** Where an internal reference points: a decoded path inside the site ("/articles/x/"), or why it cannot be read. */
export type InternalPath = { path: string } | { error: string };

/**
 * Resolves `url` (as written in the document at `documentUrl`) against the site: undefined for external URLs and
 * other schemes (mailto:, data:, …); otherwise its path below the site's own path, without query and fragment,
 * percent-decoded.
 */
export function internalPath(url: string, documentUrl: URL, site: URL): InternalPath | undefined {
	let resolved: URL;
	try {
		resolved = new URL(url.trim(), documentUrl);
	} catch {
		return { error: 'is not a valid URL' };
	}
	if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return undefined;
	if (resolved.host !== site.host) return undefined;
	if (!resolved.pathname.startsWith(site.pathname)) return { error: `is outside the site's path ${site.pathname}` };
	try {
		return { path: `/${decodeURIComponent(resolved.pathname.slice(site.pathname.length))}` };
	} catch {
		return { error: 'has malformed percent-encoding' };
	}
}
