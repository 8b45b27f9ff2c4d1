import { formatOffset, zoneOffsetMs } from './zoned-date.ts';

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
		dateStyle?: Intl.DateTimeFormatOptions['dateStyle'];
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
