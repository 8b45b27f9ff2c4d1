import type { BuiltPage } from '../types.ts';
import { type PageType, type PageTypePrefixes, pageType } from '../weight/page-type.ts';

/** The page types the accessibility gate opens one page of. */
export const axePageTypes: readonly PageType[] = ['home', 'article', 'section', 'author', 'tag'];

/** The first page (by URL) of each type the accessibility gate checks, and the types the build has no page of. */
export function axeTargets(
	pages: readonly BuiltPage[],
	prefixes: PageTypePrefixes,
): { targets: BuiltPage[]; missing: PageType[] } {
	const targets: BuiltPage[] = [];
	const missing: PageType[] = [];
	for (const type of axePageTypes) {
		const first = pages.find((page) => pageType(page.path, prefixes) === type);
		if (first) targets.push(first);
		else missing.push(type);
	}
	return { targets, missing };
}
