import type { Finding } from '../types.ts';

/** What feedparser-check.py prints for one feed. */
export interface FeedparserResult {
	file: string;
	bozo: boolean;
	exception: string | null;
	version: string;
	entries: number;
}

/** One finding per feed that Python's feedparser flagged as bozo (not well-formed or otherwise broken), or whose format it did not recognise. */
export function feedparserFindings(results: readonly FeedparserResult[]): Finding[] {
	return results.flatMap((result) => {
		if (result.bozo)
			return [{ where: result.file, message: `feedparser: bozo — ${result.exception ?? 'no reason given'}` }];
		if (!result.version) return [{ where: result.file, message: 'feedparser does not recognise it as RSS or Atom' }];
		return [];
	});
}
