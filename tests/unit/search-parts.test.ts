import { describe, expect, it } from 'vitest';
import { indexPartOf, indexParts } from '../../integrations/newsroom/search/index-site.ts';

describe('the parts of the search index (one Pagefind index per year)', () => {
	it('puts a page in the year of its address, anything else in `other`', () => {
		expect(indexPartOf('articles/2024/03/ferry/index.html')).toBe('2024');
		expect(indexPartOf('articles/1999/12/y2k/index.html')).toBe('1999');
		expect(indexPartOf('articles/special/index.html')).toBe('other');
	});

	it('lists the parts newest first, `other` last, each with its article pages in path order', () => {
		const pages = [
			'articles/2023/05/b/index.html',
			'index.html',
			'articles/special/index.html',
			'articles/2026/01/a/index.html',
			'articles/2023/04/a/index.html',
			'sections/world/index.html',
		];
		expect(indexParts(pages)).toEqual([
			{ name: '2026', pages: ['articles/2026/01/a/index.html'] },
			{ name: '2023', pages: ['articles/2023/04/a/index.html', 'articles/2023/05/b/index.html'] },
			{ name: 'other', pages: ['articles/special/index.html'] },
		]);
	});

	it('has no part without an article page', () => {
		expect(indexParts(['index.html', 'search/index.html'])).toEqual([]);
	});
});
