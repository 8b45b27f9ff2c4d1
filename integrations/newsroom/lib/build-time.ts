/**
 * The one "now" of a build: the `now` option, else SOURCE_DATE_EPOCH (seconds, the reproducible-builds
 * convention), else the wall clock. Read once at config time so every page agrees.
 */
export function resolveBuildTime(
	now: string | undefined,
	env: Record<string, string | undefined>,
	clock = Date.now,
): Date {
	if (now) return new Date(now);
	const epoch = env['SOURCE_DATE_EPOCH'];
	if (epoch !== undefined && epoch !== '') {
		const seconds = Number(epoch);
		if (!Number.isInteger(seconds) || seconds < 0) {
			throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got "${epoch}"`);
		}
		return new Date(seconds * 1000);
	}
	return new Date(clock());
}
