import { describe, expect, it } from 'vitest';
import { daylightSavingNote, parseZonedDate } from '../../integrations/newsroom/core/dates.ts';
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

describe('local times a daylight-saving change skips or repeats', () => {
	const iso = (text: string, zone: string) => parseZonedDate(text, zone).toISOString();

	it('reads a skipped time (clocks go forward) with the offset before the change: later than every earlier time', () => {
		// New York: 2026-03-08 02:00 EST becomes 03:00 EDT; 02:30 never shows on a clock.
		expect(iso('2026-03-08 01:59', 'America/New_York')).toBe('2026-03-08T06:59:00.000Z');
		expect(iso('2026-03-08 02:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
		expect(iso('2026-03-08 02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
		expect(iso('2026-03-08 03:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
		// London: 2026-03-29 01:00 GMT becomes 02:00 BST.
		expect(iso('2026-03-29 00:59', 'Europe/London')).toBe('2026-03-29T00:59:00.000Z');
		expect(iso('2026-03-29 01:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
		expect(iso('2026-03-29 02:00', 'Europe/London')).toBe('2026-03-29T01:00:00.000Z');
	});

	it('keeps the order of times written across the change (an embargo never lifts before an earlier one)', () => {
		const times = ['01:00', '01:30', '01:59', '02:00', '02:15', '02:30', '02:59'].map((time) =>
			parseZonedDate(`2026-03-08 ${time}`, 'America/New_York').getTime(),
		);
		expect([...times].sort((a, b) => a - b)).toEqual(times);
	});

	it('reads a repeated time (clocks go back) as its second occurrence, after the change', () => {
		// New York: 2026-11-01 02:00 EDT becomes 01:00 EST; 01:30 happens at 05:30Z and again at 06:30Z.
		expect(iso('2026-11-01 00:59', 'America/New_York')).toBe('2026-11-01T04:59:00.000Z');
		expect(iso('2026-11-01 01:30', 'America/New_York')).toBe('2026-11-01T06:30:00.000Z');
		expect(iso('2026-11-01 02:00', 'America/New_York')).toBe('2026-11-01T07:00:00.000Z');
		// London: 2026-10-25 02:00 BST becomes 01:00 GMT; 01:30 happens at 00:30Z and at 01:30Z.
		expect(iso('2026-10-25 01:30', 'Europe/London')).toBe('2026-10-25T01:30:00.000Z');
		expect(iso('2026-10-25 00:30', 'Europe/London')).toBe('2026-10-24T23:30:00.000Z');
	});

	it('reads the first occurrence when the writer gives the offset', () => {
		expect(iso('2026-11-01T01:30-04:00', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
		expect(iso('2026-10-25T01:30+01:00', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
	});

	it('explains how such a time was read, for the build log, and says nothing of ordinary times', () => {
		expect(daylightSavingNote('2026-03-08 02:30', 'America/New_York')).toBe(
			'"2026-03-08 02:30" does not exist in America/New_York (the clocks go forward over it); read as 2026-03-08 03:30:00-04:00. Write the time with its offset to choose another.',
		);
		expect(daylightSavingNote('2026-10-25 01:30', 'Europe/London')).toBe(
			'"2026-10-25 01:30" happens twice in Europe/London (the clocks go back over it); read as the second, 2026-10-25 01:30:00Z. Write the time with its offset to choose the first.',
		);
		expect(daylightSavingNote('2026-03-08 01:59', 'America/New_York')).toBeUndefined();
		expect(daylightSavingNote('2026-11-01T01:30-04:00', 'America/New_York')).toBeUndefined();
		expect(daylightSavingNote('2026-01-28 09:00', 'Asia/Kuala_Lumpur')).toBeUndefined();
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
