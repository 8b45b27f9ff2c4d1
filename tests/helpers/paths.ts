import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Scratch space for test builds (git-ignored). NEWSROOM_TEST_TMP moves it, so two test runs on one machine
 * never share build output.
 */
export const tmpRoot = process.env['NEWSROOM_TEST_TMP'] ?? fileURLToPath(new URL('../.tmp/', import.meta.url));
/** Where the global setup builds the sample site. */
export const siteDist = join(tmpRoot, 'site', 'dist');
/**
 * The fixed "now" of the test build: a day after the sample's January 28, 2026 stories, so they fall in the
 * news sitemap's 48-hour window and the 2099 story is embargoed.
 */
export const testBuildTime = '2026-01-29T06:00:00.000Z';
