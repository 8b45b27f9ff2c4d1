import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { page, text } from '../helpers/parse.ts';
import { siteDist } from '../helpers/paths.ts';

const xi = '/articles/2023/05/xi-central-asia-potential/';

describe('the built sample site', () => {
	it('has a page for every published sample article with headline, byline and labelled dates', async () => {
		const doc = await page(xi);
		expect(doc.querySelectorAll('h1')).toHaveLength(1);
		expect(text(doc.querySelector('h1'))).toBe('Xi believes potential must be “fully unleashed” in China and Central Asia');
		expect(doc.documentElement.getAttribute('lang')).toBe('en-US');
		const byline = doc.querySelector('.byline a[rel="author"]');
		expect(text(byline)).toBe('AP Journalist');
		expect(byline?.getAttribute('href')).toBe('/authors/ap-journalist/');
		const dates = [...doc.querySelectorAll('.dates dt')].map((dt) => text(dt));
		expect(dates).toEqual(['Published', 'Updated']);
		const times = [...doc.querySelectorAll('.dates time')].map((time) => [time.getAttribute('datetime'), text(time)]);
		expect(times).toEqual([
			['2023-05-19T18:30:00+08:00', 'May 19, 2023 at 6:30 PM'],
			['2023-05-20T09:15:00+08:00', 'May 20, 2023 at 9:15 AM'],
		]);
		expect(text(doc.querySelector('.dateline'))).toContain("XI'AN, China");
		expect(doc.querySelectorAll('.article-body blockquote').length).toBe(2);
		expect(text(doc.querySelector('.corrections'))).toContain('misstated the year of the next summit');
	});

	it('builds every published article and nothing held back', async () => {
		const months = await readdir(join(siteDist, 'articles', '2026', '01'));
		expect(months.sort()).toEqual([
			'albania-visa-free-destination',
			'bezos-musk-satellite-race',
			'festival-tourism-sundance-bafta',
			'joe-burrow-piano-soft-skills',
			'paris-couture-details-zara',
			'south-yemen-security-narratives',
		]);
		expect((await readdir(join(siteDist, 'articles'))).sort()).toEqual(['2023', '2026']);
	});
});
