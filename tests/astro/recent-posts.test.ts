import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import RecentPostsList from '../../integrations/newsroom/recent-posts/RecentPostsList.astro';

const items = [
	{
		id: '2026/01/a',
		title: 'Tom & Jerry <3 “quotes”',
		href: '/articles/2026/01/a/',
		excerpt: 'Fish & chips, then…',
		date: new Date('2026-01-28T10:00:00Z'),
	},
	{
		id: '2026/01/b',
		title: 'Second story',
		href: '/articles/2026/01/b/',
		excerpt: 'Opening words…',
		date: new Date('2026-01-27T17:30:00Z'),
	},
];

let container: AstroContainer;
beforeAll(async () => {
	container = await AstroContainer.create();
});

async function render(props: Record<string, unknown>) {
	const html = await container.renderToString(RecentPostsList, {
		props: { items, heading: 'Recent Posts', readMoreLabel: 'Read More', dateStyle: 'long', id: 'recent-posts', ...props },
	});
	return { html, document: parseHTML(`<!doctype html><html><body>${html}</body></html>`).document };
}

describe('<RecentPostsList /> through the Container API', () => {
	it('renders a labelled section with one item per article', async () => {
		const { document } = await render({});
		const section = document.querySelector('section.recent-posts')!;
		expect(section.getAttribute('aria-labelledby')).toBe('recent-posts');
		expect(document.getElementById('recent-posts')?.textContent).toBe('Recent Posts');
		expect(section.querySelectorAll('li')).toHaveLength(2);
	});

	it('links the title and gives each "Read More" an accessible name with the title', async () => {
		const { document } = await render({});
		const first = document.querySelector('li')!;
		expect(first.querySelector('h3 a')?.getAttribute('href')).toBe('/articles/2026/01/a/');
		expect(first.querySelector('h3 a')?.textContent).toBe('Tom & Jerry <3 “quotes”');
		const readMore = first.querySelector('a.read-more')!;
		expect(readMore.getAttribute('href')).toBe('/articles/2026/01/a/');
		expect(readMore.textContent?.replace(/\s+/g, ' ').trim()).toBe('Read More: Tom & Jerry <3 “quotes”');
		expect(readMore.querySelector('.visually-hidden')?.textContent).toBe(': Tom & Jerry <3 “quotes”');
	});

	it('escapes text once (entities intact, no double escaping)', async () => {
		const { html } = await render({});
		expect(html).toContain('Fish &amp; chips, then…');
		expect(html).not.toContain('&amp;amp;');
	});

	it('shows dates in the site time zone with a machine-readable datetime', async () => {
		const { document } = await render({});
		const times = [...document.querySelectorAll('time')].map((time) => [time.getAttribute('datetime'), time.textContent]);
		// The sample site's zone is Asia/Kuala_Lumpur (+08:00): 17:30 UTC on the 27th is already the 28th there.
		expect(times).toEqual([
			['2026-01-28T18:00:00+08:00', 'January 28, 2026'],
			['2026-01-28T01:30:00+08:00', 'January 28, 2026'],
		]);
	});

	it('uses the heading, label and date style it is given', async () => {
		const { document } = await render({ heading: 'Latest', readMoreLabel: 'Continue', dateStyle: 'medium', id: 'side' });
		expect(document.getElementById('side')?.textContent).toBe('Latest');
		expect(document.querySelector('a.read-more')?.firstChild?.textContent?.trim()).toBe('Continue');
		expect(document.querySelector('time')?.textContent).toBe('Jan 28, 2026');
	});

	it('renders nothing for an empty list (no empty heading)', async () => {
		const { html } = await render({ items: [] });
		expect(html.trim()).toBe('');
	});

	it('ships no script', async () => {
		const { document } = await render({});
		expect(document.querySelectorAll('script')).toHaveLength(0);
	});
});
