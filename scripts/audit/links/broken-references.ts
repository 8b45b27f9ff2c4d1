import type { Finding } from '../types.ts';
import { distFileFor } from './dist-file-for.ts';
import { internalPath } from './internal-path.ts';
import type { Reference } from './reference.ts';

/** The result of checking one document's references: how many were internal, and those that resolve to no file. */
export interface ReferenceCheck {
	internal: number;
	broken: Finding[];
}

/**
 * Checks the references of the document `where` (served at `documentUrl`): each internal one must resolve to a file
 * of dist/ (`files`, dist-relative). External URLs and other schemes are skipped.
 */
export function brokenReferences(
	where: string,
	documentUrl: URL,
	references: readonly Reference[],
	site: URL,
	files: ReadonlySet<string>,
): ReferenceCheck {
	let internal = 0;
	const broken: Finding[] = [];
	for (const reference of references) {
		const target = internalPath(reference.url, documentUrl, site);
		if (!target) continue;
		internal++;
		if ('error' in target) broken.push({ where, message: `${reference.from} "${reference.url}" ${target.error}` });
		else if (!distFileFor(target.path, files))
			broken.push({ where, message: `${reference.from} "${reference.url}" → no file for ${target.path}` });
	}
	return { internal, broken };
}
