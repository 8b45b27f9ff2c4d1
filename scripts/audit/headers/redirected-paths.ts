import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathKey } from '../../../integrations/newsroom/cdn/redirects.ts';

/**
 * The pages a CDN never serves: fallback pages at old paths that `_redirects` answers with a redirect (the headers
 * and security gates check the responses readers get, so they skip these).
 */

/** The static source paths of `dist/_redirects` (none without one), decoded, below `base`, as `pathKey` gives them. */
export async function redirectedPaths(dist: string, base: string): Promise<Set<string>> {
	const text = await readFile(join(dist, '_redirects'), 'utf8').catch(() => '');
	const sources = new Set<string>();
	for (const line of text.split('\n')) {
		const [from] = line.trim().split(/\s+/);
		if (!from || from.startsWith('#') || /[*:]/.test(from) || !from.startsWith(base)) continue;
		try {
			sources.add(pathKey(`/${decodeURIComponent(from.slice(base.length))}`));
		} catch {
			// not a path this build serves
		}
	}
	return sources;
}
