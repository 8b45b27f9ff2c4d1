import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { page, text } from '../helpers/parse.ts';
import { siteDist } from '../helpers/paths.ts';

/** The seed page's Recent Posts: title, excerpt (before "… Read More") and date, in the order shown. */
async function seedRecentPosts() {
	const seed = await readFile(new URL('../fixtures/seed-article-page.txt', import.meta.url), 'utf8');
	const block = seed.slice(seed.indexOf('Recent Posts') + 'Recent Posts'.length, seed.indexOf('This website uses cookies.'));
	const lines = block.split('\n').map((line) => line.trim()).filter(Boolean);
	const posts = [];
	for (let i = 0; i + 2 < lines.length; i += 3) {
		posts.push({ title: lines[i]!, excerpt: lines[i + 1]!.replace(/ Read More$/, ''), date: lines[i + 2]! });
	}
	return posts;
}

/** What the built widget shows for each item. */
function widgetItems(document: Document) {
	return [...document.querySelectorAll('.recent-posts li')].map((item) => {
		const paragraph = item.querySelector('p')!;
		const readMore = paragraph.querySelector('a.read-more')!;
		return {
			title: text(item.querySelector('h3 a')),
			excerpt: text(paragraph).replace(text(readMore), '').trim(),
			date: text(item.querySelector('time')),
			readMore: readMore.firstChild?.textContent,
			readMoreName: text(readMore),
			href: item.querySelector('h3 a')?.getAttribute('href'),
		};
	});
}

describe('Recent Posts on the built sample site', () => {
	it('shows on the seed article the same list as the seed page: titles, excerpts, dates, in order', async () => {
		const seed = await seedRecentPosts();
		expect(seed).toHaveLength(6);
		const document = await page('/articles/2023/05/xi-central-asia-potential/');
		const items = widgetItems(document);
		expect(items.map(({ title, excerpt, date }) => ({ title, excerpt, date }))).toEqual(seed);
		for (const item of items) {
			expect(item.excerpt.endsWith('…')).toBe(true);
			expect(item.readMore).toBe('Read More');
			expect(item.readMoreName).toBe(`Read More: ${item.title}`);
		}
		expect(text(document.querySelector('.recent-posts h2'))).toBe('Recent Posts');
	});

	it('leaves out the article the page is about and fills up with the next one', async () => {
		const document = await page('/articles/2026/01/south-yemen-security-narratives/');
		const items = widgetItems(document);
		expect(items.map((item) => item.href)).toEqual([
			'/articles/2026/01/paris-couture-details-zara/',
			'/articles/2026/01/festival-tourism-sundance-bafta/',
			'/articles/2026/01/joe-burrow-piano-soft-skills/',
			'/articles/2026/01/albania-visa-free-destination/',
			'/articles/2026/01/bezos-musk-satellite-race/',
			'/articles/2023/05/xi-central-asia-potential/',
		]);
		// The 2023 story has a dek, so its excerpt is the dek cut to 20 words.
		expect(items.at(-1)?.excerpt).toBe(
			'Following a historic summit with the leaders of the strategically significant area, Xi Jinping urged China and Central Asia to…',
		);
	});

	it('strips MDX: the satellite story excerpt has no import line or component code', async () => {
		const document = await page('/articles/2023/05/xi-central-asia-potential/');
		const bezos = widgetItems(document).find((item) => item.title.startsWith('Bezos'))!;
		expect(bezos.excerpt).not.toMatch(/import|Factbox|<|\{/);
	});

	it('never lists a draft or an embargoed article, though the draft is recent enough to rank', async () => {
		// The sample draft is newer than the oldest story every list shows: were it not held back, it would be listed.
		const draft = await readFile(new URL('../../src/content/articles/2026/01/draft-budget-preview.md', import.meta.url), 'utf8');
		expect(draft).toMatch(/^draft: true$/m);
		const draftDate = Date.parse(`${/^pubDate: (.+)$/m.exec(draft)![1]!.replace(' ', 'T')}:00+08:00`);
		const january = await readdir(join(siteDist, 'articles/2026/01'));
		const pages = ['/', '/articles/2023/05/xi-central-asia-potential/', ...january.map((slug) => `/articles/2026/01/${slug}/`)];
		expect(pages.length).toBeGreaterThan(6);
		for (const path of pages) {
			const document = await page(path);
			const items = widgetItems(document);
			expect(items, path).toHaveLength(6);
			expect(items.some((item) => /Draft|Embargoed/.test(item.title)), path).toBe(false);
			// Except on the 2023 story's own page, whose list holds only newer stories.
			if (path.includes('/2023/')) continue;
			const oldest = Date.parse(document.querySelector('.recent-posts li:last-child time')!.getAttribute('datetime')!);
			expect(draftDate, path).toBeGreaterThan(oldest);
		}
	});
});
