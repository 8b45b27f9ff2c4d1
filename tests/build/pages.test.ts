import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { page, text } from '../helpers/parse.ts';
import { repoRoot, siteDist, tmpRoot } from '../helpers/paths.ts';

describe('author, section, tag and policy pages of the sample site', () => {
	it('the author page shows the bio from the seed and the author’s articles', async () => {
		const document = await page('/authors/ap-journalist/');
		expect(text(document.querySelector('h1'))).toBe('AP Journalist');
		expect(text(document.querySelector('main'))).toContain(
			'Keeping all readers updated about the recent developments in the Asia Pacific region. I am an avid reader and an inquisitive mind. Follow for all that’s new in the region.',
		);
		const titles = [...document.querySelectorAll('main .card h3 a')].map((a) => text(a));
		expect(titles).toEqual([
			'South Yemen Under Strain: Competing Security Narratives and Regional Power Dynamics',
			'Albania Emerges as the Hot “Visa-Free” Alternative for Global Wanderers',
			'Bezos and Musk Face Off in New “Star Wars” Satellite Race to Connect Remote Americas',
			'Xi believes potential must be “fully unleashed” in China and Central Asia',
		]);
	});

	it('the article page shows the author bio box', async () => {
		const document = await page('/articles/2023/05/xi-central-asia-potential/');
		const box = document.querySelector('.author-box');
		expect(text(box?.querySelector('h2'))).toBe('AP Journalist');
		expect(text(box)).toContain('I am an avid reader and an inquisitive mind.');
	});

	it('a section front lists its articles newest first with one h1', async () => {
		const document = await page('/sections/travel/');
		expect(document.querySelectorAll('h1')).toHaveLength(1);
		expect(text(document.querySelector('h1'))).toBe('Travel');
		expect([...document.querySelectorAll('main .card h2 a')].map((a) => a.getAttribute('href'))).toEqual([
			'/articles/2026/01/festival-tourism-sundance-bafta/',
			'/articles/2026/01/albania-visa-free-destination/',
		]);
		expect(document.querySelector('.site-nav a[aria-current="page"]')?.getAttribute('href')).toBe('/sections/travel/');
	});

	it('a tag page gathers the articles with that tag', async () => {
		const document = await page('/tags/tourism/');
		expect(text(document.querySelector('h1'))).toBe('Topic: Tourism');
		expect(document.querySelectorAll('main .card')).toHaveLength(2);
		const tags = await readdir(join(siteDist, 'tags'));
		expect(tags).toContain('belt-and-road');
		expect(tags).not.toContain('Belt and Road');
	});

	it('the policy page and the 404 page exist; the 404 is not indexable', async () => {
		expect(text((await page('/privacy/')).querySelector('h1'))).toBe('Privacy and cookie policy');
		const notFound = await page('404.html');
		expect(text(notFound.querySelector('h1'))).toBe('Page not found');
		expect(notFound.querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex');
	});

	it('the home page leads with the newest story and has exactly one h1', async () => {
		const document = await page('/');
		expect(document.querySelectorAll('h1')).toHaveLength(1);
		expect(document.querySelector('.lead h2 a')?.getAttribute('href')).toBe('/articles/2026/01/south-yemen-security-narratives/');
	});
});

describe('pagination with many articles', () => {
	let dist: string;

	beforeAll(async () => {
		const dir = join(tmpRoot, 'many', 'content');
		await rm(dirname(dir), { recursive: true, force: true });
		const files: Record<string, string> = {
			'authors/reporter.yaml': 'name: Reporter\nbio: Writes many things.\n',
			'sections/world.yaml': 'name: World\ndescription: The world.\n',
		};
		for (let i = 1; i <= 45; i++) {
			const day = String(1 + (i % 28)).padStart(2, '0');
			files[`articles/2025/${String(1 + (i % 12)).padStart(2, '0')}/story-${i}.md`] =
				`---\ntitle: Story ${i}\npubDate: 2025-${String(1 + (i % 12)).padStart(2, '0')}-${day} 08:${String(i % 60).padStart(2, '0')}\nauthors: [reporter]\nsection: world\ntags: [Every story]\n---\n\nStory number ${i}.\n`;
		}
		for (const [path, contents] of Object.entries(files)) {
			await mkdir(dirname(join(dir, path)), { recursive: true });
			await writeFile(join(dir, path), contents);
		}
		dist = await buildSite({ name: 'many', env: { NEWSROOM_CONTENT_DIR: relative(repoRoot, dir) } });
	});

	it('splits a section into pages of 20 linked by prev/next', async () => {
		const pages = await Promise.all(['/sections/world/', '/sections/world/2/', '/sections/world/3/'].map((p) => page(p, dist)));
		expect(pages.map((d) => d.querySelectorAll('main .card').length)).toEqual([20, 20, 5]);
		expect(pages[0]!.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/sections/world/2/');
		expect(pages[1]!.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/sections/world/');
		expect(pages[2]!.querySelector('a[rel="next"]')).toBeNull();
		expect(text(pages[2]!.querySelector('.pagination'))).toContain('Page 3 of 3');
	});

	it('paginates tag and author pages the same way, with every article exactly once', async () => {
		for (const base of ['/tags/every-story/', '/authors/reporter/']) {
			const docs = await Promise.all([base, `${base}2/`, `${base}3/`].map((p) => page(p, dist)));
			const hrefs = docs.flatMap((d) => [...d.querySelectorAll('main .card a[href^="/articles/"]:not([tabindex])')].map((a) => a.getAttribute('href')));
			expect(new Set(hrefs).size).toBe(45);
			expect(hrefs).toHaveLength(45);
		}
	});
});
