import type { z } from 'astro/zod';

/** Renders zod issues as one line each, `**path**: message`, the way Starlight reports bad options. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
	return issues
		.map((issue) => {
			const path = issue.path.map(String).join('.') || '(root)';
			const keys = issue.code === 'unrecognized_keys' ? ` ${issue.keys.map((key) => `\`${key}\``).join(', ')}` : '';
			return `**${path}**: ${issue.message}${keys}`;
		})
		.join('\n');
}
