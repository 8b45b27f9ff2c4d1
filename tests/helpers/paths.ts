import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Scratch space for test builds (git-ignored). */
export const tmpRoot = fileURLToPath(new URL('../.tmp/', import.meta.url));
/** Where the global setup builds the sample site. */
export const siteDist = fileURLToPath(new URL('../.tmp/site/dist/', import.meta.url));
/**
 * The fixed "now" of the test build: a day after the sample's January 28, 2026 stories, so they fall in the
 * news sitemap's 48-hour window and the 2099 story is embargoed.
 */
export const testBuildTime = '2026-01-29T06:00:00.000Z';
