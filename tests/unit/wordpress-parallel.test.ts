import { describe, expect, it } from 'vitest';
import { createConverter, createPool, type ConversionIndex } from '../../integrations/newsroom/wordpress/parallel.ts';

/** Bodies converted on worker threads give what the main thread gives, in order, even when a worker runs out of memory. */
const index: ConversionIndex = {
	blogUrl: 'https://old.example',
	attachments: [[7, { url: 'https://old.example/wp-content/uploads/boat.jpg', alt: 'A boat', caption: '' }]],
	attachmentsByUrl: [['https://old.example/wp-content/uploads/boat.jpg', 7]],
	children: [],
	reusable: [],
	permalinks: [['/2024/01/02/other/', '2024/01/other']],
	postIds: [[12, '2024/01/other']],
};
const jobs = [
	{
		postId: 1,
		html: 'See <a href="https://old.example/2024/01/02/other/">other</a> and <a href="https://old.example/?p=12">again</a>.',
		placed: [],
	},
	{
		postId: 2,
		html: '<img src="https://old.example/wp-content/uploads/boat.jpg">',
		placed: [['https://old.example/wp-content/uploads/boat.jpg', '../boat.jpg']] as [string, string][],
	},
	{ postId: 3, html: '<h1>Title</h1>\n\nText', placed: [] },
];

describe('conversion on worker threads', () => {
	it('gives the same results as on the main thread, in order', async () => {
		const here = createConverter(index);
		const pool = createPool(index, 2);
		try {
			const results = await Promise.all(jobs.map((job) => pool.convert(job)));
			expect(results).toEqual(jobs.map(here));
			expect(results[0]!.markdown).toBe(
				'See [other](/articles/2024/01/other/) and [again](/articles/2024/01/other/).\n',
			);
			expect(results[1]!.markdown).toBe('![A boat](../boat.jpg)\n');
		} finally {
			await pool.close();
		}
	});

	it('converts on the main thread a body too big for its worker, and goes on', async () => {
		const big = Array.from(
			{ length: 20000 },
			(_, i) => `<p>Paragraph ${i} with <em>some</em> <a href="https://x.example/${i}">links</a>.</p>`,
		).join('\n');
		const pool = createPool(index, 1, { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 });
		try {
			const results = await Promise.all(
				[...jobs, { postId: 4, html: big, placed: [] }, ...jobs].map((job) => pool.convert(job)),
			);
			expect(pool.fallbacks).toBeGreaterThanOrEqual(1);
			const here = createConverter(index);
			expect(results.map((result) => result.markdown)).toEqual(
				[...jobs, { postId: 4, html: big, placed: [] }, ...jobs].map((job) => here(job).markdown),
			);
		} finally {
			await pool.close();
		}
	}, 60_000);
});
