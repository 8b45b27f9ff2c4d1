import { describe, expect, it } from 'vitest';
import {
	collectAliases,
	encodePath,
	formatRedirects,
	redirectOnlyFolders,
	wordpressArchiveRules,
} from '../../integrations/newsroom/cdn/redirects.ts';

/** The pure rules of `_redirects`: which aliases redirect, which clash, and the file's format. */
const under = (base: string) => (alias: string) => `${base}${alias.slice(1)}`;

describe('collectAliases', () => {
	it('gives each alias its article, under the base path', () => {
		const { aliases, problems } = collectAliases(
			[{ file: 'articles/a.md', url: '/news/articles/a/', aliases: ['/2019/05/a/', '/a.html'] }],
			under('/news/'),
		);
		expect(problems).toEqual([]);
		expect(aliases.map(({ from, to, source }) => [from, to, source])).toEqual([
			['/news/2019/05/a/', '/news/articles/a/', 'articles/a.md (aliases.0)'],
			['/news/a.html', '/news/articles/a/', 'articles/a.md (aliases.1)'],
		]);
	});

	it('names both files when two articles claim an old path (with or without its slash), or an alias is an article URL', () => {
		const { aliases, problems } = collectAliases(
			[
				{ file: 'articles/a.md', url: '/articles/a/', aliases: ['/old/'] },
				{ file: 'articles/b.md', url: '/articles/b/', aliases: ['/old', '/articles/a/'] },
			],
			under('/'),
		);
		expect(aliases.map((alias) => alias.from)).toEqual(['/old/']);
		expect(problems).toEqual([
			'articles/b.md (aliases.0): "/old" is also an alias of articles/a.md (aliases.0); an old path can redirect to one article only',
			'articles/b.md (aliases.1): "/articles/a/" is the URL of the article articles/a.md; an alias must be an old path no page uses',
		]);
	});
});

describe('wordpressArchiveRules and formatRedirects', () => {
	it("maps WordPress's archive URLs to the section, tag, author and feed pages", () => {
		const rules = wordpressArchiveRules({
			base: '/',
			feed: '/rss.xml',
			sections: [{ id: 'city', url: '/sections/city/', feed: '/sections/city/rss.xml' }],
			tags: [{ slug: 'café', url: '/tags/café/' }],
			authors: [{ id: 'ann', url: '/authors/ann/' }],
		});
		expect(formatRedirects(rules)).toBe(
			[
				'# Redirects written by @newsroom/astro at build time: old paths (aliases:) and archive URLs.',
				'/feed/ /rss.xml 301',
				'/category/city/feed/ /sections/city/rss.xml 301',
				'/category/city/ /sections/city/ 301',
				'/tag/caf%C3%A9/ /tags/caf%C3%A9/ 301',
				'/author/ann/ /authors/ann/ 301',
				'',
			].join('\n'),
		);
	});

	it("keeps a site's own rules first (the hosts apply the first match) and encodes paths once", () => {
		expect(formatRedirects([{ from: '/old/', to: '/new/' }], '/legacy/* /archive/:splat 301\n')).toBe(
			'/legacy/* /archive/:splat 301\n\n# Redirects written by @newsroom/astro at build time: old paths (aliases:) and archive URLs.\n/old/ /new/ 301\n',
		);
		expect(encodePath('/a b/%C3%A9/é/')).toBe('/a%20b/%C3%A9/%C3%A9/');
	});
});

describe('redirectOnlyFolders', () => {
	it('names the top-level folders that hold only fallback pages, under the base path', () => {
		const aliases = ['/news/2019/05/01/a/', '/news/old-slug/', '/news/articles/renamed/'];
		const pages = ['/news/', '/news/articles/x/', '/news/2019/05/01/a/', '/news/old-slug/', '/news/articles/renamed/'];
		expect([...redirectOnlyFolders(aliases, pages, '/news/')].sort()).toEqual(['2019', 'old-slug']);
	});
});
