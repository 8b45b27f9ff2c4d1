import { formatOffset, zoneOffsetMs } from '../lib/zoned-date.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A date as RSS wants it (RFC 822 with a four-digit year), in the site's time zone with its offset at that
 * instant: "Wed, 28 Jan 2026 13:00:00 +0800". Names are always English, whatever the site's locale.
 */
export function toRfc822(date: Date, timeZone: string): string {
	let format = formatters.get(timeZone);
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
		formatters.set(timeZone, format);
	}
	const part = Object.fromEntries(format.formatToParts(date).map(({ type, value }) => [type, value]));
	const offset = formatOffset(zoneOffsetMs(date.getTime(), timeZone), '');
	return `${part['weekday']}, ${part['day']} ${part['month']} ${part['year']!.padStart(4, '0')} ${part['hour']}:${part['minute']}:${part['second']} ${offset}`;
}
