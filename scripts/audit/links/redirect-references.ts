import type { Reference } from './reference.ts';

/**
 * The targets of a `_redirects` file (Netlify and Cloudflare Pages: `from to [status]` per line, `#` comments): every
 * old path must lead to a page that exists. Targets with placeholders (`:splat`, `:name`) are patterns, not paths,
 * and are skipped.
 */
export function redirectReferences(text: string): Reference[] {
	return text.split('\n').flatMap((line) => {
		const [from, to] = line.trim().split(/\s+/);
		if (!from || !to || from.startsWith('#') || /:[a-z]/i.test(to.replace(/^https?:/, ''))) return [];
		return [{ url: to, from: `redirect from ${from}` }];
	});
}
