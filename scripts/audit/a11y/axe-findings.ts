import type { Finding } from '../types.ts';

/** The part of an axe-core result the report uses. */
export interface AxeViolation {
	id: string;
	impact?: string | null;
	help: string;
	helpUrl?: string;
	nodes: { target: unknown[]; failureSummary?: string }[];
}

/** One finding per axe violation on a page: rule, impact, what it asks, and the selectors of the failing elements. */
export function axeFindings(path: string, violations: readonly AxeViolation[]): Finding[] {
	return violations.map((violation) => {
		const targets = violation.nodes.slice(0, 5).map((node) => node.target.map(String).join(' '));
		const more = violation.nodes.length > 5 ? ` and ${violation.nodes.length - 5} more` : '';
		return {
			where: path,
			message: `${violation.id} (${violation.impact ?? 'no impact given'}): ${violation.help} — ${targets.join(', ')}${more}${violation.helpUrl ? ` (${violation.helpUrl})` : ''}`,
		};
	});
}
