import { zoneOffsetMs } from './zoned-date.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats a date for readers in the site's locale and time zone (never the build machine's). */
export function formatDate(
	date: Date,
	{ locale, timeZone, dateStyle = 'long', timeStyle }: { locale: string; timeZone: string; dateStyle?: Intl.DateTimeFormatOptions['dateStyle']; timeStyle?: Intl.DateTimeFormatOptions['timeStyle'] },
): string {
	const key = `${locale}|${timeZone}|${dateStyle}|${timeStyle}`;
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { timeZone, dateStyle, ...(timeStyle ? { timeStyle } : {}) });
		formatters.set(key, format);
	}
	return format.format(date);
}

/** ISO 8601 with the site's offset, e.g. "2026-01-28T18:00:00+08:00": for `<time datetime>`, JSON-LD and sitemaps. */
export function toZonedIso(date: Date, timeZone: string): string {
	const offset = zoneOffsetMs(date.getTime(), timeZone);
	const local = new Date(date.getTime() - (date.getTime() % 1000) + offset).toISOString().slice(0, 19);
	if (offset === 0) return `${local}Z`;
	const minutes = Math.abs(offset) / 60_000;
	const sign = offset < 0 ? '-' : '+';
	return `${local}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
