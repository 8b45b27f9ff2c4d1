import { describe, expect, it } from 'vitest';
import { relatedArticles, type Relatable } from '../../integrations/newsroom/content/related.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);
const article = (id: string, { days = 0, section = 'world', tags = [] as string[] } = {}): Relatable => ({
	id,
	data: { pubDate: day(days), section: { id: section }, tags },
});
/** Newest first, as the published set is. */
const newestFirst = (list: Relatable[]) => [...list].sort((a, b) => b.data.pubDate.getTime() - a.data.pubDate.getTime() || (a.id < b.id ? -1 : 1));
const ids = (map: Map<string, Relatable[]>, id: string) => map.get(id)!.map((entry) => entry.id);

describe('relatedArticles', () => {
	it('scores a shared rare topic above a shared common one, and adds the section and recency', () => {
		const list = newestFirst([
			article('a', { days: 10, section: 'world', tags: ['Rare', 'Common'] }),
			article('rare', { days: 0, section: 'sport', tags: ['Rare'] }),
			article('common', { days: 10, section: 'sport', tags: ['Common'] }),
			...['c1', 'c2', 'c3', 'c4'].map((id, index) => article(id, { days: 1 + index, section: 'sport', tags: ['Common'] })),
			article('same-section', { days: 9, section: 'world' }),
			article('unrelated', { days: 10, section: 'sport' }),
		]);
		// N = 9. rare: ln(1 + 9/2) + 2^(-10/30) = 2.50; same-section: 1 + 2^(-1/30) = 1.98;
		// common: ln(1 + 9/6) + 1 = 1.92; c1…c4: ln(2.5) + less recency; unrelated: 1 (recency only).
		const related = relatedArticles(list, { count: 3 });
		expect(ids(related, 'a')).toEqual(['rare', 'same-section', 'common']);
	});

	it('never picks the article itself, picks only from what it is given (the published set), and gives up to `count`', () => {
		const list = newestFirst(Array.from({ length: 12 }, (_, index) => article(`s${index}`, { days: index, tags: ['Shared'] })));
		const related = relatedArticles(list);
		for (const entry of list) {
			expect(ids(related, entry.id)).not.toContain(entry.id);
			expect(ids(related, entry.id)).toHaveLength(5);
			for (const id of ids(related, entry.id)) expect(list.some((candidate) => candidate.id === id)).toBe(true);
		}
		expect(relatedArticles([article('alone')]).get('alone')).toEqual([]);
	});

	it('is deterministic: equal scores go to the newer article, then the smaller id, whatever the input objects', () => {
		const list = newestFirst([article('x'), article('b', { days: -1 }), article('c', { days: -1 }), article('a', { days: -1 })]);
		expect(ids(relatedArticles(list), 'x')).toEqual(['a', 'b', 'c']);
		expect(ids(relatedArticles(list.map((entry) => ({ ...entry }))), 'x')).toEqual(['a', 'b', 'c']);
	});

	it('matches topics by their slug ("Belt and Road" and "belt-and-road" are one topic)', () => {
		const list = newestFirst([
			article('a', { days: 1, section: 'world', tags: ['Belt and Road'] }),
			article('b', { days: 0, section: 'sport', tags: ['belt-and-road'] }),
			article('c', { days: 1, section: 'sport' }),
		]);
		expect(ids(relatedArticles(list, { count: 1 }), 'a')).toEqual(['b']);
	});

	it('looks only at the `window` nearest articles of each list (an inverted index, not all pairs)', () => {
		// 200 articles in one section, no topics: only the 3 nearest on each side are candidates.
		const list = newestFirst(Array.from({ length: 200 }, (_, index) => article(`n${String(index).padStart(3, '0')}`, { days: index })));
		const related = relatedArticles(list, { count: 10, window: 3 });
		expect(ids(related, 'n100').sort()).toEqual(['n097', 'n098', 'n099', 'n101', 'n102', 'n103']);
	});
});
