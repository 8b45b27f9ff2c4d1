/**
 * Dates in the site's time zone, the one place every date is read, shown and written: frontmatter dates without an
 * offset are wall-clock time where the newsroom is; pages, feeds and sitemaps show that zone whatever the build
 * machine's. The build's one "now" is resolved here too.
 */

const DATE_RE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Thrown for a date that is malformed or does not exist on the calendar. */
export class InvalidDateError extends Error {}

/** A date style readers see: `Intl.DateTimeFormat`'s `dateStyle`. */
export type DateStyle = 'full' | 'long' | 'medium' | 'short';
export const DATE_STYLES = ['full', 'long', 'medium', 'short'] as const satisfies readonly DateStyle[];

/**
 * Reads a frontmatter date. With an offset (`Z`, `+08:00`) it is that instant; without one it is wall-clock
 * time in `timeZone`, so "2026-01-28 09:00" means 9 am where the newsroom is, whatever machine builds it.
 * Impossible dates (2026-02-30, 25:00) are rejected instead of rolling over. Local times that a daylight-saving
 * change skips or repeats follow `resolveLocalTime`: never earlier than any moment the writer could have meant.
 */
export function parseZonedDate(text: string, timeZone: string): Date {
	const { wallClock, offset } = readDate(text);
	if (offset) return new Date(wallClock - offsetMinutes(offset) * 60_000);
	return new Date(resolveLocalTime(wallClock, timeZone).instant);
}

/**
 * Whether a frontmatter date falls in a daylight-saving change of `timeZone`, and how it was read: for the build
 * log, so the writer learns that "02:30" on the night the clocks go forward was read as 03:30. `undefined` for
 * every ordinary date (and for dates with an offset, which are exact).
 */
export function daylightSavingNote(text: string, timeZone: string): string | undefined {
	const { wallClock, offset } = readDate(text);
	if (offset) return undefined;
	const { instant, kind } = resolveLocalTime(wallClock, timeZone);
	if (kind === 'exact') return undefined;
	const read = `${toZonedIso(new Date(instant), timeZone).replace('T', ' ')}`;
	return kind === 'skipped'
		? `"${text}" does not exist in ${timeZone} (the clocks go forward over it); read as ${read}. Write the time with its offset to choose another.`
		: `"${text}" happens twice in ${timeZone} (the clocks go back over it); read as the second, ${read}. Write the time with its offset to choose the first.`;
}

function readDate(text: string): { wallClock: number; offset: string | undefined } {
	const match = DATE_RE.exec(text.trim());
	if (!match) {
		throw new InvalidDateError(
			`expected a date like 2026-01-28 or 2026-01-28T09:30 or 2026-01-28T09:30:00+08:00, got "${text}"`,
		);
	}
	const [, y, mo, d, h = '0', mi = '0', s = '0', ms = '0', offset] = match;
	const fields = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
	const [year, month, day, hour, minute, second] = fields;
	const wallClock = Date.UTC(year, month - 1, day, hour, minute, second, Number(ms.padEnd(3, '0')));
	const check = new Date(wallClock);
	if (
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day ||
		check.getUTCHours() !== hour ||
		check.getUTCMinutes() !== minute ||
		check.getUTCSeconds() !== second
	) {
		throw new InvalidDateError(`"${text}" is not a real date or time (check the day of the month and the hour)`);
	}
	return { wallClock, offset };
}

function offsetMinutes(offset: string): number {
	if (offset.toUpperCase() === 'Z') return 0;
	const digits = offset.replace(':', '');
	const sign = digits.startsWith('-') ? -1 : 1;
	return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

const DAY = 86_400_000;

/**
 * The instant at which clocks in `timeZone` show `wallClock` (given as if it were UTC), and whether that local time
 * is `exact`, `skipped` or `repeated` by a daylight-saving change. The rule, chosen so that an embargo never lifts
 * before any moment its writer could have meant, and so that times keep their order across a change:
 * - a skipped time (02:30 on the night clocks jump from 02:00 to 03:00) is read with the offset in force before
 *   the change, i.e. moved forward by the gap (03:30), as RFC 5545 (iCalendar) and Temporal's "compatible" do;
 * - a repeated time (01:30 on the night clocks go back from 02:00 to 01:00) is read as its second occurrence, after
 *   the change (iCalendar and Temporal pick the first; an embargo must not lift an hour early).
 * Write an offset (`2026-11-01T01:30-04:00`) to mean another instant.
 */
export function resolveLocalTime(
	wallClock: number,
	timeZone: string,
): { instant: number; kind: 'exact' | 'skipped' | 'repeated' } {
	// A zone has at most one transition within a day of any instant: the offsets a day before and after bracket it.
	const before = zoneOffsetMs(wallClock - DAY, timeZone);
	const after = zoneOffsetMs(wallClock + DAY, timeZone);
	const candidates = [...new Set([before, after])]
		.map((offset) => wallClock - offset)
		.filter((instant) => wallClock - zoneOffsetMs(instant, timeZone) === instant);
	if (candidates.length === 0) return { instant: wallClock - before, kind: 'skipped' };
	if (candidates.length === 1) return { instant: candidates[0]!, kind: 'exact' };
	return { instant: Math.max(...candidates), kind: 'repeated' };
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();
// Zone offsets change only at transitions, which fall on quarter hours in every zone: one lookup per zone and
// quarter hour. Every page formats many dates, and Intl's formatToParts is slow (a second per 5 000 pages).
const QUARTER_HOUR = 15 * 60_000;

/** The offset of `timeZone` from UTC at `instant`, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
	const key = `${timeZone}|${Math.floor(instant / QUARTER_HOUR)}`;
	let offset = offsetCache.get(key);
	if (offset === undefined) {
		offset = measureOffset(Math.floor(instant / QUARTER_HOUR) * QUARTER_HOUR, timeZone);
		if (offsetCache.size > 100_000) offsetCache.clear();
		offsetCache.set(key, offset);
	}
	return offset;
}

function measureOffset(instant: number, timeZone: string): number {
	let format = offsetFormatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		offsetFormatters.set(timeZone, format);
	}
	const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
	const asUtc = Date.UTC(
		+parts['year']!,
		+parts['month']! - 1,
		+parts['day']!,
		+parts['hour']!,
		+parts['minute']!,
		+parts['second']!,
	);
	return asUtc - instant;
}

/** A UTC offset as text: "+08:00" (ISO 8601, `separator` ":") or "+0800" (RFC 822, `separator` ""). */
function formatOffset(offsetMs: number, separator: ':' | ''): string {
	const minutes = Math.round(Math.abs(offsetMs) / 60_000);
	const sign = offsetMs < 0 ? '-' : '+';
	return `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}${separator}${String(minutes % 60).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
// Pages repeat the same dates (every page's Recent Posts, cards in several listings): format each once.
const formatted = new Map<string, string>();

/** Formats a date for readers in the site's locale and time zone (never the build machine's). */
export function formatDate(
	date: Date,
	{
		locale,
		timeZone,
		dateStyle = 'long',
		timeStyle,
	}: {
		locale: string;
		timeZone: string;
		dateStyle?: DateStyle;
		timeStyle?: Intl.DateTimeFormatOptions['timeStyle'];
	},
): string {
	const key = `${locale}|${timeZone}|${dateStyle}|${timeStyle}`;
	const memoKey = `${key}|${date.getTime()}`;
	let text = formatted.get(memoKey);
	if (text !== undefined) return text;
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { timeZone, dateStyle, ...(timeStyle ? { timeStyle } : {}) });
		formatters.set(key, format);
	}
	text = format.format(date);
	if (formatted.size > 200_000) formatted.clear();
	formatted.set(memoKey, text);
	return text;
}

/** ISO 8601 with the site's offset, e.g. "2026-01-28T18:00:00+08:00": for `<time datetime>`, JSON-LD and sitemaps. */
export function toZonedIso(date: Date, timeZone: string): string {
	const offset = zoneOffsetMs(date.getTime(), timeZone);
	const local = new Date(date.getTime() - (date.getTime() % 1000) + offset).toISOString().slice(0, 19);
	return offset === 0 ? `${local}Z` : `${local}${formatOffset(offset, ':')}`;
}

const rfc822Formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A date as RSS wants it (RFC 822 with a four-digit year), in the site's time zone with its offset at that
 * instant: "Wed, 28 Jan 2026 13:00:00 +0800". Names are always English, whatever the site's locale.
 */
export function toRfc822(date: Date, timeZone: string): string {
	let format = rfc822Formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			weekday: 'short',
			day: '2-digit',
			month: 'short',
			year: 'numeric',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		rfc822Formatters.set(timeZone, format);
	}
	const part = Object.fromEntries(format.formatToParts(date).map(({ type, value }) => [type, value]));
	const offset = formatOffset(zoneOffsetMs(date.getTime(), timeZone), '');
	return `${part['weekday']}, ${part['day']} ${part['month']} ${part['year']!.padStart(4, '0')} ${part['hour']}:${part['minute']}:${part['second']} ${offset}`;
}

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
