import type { z } from 'astro/zod';

/**
 * Renders zod issues one per line, `**path**: message`, the way Starlight reports bad options: a missing value
 * says "required", and each unknown key is named at its own path. Parse with `reportInput: true`.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
	return issues.flatMap(describe).join('\n');
}

function describe(issue: z.core.$ZodIssue): string[] {
	const at = (path: readonly PropertyKey[]) => `**${path.map(String).join('.') || '(root)'}**`;
	if (issue.code === 'unrecognized_keys') {
		return issue.keys.map((key) => `${at([...issue.path, key])}: unknown option (check the spelling)`);
	}
	if (issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined) {
		return [`${at(issue.path)}: required (expected ${issue.expected})`];
	}
	return [`${at(issue.path)}: ${issue.message}`];
}
