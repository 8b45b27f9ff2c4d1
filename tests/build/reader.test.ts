import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { page, text } from '../helpers/parse.ts';
import { siteDist } from '../helpers/paths.ts';

// What readers find on the sample site besides the article itself (issue 17): related links, indexes, reading
// time, share links, author photos, card thumbnails, the topics line, dark mode and print styles.
const xi = '/articles/2023/05/xi-central-asia-potential/';
// Every article page of the build (the published set: drafts and embargoed stories have none).
const articlePaths = (await readdir(join(siteDist, 'articles'), { recursive: true }))
	.filter((file) => file.endsWith('index.html'))
	.map((file) => `/articles/${file.replace(/index\.html$/, '')}`)
	.sort();

describe('article pages', () => {
	it('end with 3–5 related articles: published, never the article itself', async () => {
		expect(articlePaths.length).toBeGreaterThan(5);
		for (const path of articlePaths) {
			const links = [...(await page(path)).querySelectorAll('.related a')].map((a) => a.getAttribute('href'));
			expect(links.length, path).toBeGreaterThanOrEqual(3);
			expect(links.length, path).toBeLessThanOrEqual(5);
			expect(links, path).not.toContain(path);
			for (const link of links) expect(articlePaths, `${path} → ${link}`).toContain(link);
		}
		// Tourism is the one topic the two travel stories share: each is the other's first link.
		const first = async (path: string) => (await page(path)).querySelector('.related a')?.getAttribute('href');
		expect(await first('/articles/2026/01/albania-visa-free-destination/')).toBe('/articles/2026/01/festival-tourism-sundance-bafta/');
		expect(await first('/articles/2026/01/festival-tourism-sundance-bafta/')).toBe('/articles/2026/01/albania-visa-free-destination/');
	});

	it('list the topics in the locale’s list format, with no space before a comma', async () => {
		expect(text((await page(xi)).querySelector('.tags'))).toBe('Topics: China, Central Asia, Belt and Road, and Xi Jinping');
	});

	it('show the reading time, plain share links and the author’s photo in the byline and author box', async () => {
		const doc = await page(xi);
		expect(text(doc.querySelector('.reading-time'))).toMatch(/^\d+ min read$/);
		const share = [...doc.querySelectorAll('.share a')];
		expect(share.map((a) => a.getAttribute('aria-label'))).toEqual([
			'Share on X',
			'Share on Facebook',
			'Share on LinkedIn',
			'Share on WhatsApp',
			'Share on LINE',
			'Share by email',
		]);
		const canonical = doc.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
		for (const a of share) expect(decodeURIComponent(a.getAttribute('href')!)).toContain(canonical);
		// Plain links: no script, iframe or image from any network.
		expect(doc.querySelectorAll('.share script, .share iframe, .share img')).toHaveLength(0);
		for (const selector of ['.byline img', '.author-box img']) {
			const img = doc.querySelector(selector)!;
			expect(img.getAttribute('src'), selector).toMatch(/^\/_astro\/ap-journalist\./);
			expect(img.getAttribute('alt')).toBe('');
			expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
			expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
		}
		// The newsdesk has no photo: none is shown.
		expect((await page('/articles/2026/01/joe-burrow-piano-soft-skills/')).querySelectorAll('.byline img, .author-box img')).toHaveLength(0);
	});
});

describe('listings', () => {
	it('show each card’s hero as a lazy thumbnail with its size set, the lead story’s large', async () => {
		// The section's newest story shows its hero large, the next one as a thumbnail.
		const doc = await page('/sections/travel/');
		const thumbs = [...doc.querySelectorAll('.card-thumb img')];
		expect(thumbs.length).toBe(1);
		expect(doc.querySelector('.card-thumb')?.getAttribute('href')).toBe('/articles/2026/01/albania-visa-free-destination/');
		for (const img of thumbs) {
			expect(img.getAttribute('loading')).toBe('lazy');
			expect(Number(img.getAttribute('width'))).toBe(160);
			expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
			expect(img.getAttribute('srcset')).toBeTruthy();
		}
		const home = await page('/');
		expect(home.querySelectorAll('.lead .card-thumb')).toHaveLength(0);
		// Every other home card with a hero has its thumbnail (all sample stories but two have one).
		expect(home.querySelectorAll('.card-thumb img').length).toBeGreaterThanOrEqual(5);
		expect(home.querySelector('.lead img')?.getAttribute('loading')).toBe('eager');
	});
});

describe('indexes', () => {
	it('list every topic A–Z with counts, every author with role and count, every section; linked from the footer; in the sitemap', async () => {
		const topics = [...(await page('/tags/')).querySelectorAll('.index-list li')].map((li) => text(li));
		expect(topics).toHaveLength(27);
		expect(topics.slice(0, 3)).toEqual(['Albania 1 article', 'Belt and Road 1 article', 'Central Asia 1 article']);
		expect(topics).toContain('Tourism 2 articles');
		expect(topics).toContain('Malaysia 3 articles');
		const authors = [...(await page('/authors/')).querySelectorAll('.index-list li')].map((li) => text(li));
		expect(authors).toEqual(['AP Journalist Asia-Pacific correspondent 4 articles', expect.stringMatching(/^Asia Pacific Daily Newsdesk .*\d+ articles$/)]);
		const sections = [...(await page('/sections/')).querySelectorAll('.index-list a')].map((a) => a.getAttribute('href'));
		expect(sections).toHaveLength(5);
		const footer = [...(await page(xi)).querySelectorAll('.site-footer a')].map((a) => a.getAttribute('href'));
		for (const path of ['/tags/', '/authors/', '/sections/', '/feeds/']) expect(footer).toContain(path);
		const sitemap = await readFile(join(siteDist, 'sitemap-0.xml'), 'utf8');
		for (const path of ['/tags/', '/authors/', '/sections/', '/feeds/']) expect(sitemap).toContain(`<loc>https://asiapacific-news.example${path}</loc>`);
		// The search page is for people who search, not for search engines.
		expect(sitemap).not.toContain('/search/');
	});
});

describe('the stylesheet', () => {
	it('has a dark scheme and a print scheme that hides navigation, banner and widgets and prints link addresses', async () => {
		const href = (await page(xi)).querySelector('link[rel="stylesheet"]')!.getAttribute('href')!;
		const css = await readFile(join(siteDist, href), 'utf8');
		expect(css).toMatch(/@media \(prefers-color-scheme:\s?dark\)/);
		const print = css.slice(css.indexOf('@media print'));
		for (const selector of ['.site-header nav', 'newsroom-consent', '.site-footer', '.recent-posts', '.share', '.related']) {
			expect(print).toContain(selector);
		}
		expect(print).toMatch(/content:\s?" \(" attr\(href\) "\)"/);
	});
});
