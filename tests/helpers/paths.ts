import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The scratch folder for test builds: `NEWSROOM_TEST_TMP` if set (so two test runs on one machine never share build
 * output), else `tests/.tmp/` (git-ignored). Always an absolute path: a relative one would be resolved by each build
 * against its own project root (a relative `cache` once landed in the repository as `site/cache/`). An empty value is
 * refused rather than read as the current folder.
 */
export function scratchRoot(env: Record<string, string | undefined> = process.env): string {
	const given = env['NEWSROOM_TEST_TMP'];
	if (given === undefined) return fileURLToPath(new URL('../.tmp/', import.meta.url));
	if (given.trim() === '') throw new Error('NEWSROOM_TEST_TMP is empty: unset it, or give the folder for test builds');
	return isAbsolute(given) ? given : resolve(repoRoot, given);
}

/** Scratch space for test builds (see `scratchRoot`). */
export const tmpRoot = scratchRoot();
/** Where the global setup builds the sample site. */
export const siteDist = join(tmpRoot, 'site', 'dist');
/**
 * The fixed "now" of the test build: a day after the sample's January 28, 2026 stories, so they fall in the
 * news sitemap's 48-hour window and the 2099 story is embargoed.
 */
export const testBuildTime = '2026-01-29T06:00:00.000Z';
