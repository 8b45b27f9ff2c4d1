import { describe, expect, it } from 'vitest';
import { shareLinks } from '../../integrations/newsroom/share/share-links.ts';

describe('shareLinks', () => {
	const url = 'https://news.example/articles/2026/01/a-b/?x=1&y=2';
	const title = 'Tom & Jerry: "quotes", #hash and 日本語';
	const links = shareLinks(url, title);

	it('links to each network’s own share page, and e-mail, with nothing else to load', () => {
		expect(links.map((link) => link.network)).toEqual(['X', 'Facebook', 'LinkedIn', 'WhatsApp', 'LINE', 'Email']);
		expect(links.map((link) => new URL(link.href).origin)).toEqual([
			'https://x.com',
			'https://www.facebook.com',
			'https://www.linkedin.com',
			'https://wa.me',
			'https://social-plugins.line.me',
			'null',
		]);
		expect(links.at(-1)!.href.startsWith('mailto:?')).toBe(true);
	});

	it('carries the address and headline encoded, so no character can break out of the query', () => {
		const x = new URL(links[0]!.href);
		expect(x.searchParams.get('url')).toBe(url);
		expect(x.searchParams.get('text')).toBe(title);
		expect(new URL(links[1]!.href).searchParams.get('u')).toBe(url);
		expect(new URL(links[3]!.href).searchParams.get('text')).toBe(`${title} ${url}`);
		const mail = new URLSearchParams(links[5]!.href.slice('mailto:?'.length));
		expect(mail.get('subject')).toBe(title);
		expect(mail.get('body')).toBe(url);
		for (const link of links) expect(link.href).not.toMatch(/[\s"<>#]|&(?![a-z]+=)/i);
	});
});
