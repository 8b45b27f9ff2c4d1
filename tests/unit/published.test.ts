import { describe, expect, it } from 'vitest';
import { heldBackSummary, isPublished, selectPublished } from '../../integrations/newsroom/content/published.ts';
import { resolveBuildTime } from '../../integrations/newsroom/core/dates.ts';

const article = (id: string, pubDate: string, draft = false) => ({ id, data: { pubDate: new Date(pubDate), draft } });
const now = new Date('2026-01-29T06:00:00Z');

describe('the published set', () => {
	const articles = [
		article('b-older', '2026-01-27T10:00:00Z'),
		article('draft', '2026-01-20T10:00:00Z', true),
		article('z-tie', '2026-01-28T10:00:00Z'),
		article('a-tie', '2026-01-28T10:00:00Z'),
		article('embargoed', '2026-01-29T06:00:01Z'),
		article('exactly-now', '2026-01-29T06:00:00Z'),
	];

	it('drops drafts and embargoed articles and orders the rest newest first, ties by id', () => {
		expect(selectPublished(articles, now).map((a) => a.id)).toEqual(['exactly-now', 'a-tie', 'z-tie', 'b-older']);
	});

	it('is deterministic whatever the input order', () => {
		expect(selectPublished([...articles].reverse(), now)).toEqual(selectPublished(articles, now));
	});

	it('lifts an embargo once the clock passes it', () => {
		const embargoed = article('embargoed', '2026-01-29T06:00:01Z');
		expect(isPublished(embargoed, now)).toBe(false);
		expect(isPublished(embargoed, new Date('2026-01-29T06:00:01Z'))).toBe(true);
	});

	it('counts what is held back and when the next embargo lifts', () => {
		const summary = heldBackSummary(
			[...articles, article('later', '2026-03-01T00:00:00Z')].map((a) => a.data),
			now,
		);
		expect(summary).toEqual({ published: 4, drafts: 1, embargoed: 2, nextLift: new Date('2026-01-29T06:00:01Z') });
	});
});

describe('the build clock', () => {
	it('takes the `now` option first, then SOURCE_DATE_EPOCH, then the wall clock', () => {
		const clock = () => Date.parse('2030-01-01T00:00:00Z');
		expect(resolveBuildTime('2026-01-29T06:00:00Z', { SOURCE_DATE_EPOCH: '0' }, clock).toISOString()).toBe('2026-01-29T06:00:00.000Z');
		expect(resolveBuildTime(undefined, { SOURCE_DATE_EPOCH: '1769666400' }, clock).toISOString()).toBe('2026-01-29T06:00:00.000Z');
		expect(resolveBuildTime(undefined, {}, clock).toISOString()).toBe('2030-01-01T00:00:00.000Z');
	});

	it('rejects a malformed SOURCE_DATE_EPOCH', () => {
		expect(() => resolveBuildTime(undefined, { SOURCE_DATE_EPOCH: 'tomorrow' })).toThrow('SOURCE_DATE_EPOCH must be a whole number');
	});
});
