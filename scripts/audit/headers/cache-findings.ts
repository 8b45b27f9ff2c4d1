import type { Finding } from '../types.ts';
import type { ParsedHeaderRule } from './parse-headers-file.ts';
import { ruleMatches } from './rule-matches.ts';

/** A URL the site serves and how it must be cached: `immutable` (content-hashed) or `revalidate` (HTML, feeds, sitemaps, other files). */
export interface ServedUrl {
	path: string;
	policy: 'immutable' | 'revalidate';
}

/** "Short" for HTML, feeds and sitemaps: at most an hour in a browser's cache before it asks again. */
export const shortMaxAge = 3600;
/** What a year is to a cache. */
export const yearMaxAge = 31_536_000;

/**
 * Checks the `_headers` rules against the URLs of a build: each URL matched by exactly one rule setting
 * Cache-Control (two would be joined into one invalid value), hashed assets `immutable` for a year, everything else
 * a short max-age with `stale-while-revalidate`.
 */
export function cacheFindings(rules: readonly ParsedHeaderRule[], urls: readonly ServedUrl[]): Finding[] {
	const cacheRules = rules.filter((rule) => rule.headers.some(([name]) => name === 'cache-control'));
	return urls.flatMap(({ path, policy }): Finding[] => {
		const all = cacheRules.filter((rule) => ruleMatches(rule.path, path));
		// A rule that detaches Cache-Control (a live blog's) is the only one whose value the host sends.
		const detaching = all.filter((rule) => rule.detached?.includes('cache-control'));
		const matching = detaching.length > 0 ? detaching : all;
		if (matching.length === 0) return [{ where: path, message: 'no _headers rule sets its Cache-Control' }];
		if (matching.length > 1) {
			return [
				{
					where: path,
					message: `${matching.length} _headers rules set its Cache-Control (${matching.map((rule) => `line ${rule.line} ${rule.path}`).join(', ')}); hosts join them into one value`,
				},
			];
		}
		const rule = matching[0];
		const values = rule?.headers.filter(([name]) => name === 'cache-control').map(([, value]) => value) ?? [];
		const value = values.join(', ');
		const directives = new Map(
			value.split(',').map((directive) => {
				const [name = '', argument = ''] = directive.trim().toLowerCase().split('=');
				return [name, argument] as const;
			}),
		);
		const maxAge = Number(directives.get('max-age') ?? Number.NaN);
		const where = `${path} (rule ${rule?.path} on line ${rule?.line})`;
		if (policy === 'immutable') {
			return directives.has('immutable') && maxAge >= yearMaxAge
				? []
				: [{ where, message: `a content-hashed asset needs "max-age=${yearMaxAge}, immutable", has "${value}"` }];
		}
		const problems: string[] = [];
		if (directives.has('immutable')) problems.push('must not be immutable (its URL never changes)');
		if (!(maxAge <= shortMaxAge)) problems.push(`needs a max-age of at most ${shortMaxAge} s`);
		if (!directives.has('stale-while-revalidate')) problems.push('needs stale-while-revalidate');
		return problems.length === 0 ? [] : [{ where, message: `Cache-Control "${value}" ${problems.join(', ')}` }];
	});
}
