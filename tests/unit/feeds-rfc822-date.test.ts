import { afterEach, describe, expect, it } from 'vitest';
import { toRfc822 } from '../../integrations/newsroom/core/dates.ts';

const savedTz = process.env['TZ'];
afterEach(() => {
	if (savedTz === undefined) delete process.env['TZ'];
	else process.env['TZ'] = savedTz;
});

describe('toRfc822 (feed dates in the site time zone)', () => {
	it.each([
		['Asia/Kuala_Lumpur', '2026-01-28T05:00:00Z', 'Wed, 28 Jan 2026 13:00:00 +0800'],
		['Asia/Kuala_Lumpur', '2023-05-19T10:30:00Z', 'Fri, 19 May 2023 18:30:00 +0800'],
		['UTC', '2026-01-28T05:00:00Z', 'Wed, 28 Jan 2026 05:00:00 +0000'],
		// Across the date line: the local day differs from the UTC day.
		['Pacific/Kiritimati', '2026-01-28T23:30:00Z', 'Thu, 29 Jan 2026 13:30:00 +1400'],
		['America/Los_Angeles', '2026-01-01T03:00:00Z', 'Wed, 31 Dec 2025 19:00:00 -0800'],
		// Offsets that are not whole hours.
		['Asia/Kathmandu', '2026-01-28T05:00:00Z', 'Wed, 28 Jan 2026 10:45:00 +0545'],
		['America/St_Johns', '2026-01-28T05:00:00Z', 'Wed, 28 Jan 2026 01:30:00 -0330'],
	])('%s: %s → %s', (timeZone, iso, expected) => {
		expect(toRfc822(new Date(iso), timeZone)).toBe(expected);
	});

	it('follows daylight saving time: the offset is the one in force at that instant', () => {
		const ny = 'America/New_York';
		expect(toRfc822(new Date('2026-01-15T14:00:00Z'), ny)).toBe('Thu, 15 Jan 2026 09:00:00 -0500');
		expect(toRfc822(new Date('2026-06-15T13:00:00Z'), ny)).toBe('Mon, 15 Jun 2026 09:00:00 -0400');
		// The spring-forward second: 01:59:59 EST is followed by 03:00:00 EDT.
		expect(toRfc822(new Date('2026-03-08T06:59:59Z'), ny)).toBe('Sun, 08 Mar 2026 01:59:59 -0500');
		expect(toRfc822(new Date('2026-03-08T07:00:00Z'), ny)).toBe('Sun, 08 Mar 2026 03:00:00 -0400');
		// The fall-back hour happens twice; the offset tells the two apart.
		expect(toRfc822(new Date('2026-11-01T05:30:00Z'), ny)).toBe('Sun, 01 Nov 2026 01:30:00 -0400');
		expect(toRfc822(new Date('2026-11-01T06:30:00Z'), ny)).toBe('Sun, 01 Nov 2026 01:30:00 -0500');
		expect(toRfc822(new Date('2026-07-01T12:00:00Z'), 'Europe/London')).toBe('Wed, 01 Jul 2026 13:00:00 +0100');
		expect(toRfc822(new Date('2026-07-01T12:00:00Z'), 'Australia/Sydney')).toBe('Wed, 01 Jul 2026 22:00:00 +1000');
		expect(toRfc822(new Date('2026-01-01T12:00:00Z'), 'Australia/Sydney')).toBe('Thu, 01 Jan 2026 23:00:00 +1100');
	});

	it('names the same instant: parsing the result gives the date back', () => {
		for (const timeZone of ['Asia/Kuala_Lumpur', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'UTC']) {
			for (const iso of ['2026-03-08T06:59:59Z', '2026-11-01T06:30:00Z', '2024-02-29T23:59:59Z']) {
				expect(Date.parse(toRfc822(new Date(iso), timeZone))).toBe(Date.parse(iso));
			}
		}
	});

	it('does not depend on the time zone of the machine that builds', () => {
		const date = new Date('2026-01-28T05:00:00Z');
		process.env['TZ'] = 'America/Los_Angeles';
		const inLosAngeles = toRfc822(date, 'Asia/Kuala_Lumpur');
		process.env['TZ'] = 'Asia/Tokyo';
		expect(toRfc822(date, 'Asia/Kuala_Lumpur')).toBe(inLosAngeles);
		expect(inLosAngeles).toBe('Wed, 28 Jan 2026 13:00:00 +0800');
	});
});
