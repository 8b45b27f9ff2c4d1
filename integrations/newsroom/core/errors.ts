import { AstroError } from 'astro/errors';
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
		// A schema may say better what to give (`required: …`); otherwise name the type.
		return [`${at(issue.path)}: ${issue.message.startsWith('required') ? issue.message : `required (expected ${issue.expected})`}`];
	}
	return [`${at(issue.path)}: ${issue.message}`];
}

/** The hint of an options error that has no more specific advice. */
const OPTIONS_HINT = 'Check the newsroom({ ... }) call in astro.config.mjs; docs/configuration.md lists every option.';

/**
 * The error a bad `newsroom()` option stops the build with: one `**option**: what was expected` line each, under
 * one heading, and a hint saying how to fix it.
 */
export function invalidOptions(lines: string, hint = OPTIONS_HINT): AstroError {
	return new AstroError(`Invalid options passed to the newsroom integration:\n${lines}`, hint);
}
