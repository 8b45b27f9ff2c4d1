import { describe, expect, it } from 'vitest';
import { listKey, type ListOptions } from '../../integrations/newsroom/recent-posts/lists.ts';
import { findMarkedBlocks, MARKER_END, markerStart } from '../../integrations/newsroom/incremental/recent-posts.ts';
import { readVariants, spliceRecentPosts } from '../../integrations/newsroom/incremental/recent-posts.ts';
import { withoutRecentPosts } from '../../integrations/newsroom/incremental/page-facts.ts';

const options: ListOptions = {
	count: 2,
	excerptWords: 20,
	heading: 'Recent Posts',
	readMoreLabel: 'Read More',
	dateStyle: 'long',
	id: 'recent-posts',
};
const key = listKey(options);
const widget = (current: string | undefined, markup: string) => `${markerStart(key, current)}${markup}${MARKER_END}`;
// The variants page: the default list (no article left out) and one per listed article.
const variants = readVariants(
	[widget(undefined, '<ul>C B</ul>'), widget('2026/c', '<ul>B A</ul>'), widget('2026/b', '<ul>C A</ul>')].join('\n'),
);

describe('listKey', () => {
	it('is hex, stable, and differs with any option', () => {
		expect(key).toMatch(/^[0-9a-f]{16}$/);
		expect(listKey({ ...options })).toBe(key);
		expect(listKey({ ...options, section: 'world' })).not.toBe(key);
		expect(listKey({ ...options, heading: 'Latest' })).not.toBe(key);
		expect(listKey({ ...options, count: 3 })).not.toBe(key);
	});
});

describe('Recent Posts markers', () => {
	it('carry any article id inside a comment that cannot be closed early', () => {
		const id = 'a--b/-->x é';
		const marker = markerStart(key, id);
		expect(marker.indexOf('-->')).toBe(marker.length - 3);
		const [block] = findMarkedBlocks(`<p>x</p>${marker}<ul></ul>${MARKER_END}`);
		expect(block?.current).toBe(id);
		expect(block?.key).toBe(key);
	});

	it('refuse a start without its end', () => {
		expect(() => findMarkedBlocks(`${markerStart(key, 'x')}<ul>`)).toThrow(/no end/);
	});
});

describe('spliceRecentPosts', () => {
	it("swaps a reused page's list for the current one and keeps the page's own marker", () => {
		const page = `<main>${widget('2025/z', '<ul>old</ul>')}</main>`;
		expect(spliceRecentPosts(page, variants)).toBe(`<main>${widget('2025/z', '<ul>C B</ul>')}</main>`);
	});

	it('gives a listed article the list without itself', () => {
		const page = `<main>${widget('2026/c', '<ul>old</ul>')}</main>`;
		expect(spliceRecentPosts(page, variants)).toBe(`<main>${widget('2026/c', '<ul>B A</ul>')}</main>`);
	});

	it('returns undefined when the page is already current', () => {
		expect(spliceRecentPosts(`<main>${widget('2026/b', '<ul>C A</ul>')}</main>`, variants)).toBeUndefined();
	});

	it('updates every widget on a page', () => {
		const page = `${widget(undefined, 'x')}<hr>${widget('2026/b', 'y')}`;
		expect(spliceRecentPosts(page, variants)).toBe(
			`${widget(undefined, '<ul>C B</ul>')}<hr>${widget('2026/b', '<ul>C A</ul>')}`,
		);
	});

	it('leaves widgets with list options the variants page does not have (new in this build, so rendered fresh)', () => {
		const other = listKey({ ...options, count: 5 });
		const page = `${markerStart(other, 'x')}<ul>fresh</ul>${MARKER_END}`;
		const unknown = new Set<string>();
		expect(spliceRecentPosts(page, variants, unknown)).toBeUndefined();
		expect([...unknown]).toEqual([other]);
	});
});

describe('withoutRecentPosts (what the checks after a build read of a page)', () => {
	it('is the same before and after a splice, so facts read before it stay true', () => {
		const page = `<head><meta http-equiv="content-security-policy" content="x"></head><main><p>Body</p>${widget('2025/z', '<ul>old</ul>')}<aside>${widget(undefined, '')}</aside></main>`;
		const spliced = spliceRecentPosts(page, variants)!;
		expect(spliced).not.toBe(page);
		expect(withoutRecentPosts(spliced)).toBe(withoutRecentPosts(page));
		expect(withoutRecentPosts(page)).toBe(
			`<head><meta http-equiv="content-security-policy" content="x"></head><main><p>Body</p>${widget('2025/z', '')}<aside>${widget(undefined, '')}</aside></main>`,
		);
	});

	it('keeps everything outside the lists, and gives up on a broken marker', () => {
		expect(withoutRecentPosts('<p>No list</p>')).toBe('<p>No list</p>');
		expect(withoutRecentPosts(`<p>x</p>${markerStart(key, 'x')}<iframe src="https://a.example/"></iframe>`)).toBeUndefined();
	});
});
