import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { pagesDev, type PagesServer } from '../helpers/pages-dev.ts';
import { siteDist } from '../helpers/paths.ts';

// Feeds opened in Chromium (browsers are removing XSLT and warn on documents that use it): styled with CSS, with no
// console message at all, served as Cloudflare Pages serves them.
let browser: Browser;
let site: PagesServer;

beforeAll(async () => {
	[browser, site] = await Promise.all([launchChromium(), pagesDev(siteDist)]);
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await site?.close();
});

describe('feeds in Chromium', () => {
	it('open as styled XML (CSS, no XSLT) with no warning, error or CSP violation', async () => {
		for (const path of ['/rss.xml', '/sections/world/rss.xml', '/authors/newsdesk/rss.xml', '/tags/tourism/rss.xml']) {
			const page = await browser.newPage();
			const messages: string[] = [];
			// The browser asks for /favicon.ico by itself (an XML document links no icon): that 404 is not the feed's.
			page.on('console', (message) => {
				if (!message.location().url.endsWith('/favicon.ico')) messages.push(`${message.type()}: ${message.text()}`);
			});
			page.on('pageerror', (error) => messages.push(error.message));
			const response = await page.goto(`${site.origin}${path}`);
			expect(response?.status(), path).toBe(200);
			// The stylesheet applied: the channel title is a block in the serif face, the items' bodies hidden.
			const title = await page.evaluate(() => {
				const element = document.querySelector('channel > title')!;
				return { display: getComputedStyle(element).display, font: getComputedStyle(element).fontFamily };
			});
			expect(title, path).toEqual({ display: 'block', font: expect.stringContaining('Georgia') });
			expect(await page.evaluate(() => [...document.childNodes].some((node) => node.nodeName === 'xml-stylesheet' && /xsl/i.test((node as ProcessingInstruction).data))), path).toBe(false);
			expect(messages, path).toEqual([]);
			await page.close();
		}
	});
});
