import type { CategoryRule } from './types.ts';

/** The `existing` cookies configured for a category that is not granted ("_ga_*" matches "_ga_X1"). */
export function refusedCookieNames(
	rules: readonly CategoryRule[],
	granted: readonly string[],
	existing: readonly string[],
): string[] {
	const patterns = rules.filter((rule) => !granted.includes(rule.id)).flatMap((rule) => rule.cookies);
	return existing.filter((name) =>
		patterns.some((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern)),
	);
}
