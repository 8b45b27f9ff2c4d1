import type { CategoryRule } from './types.ts';

/**
 * The categories a choice allows: every required one, plus the requested ones the browser's Global Privacy
 * Control signal (`gpc`) does not refuse, in the configured order.
 */
export function grantedCategories(
	rules: readonly CategoryRule[],
	requested: readonly string[],
	gpc: boolean,
): string[] {
	return rules
		.filter((rule) => rule.required || (requested.includes(rule.id) && !(gpc && rule.refusedByGpc)))
		.map((rule) => rule.id);
}
