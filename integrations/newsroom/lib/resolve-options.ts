import { AstroError } from 'astro/errors';
import { newsroomOptionsSchema, type NewsroomOptions, type NewsroomUserOptions } from '../options.ts';
import { formatIssues } from './friendly-errors.ts';

/** Validates `newsroom()` options; a bad option throws an error naming it and what was expected. */
export function resolveOptions(input: NewsroomUserOptions | undefined): NewsroomOptions {
	const result = newsroomOptionsSchema.safeParse(input ?? {}, { reportInput: true });
	if (result.success) return result.data;
	throw new AstroError(
		`Invalid options passed to the newsroom integration:\n${formatIssues(result.error.issues)}`,
		'Check the newsroom({ ... }) call in astro.config.mjs; the README lists every option.',
	);
}
