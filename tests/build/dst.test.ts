import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, captureOutput } from '../helpers/build-site.ts';
import { page } from '../helpers/parse.ts';
import { repoRoot } from '../helpers/paths.ts';

/**
 * Embargoes at local times a daylight-saving change skips or repeats (docs/writing-articles.md, "Dates"), built in
 * America/New_York. 02:30 on 8 March 2026 never shows on a clock there: it is read as 03:30 EDT (07:30 UTC), so at
 * 07:00 UTC the story is still held back, after the 01:59 story. 01:30 on 1 November 2026 happens twice: it is
 * read as the second (06:30 UTC), so at 06:00 UTC the story is still held back.
 */
const fixture = join(repoRoot, 'tests/fixtures/dst-site');
const built = (id: string, dist: string) => existsSync(join(dist, `articles/${id}/index.html`));
const feedTitles = async (dist: string) =>
	[new XMLParser().parse(await readFile(join(dist, 'rss.xml'), 'utf8')).rss.channel.item ?? []].flat().map((item: { title: string }) => item.title);

async function buildAt(name: string, instant: string) {
	let dist = '';
	const log = await captureOutput(async () => {
		dist = await buildSite({
			root: fixture,
			name: `dst/${name}`,
			env: { SOURCE_DATE_EPOCH: String(Date.parse(instant) / 1000) },
			logLevel: 'info',
		});
	});
	return { dist, log };
}

describe('embargoes at local times a daylight-saving change skips or repeats', () => {
	let spring: { dist: string; log: string };
	let springLift: { dist: string; log: string };
	let autumn: { dist: string; log: string };
	beforeAll(async () => {
		spring = await buildAt('spring', '2026-03-08T07:00:00Z');
		springLift = await buildAt('spring-lift', '2026-03-08T07:30:00Z');
		autumn = await buildAt('autumn', '2026-11-01T06:00:00Z');
	}, 600_000);

	it('holds a story embargoed at a skipped time back until the clock has passed it (not an hour early)', async () => {
		expect(built('2026/03/before-the-change', spring.dist)).toBe(true);
		expect(built('2026/03/skipped-time', spring.dist)).toBe(false);
		expect(await feedTitles(spring.dist)).toEqual(['Filed a minute before the clocks go forward']);
	});

	it('publishes it once the skipped time, read as 03:30 EDT, has come, ordered after the 01:59 story', async () => {
		expect(built('2026/03/skipped-time', springLift.dist)).toBe(true);
		expect((await feedTitles(springLift.dist)).slice(0, 2)).toEqual([
			'Embargoed until a time the clocks skip',
			'Filed a minute before the clocks go forward',
		]);
		const time = (await page('/articles/2026/03/skipped-time/', springLift.dist)).querySelector('.dates time');
		expect(time?.getAttribute('datetime')).toBe('2026-03-08T03:30:00-04:00');
	});

	it('holds a story embargoed at a repeated time back until its second occurrence', async () => {
		expect(built('2026/11/repeated-time', autumn.dist)).toBe(false);
	});

	it('says in the build log how each such date was read, naming the file and the field', () => {
		expect(spring.log).toContain(
			'[newsroom-articles] content/articles/2026/03/skipped-time.md: **pubDate**: "2026-03-08 02:30" does not exist in America/New_York (the clocks go forward over it); read as 2026-03-08 03:30:00-04:00.',
		);
		expect(spring.log).toContain(
			'[newsroom-articles] content/articles/2026/11/repeated-time.md: **pubDate**: "2026-11-01 01:30" happens twice in America/New_York (the clocks go back over it); read as the second, 2026-11-01 01:30:00-05:00.',
		);
	});

	it('names the next embargo lift in the build log, in the site zone', () => {
		expect(spring.log).toContain('1 published; held back: 0 draft(s), 2 embargoed; next embargo lifts 8 Mar 2026, 03:30 GMT-4');
		expect(autumn.log).toContain('2 published; held back: 0 draft(s), 1 embargoed; next embargo lifts 1 Nov 2026, 01:30 GMT-5');
	});
});
