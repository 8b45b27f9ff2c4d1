import type { GateResult } from '../types.ts';

/** How many findings a gate lists before summing up the rest, so a broken build still gives a readable log. */
export const findingsShown = 40;

/** The audit's report: one block per gate (PASS/FAIL, figures, findings), then a one-line verdict. */
export function formatReport(dist: string, results: readonly GateResult[]): string {
	const lines = [`Quality gates for ${dist}`, ''];
	for (const result of results) {
		const failed = result.findings.length > 0;
		lines.push(
			`${failed ? 'FAIL' : 'PASS'}  ${result.gate}${failed ? ` — ${count(result.findings.length, 'problem')}` : ''}`,
		);
		lines.push(...result.figures.map((figure) => `      ${figure}`));
		for (const finding of result.findings.slice(0, findingsShown)) {
			lines.push(`      ✗ ${finding.where}: ${finding.message}`);
		}
		if (result.findings.length > findingsShown)
			lines.push(`      … and ${result.findings.length - findingsShown} more`);
		lines.push('');
	}
	const failures = results.filter((result) => result.findings.length > 0);
	if (failures.length > 0) lines.push(`Failed: ${failures.map((result) => result.gate).join('; ')}.`);
	// The plain "N passed, N failed" closing line CI logs are read by.
	lines.push(`gates: ${results.length - failures.length} passed, ${failures.length} failed`);
	return lines.join('\n');
}

function count(n: number, noun: string): string {
	return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
