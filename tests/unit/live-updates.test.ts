import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../integrations/newsroom/options.ts';
import { hasEnded, liveUpdatesFile, newUpdates, pluralText } from '../../integrations/newsroom/live-updates/updates.ts';

const iso = (date: Date) => date.toISOString();

describe('liveUpdatesFile', () => {
	it('lists every entry newest first by time (pinned or not), with its anchor, and the status', () => {
		const file = liveUpdatesFile(
			'live',
			[
				{ id: 'update-0900-pinned', date: new Date('2026-01-20T01:00:00Z') },
				{ id: 'update-1100', date: new Date('2026-01-20T03:00:00Z') },
				{ id: 'update-1000-b', date: new Date('2026-01-20T02:00:00Z') },
				{ id: 'update-1000-a', date: new Date('2026-01-20T02:00:00Z') },
			],
			iso,
		);
		expect(file).toEqual({
			status: 'live',
			updates: [
				{ id: 'update-1100', date: '2026-01-20T03:00:00.000Z' },
				{ id: 'update-1000-a', date: '2026-01-20T02:00:00.000Z' },
				{ id: 'update-1000-b', date: '2026-01-20T02:00:00.000Z' },
				{ id: 'update-0900-pinned', date: '2026-01-20T01:00:00.000Z' },
			],
		});
		expect(liveUpdatesFile('ended', [], iso)).toEqual({ status: 'ended', updates: [] });
	});
});

describe('newUpdates', () => {
	const onPage = new Set(['update-1000', 'update-0900']);
	const shown = (id: string) => onPage.has(id);

	it('is the entries the page does not show, newest first', () => {
		const file = { status: 'live', updates: [{ id: 'update-1200' }, { id: 'update-1100' }, { id: 'update-1000' }, { id: 'update-0900' }] };
		expect(newUpdates(file, shown)).toEqual(['update-1200', 'update-1100']);
	});

	it('counts an entry added with an earlier time (not only newer ones), and ignores entries removed since', () => {
		expect(newUpdates({ updates: [{ id: 'update-1000' }, { id: 'update-0930-late' }] }, shown)).toEqual(['update-0930-late']);
		expect(newUpdates({ updates: [{ id: 'update-1000' }] }, shown)).toEqual([]);
	});

	it('finds nothing in a file of another shape (an error page, a half-written deploy, hostile JSON)', () => {
		for (const file of [null, 'x', 42, {}, { updates: 'x' }, { updates: [null, 3, { id: 7 }, { id: '' }, {}] }]) {
			expect(newUpdates(file, shown)).toEqual([]);
		}
	});
});

describe('hasEnded', () => {
	it('is true only when the file says ended', () => {
		expect(hasEnded({ status: 'ended', updates: [] })).toBe(true);
		expect(hasEnded({ status: 'live', updates: [] })).toBe(false);
		expect(hasEnded(null)).toBe(false);
	});
});

describe('pluralText', () => {
	it('picks the plural form of the locale and formats the count there', () => {
		const english = { one: '{count} new update', other: '{count} new updates' };
		expect(pluralText(english, 1, 'en-US')).toBe('1 new update');
		expect(pluralText(english, 3, 'en-US')).toBe('3 new updates');
		expect(pluralText(english, 1200, 'en-US')).toBe('1,200 new updates');
		// Arabic has six forms; a label giving only some falls back to `other`.
		expect(pluralText({ two: 'تحديثان جديدان', other: '{count} تحديثات' }, 2, 'ar')).toBe('تحديثان جديدان');
		expect(pluralText({ other: '{count} تحديثات' }, 3, 'ar-EG')).toBe('٣ تحديثات');
		expect(pluralText({ other: '{count} kemas kini baharu' }, 1, 'ms-MY')).toBe('1 kemas kini baharu');
	});
});

describe('the liveUpdates option', () => {
	const resolve = (liveUpdates: unknown) =>
		resolveOptions({ name: 'x', consent: { contact: 'a@b.example' }, liveUpdates } as Parameters<typeof resolveOptions>[0]).liveUpdates;
	const problem = (liveUpdates: unknown) => {
		try {
			resolve(liveUpdates);
		} catch (error) {
			return (error as Error).message.split('\n').slice(1).join('\n');
		}
		throw new Error('expected an error');
	};

	it('is off by default; true polls every 30 seconds; pollSeconds sets the interval', () => {
		expect(resolve(undefined)).toBe(false);
		expect(resolve(false)).toBe(false);
		expect(resolve(true)).toEqual({ pollSeconds: 30 });
		expect(resolve({})).toEqual({ pollSeconds: 30 });
		expect(resolve({ pollSeconds: 15 })).toEqual({ pollSeconds: 15 });
	});

	it('names the field and what was expected when wrong', () => {
		expect(problem('yes')).toBe('**liveUpdates**: expected true, false or { pollSeconds }, e.g. { pollSeconds: 30 }');
		expect(problem({ pollSeconds: 5 })).toBe(
			'**liveUpdates.pollSeconds**: expected at least 10 seconds (the CDN keeps the file 30 seconds: faster polling only costs requests)',
		);
		expect(problem({ pollSeconds: 1.5 })).toBe('**liveUpdates**: pollSeconds: expected a whole number of seconds');
		expect(problem({ pollSeconds: 3600 })).toBe('**liveUpdates.pollSeconds**: expected at most 600 seconds (10 minutes)');
		expect(problem({ every: 30 })).toBe('**liveUpdates.every**: unknown option (check the spelling)');
	});
});
