import { describe, expect, it } from 'vitest';
import { indexParts, searchablePage } from '../../integrations/newsroom/search/index-site.ts';

const articlePage = (year: string, body: string, head = '') =>
	`<!DOCTYPE html><html><head><title>${head}</title></head><body>` +
	`<article data-pagefind-body data-year="${year}"><h1>Headline</h1>${body}` +
	`<nav class="related" data-pagefind-ignore><a href="/a/">Related one</a><img src="x.png" alt=""><span data-pagefind-filter="tag">Tag</span></nav></article>` +
	`<!--newsroom:recent-posts ab --><section data-pagefind-ignore><p>list</p></section><!--/newsroom:recent-posts--></body></html>`;

describe('the parts of the search index (one Pagefind index per year)', () => {
	it('puts a page in the year it was published in (its data-year), not the year of its folder', () => {
		expect(searchablePage('articles/2024/12/late/index.html', articlePage('2025', '<p>x</p>'))?.year).toBe('2025');
		expect(searchablePage('articles/politics/vote/index.html', articlePage('2019', '<p>x</p>'))?.year).toBe('2019');
	});

	it('leaves out a page without data-pagefind-body (an alias redirect page), whatever its text says', () => {
		const redirect = '<html><head><title>data-pagefind-body data-year="2020"</title></head><body><p>Moved: data-pagefind-body</p></body></html>';
		expect(searchablePage('articles/old-slug/index.html', redirect)).toBeUndefined();
		// Text that looks like the attribute, before the article element, does not decide the year.
		expect(searchablePage('articles/a/index.html', articlePage('2023', '', '&lt;x data-pagefind-body data-year="1999"&gt;'))?.year).toBe('2023');
		expect(searchablePage('articles/a/index.html', articlePage('no year', ''))?.year).toBe('other');
	});

	it('gives a page the same digest when only what Pagefind ignores changed (Recent Posts, related links)', () => {
		const page = articlePage('2026', '<p>Body</p>');
		const digest = (html: string) => searchablePage('articles/a/index.html', html)!.digest;
		expect(digest(page.replace('>list<', '>another list<'))).toBe(digest(page));
		expect(digest(page.replace('Related one', 'Related two'))).toBe(digest(page));
		// What Pagefind reads: the text, and a filter even inside an ignored element.
		expect(digest(page.replace('Body', 'Edited body'))).not.toBe(digest(page));
		expect(digest(page.replace('>Tag<', '>Other tag<'))).not.toBe(digest(page));
		expect(digest(page.replace('data-year="2026"><h1>Headline', 'data-year="2026"><h1>Headline, corrected'))).not.toBe(digest(page));
	});

	it('lists the parts newest first, `other` last, each with its pages in path order', () => {
		const page = (path: string, year: string) => ({ path, year, digest: path });
		const parts = indexParts([
			page('articles/b/index.html', '2023'),
			page('articles/special/index.html', 'other'),
			page('articles/c/index.html', '2026'),
			page('articles/a/index.html', '2023'),
		]);
		expect(parts.map((part) => [part.name, part.pages.map((p) => p.path)])).toEqual([
			['2026', ['articles/c/index.html']],
			['2023', ['articles/a/index.html', 'articles/b/index.html']],
			['other', ['articles/special/index.html']],
		]);
		expect(indexParts([])).toEqual([]);
	});
});
