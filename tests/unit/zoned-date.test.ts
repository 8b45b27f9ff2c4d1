import { describe, expect, it } from 'vitest';
import { parseZonedDate } from '../../integrations/newsroom/core/dates.ts';
import { formatDate, toZonedIso } from '../../integrations/newsroom/core/dates.ts';

describe('parseZonedDate', () => {
	it('reads a date without offset as wall-clock time in the site time zone', () => {
		expect(parseZonedDate('2026-01-28 18:00', 'Asia/Kuala_Lumpur').toISOString()).toBe('2026-01-28T10:00:00.000Z');
		expect(parseZonedDate('2026-01-28', 'Asia/Kuala_Lumpur').toISOString()).toBe('2026-01-27T16:00:00.000Z');
		expect(parseZonedDate('2026-01-28T09:30:15', 'UTC').toISOString()).toBe('2026-01-28T09:30:15.000Z');
	});

	it('honours an explicit offset whatever the site time zone', () => {
		expect(parseZonedDate('2026-01-28T18:00:00+08:00', 'America/New_York').toISOString()).toBe('2026-01-28T10:00:00.000Z');
		expect(parseZonedDate('2026-01-28T10:00:00Z', 'Asia/Tokyo').toISOString()).toBe('2026-01-28T10:00:00.000Z');
		expect(parseZonedDate('2026-01-28T05:00-0530', 'UTC').toISOString()).toBe('2026-01-28T10:30:00.000Z');
	});

	it('gets the offset right on both sides of a daylight-saving change', () => {
		// New York moved from EST (-5) to EDT (-4) at 2 am on 8 March 2026.
		expect(parseZonedDate('2026-03-07 12:00', 'America/New_York').toISOString()).toBe('2026-03-07T17:00:00.000Z');
		expect(parseZonedDate('2026-03-09 12:00', 'America/New_York').toISOString()).toBe('2026-03-09T16:00:00.000Z');
		expect(parseZonedDate('2026-10-26 09:00', 'Europe/London').toISOString()).toBe('2026-10-26T09:00:00.000Z');
		expect(parseZonedDate('2026-10-24 09:00', 'Europe/London').toISOString()).toBe('2026-10-24T08:00:00.000Z');
	});

	it('rejects impossible dates instead of rolling them over', () => {
		expect(() => parseZonedDate('2026-02-30', 'UTC')).toThrow('"2026-02-30" is not a real date or time');
		expect(() => parseZonedDate('2025-02-29', 'UTC')).toThrow('not a real date');
		expect(() => parseZonedDate('2026-01-28 24:30', 'UTC')).toThrow('not a real date');
		expect(parseZonedDate('2028-02-29', 'UTC').toISOString()).toBe('2028-02-29T00:00:00.000Z');
	});

	it('rejects text that is not a date, saying what was expected', () => {
		expect(() => parseZonedDate('28/01/2026', 'UTC')).toThrow('expected a date like 2026-01-28');
		expect(() => parseZonedDate('yesterday', 'UTC')).toThrow('got "yesterday"');
	});
});

describe('date output in the site time zone', () => {
	const date = new Date('2026-01-27T20:30:00Z');

	it('formats in the configured zone, not the machine one', () => {
		expect(formatDate(date, { locale: 'en-US', timeZone: 'Asia/Kuala_Lumpur' })).toBe('January 28, 2026');
		expect(formatDate(date, { locale: 'en-US', timeZone: 'America/Los_Angeles' })).toBe('January 27, 2026');
		expect(formatDate(date, { locale: 'en-GB', timeZone: 'Asia/Kuala_Lumpur', dateStyle: 'medium' })).toBe('28 Jan 2026');
	});

	it('writes ISO 8601 with the zone offset', () => {
		expect(toZonedIso(date, 'Asia/Kuala_Lumpur')).toBe('2026-01-28T04:30:00+08:00');
		expect(toZonedIso(date, 'America/St_Johns')).toBe('2026-01-27T17:00:00-03:30');
		expect(toZonedIso(date, 'UTC')).toBe('2026-01-27T20:30:00Z');
	});
});
