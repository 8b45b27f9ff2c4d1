import { describe, expect, it } from 'vitest';
import {
	convertJob,
	createPool,
	rewriteLink,
	type ConversionJob,
} from '../../integrations/newsroom/wordpress/parallel.ts';

/** Bodies converted on worker threads give what the main thread gives, in order, even when a worker runs out of memory. */
const job = (postId: number, html: string, more: Partial<ConversionJob> = {}): ConversionJob => ({
	postId,
	html,
	placed: [],
	links: [],
	attachments: [],
	attachmentsByUrl: [],
	children: [],
	reusable: [],
	...more,
});
const jobs = [
	job(1, 'See <a href="https://old.example/2024/01/02/other/">other</a>.', {
		links: [['https://old.example/2024/01/02/other/', '/articles/2024/01/other/']],
	}),
	job(2, '<img src="https://old.example/wp-content/uploads/boat.jpg">', {
		placed: [['https://old.example/wp-content/uploads/boat.jpg', '../boat.jpg']],
		attachments: [[7, { url: 'https://old.example/wp-content/uploads/boat.jpg', alt: 'A boat', caption: '' }]],
		attachmentsByUrl: [['https://old.example/wp-content/uploads/boat.jpg', 7]],
	}),
	job(3, '<h1>Title</h1>\n\nText'),
];

describe('rewriteLink', () => {
	const blog = new URL('https://old.example');
	const permalinks = new Map([['/2024/01/02/café/', '2024/01/cafe']]);
	const articleOf = (id: number) => (id === 12 ? '2024/01/other' : undefined);

	it('points an old permalink (encoded or not, www or not) and a ?p= link at the article; anything else stays', () => {
		expect(rewriteLink('https://www.old.example/2024/01/02/caf%C3%A9/#top', blog, permalinks, articleOf)).toBe(
			'/articles/2024/01/cafe/#top',
		);
		expect(rewriteLink('/?p=12', blog, permalinks, articleOf)).toBe('/articles/2024/01/other/');
		expect(rewriteLink('https://elsewhere.example/2024/01/02/café/', blog, permalinks, articleOf)).toBe(
			'https://elsewhere.example/2024/01/02/café/',
		);
		expect(rewriteLink('mailto:desk@old.example', blog, permalinks, articleOf)).toBe('mailto:desk@old.example');
	});
});

describe('conversion on worker threads', () => {
	it('gives the same results as on the main thread, in order', async () => {
		const pool = createPool(2);
		try {
			const results = await Promise.all(jobs.map((each) => pool.convert(each)));
			expect(results).toEqual(jobs.map(convertJob));
			expect(results[0]!.markdown).toBe('See [other](/articles/2024/01/other/).\n');
			expect(results[1]!.markdown).toBe('![A boat](../boat.jpg)\n');
		} finally {
			await pool.close();
		}
	});

	it('converts on the main thread a body too big for its worker, and goes on', async () => {
		const big = job(
			4,
			Array.from(
				{ length: 20000 },
				(_, i) => `<p>Paragraph ${i} with <em>some</em> <a href="https://x.example/${i}">links</a>.</p>`,
			).join('\n'),
		);
		const all = [...jobs, big, ...jobs];
		const pool = createPool(1, { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 });
		try {
			const results = await Promise.all(all.map((each) => pool.convert(each)));
			expect(pool.fallbacks).toBeGreaterThanOrEqual(1);
			expect(results.map((result) => result.markdown)).toEqual(all.map((each) => convertJob(each).markdown));
		} finally {
			await pool.close();
		}
	}, 60_000);
});
