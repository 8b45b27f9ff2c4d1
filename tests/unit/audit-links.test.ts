import { describe, expect, it } from 'vitest';
import { brokenReferences } from '../../scripts/audit/links/broken-references.ts';
import { distFileFor } from '../../scripts/audit/links/dist-file-for.ts';
import { htmlReferences } from '../../scripts/audit/links/html-references.ts';
import { internalPath } from '../../scripts/audit/links/internal-path.ts';
import { pagePath } from '../../scripts/audit/links/page-path.ts';
import { redirectReferences } from '../../scripts/audit/links/redirect-references.ts';
import { srcsetUrls } from '../../scripts/audit/links/srcset-urls.ts';
import { xmlReferences } from '../../scripts/audit/links/xml-references.ts';

const site = new URL('https://asiapacific-news.example/');
const article = new URL('articles/2026/01/story/', site);

describe('srcsetUrls', () => {
	it('reads each candidate URL, with or without descriptors', () => {
		expect(srcsetUrls('/a.jpg 480w, /b.jpg 800w')).toEqual(['/a.jpg', '/b.jpg']);
		expect(srcsetUrls('/a.jpg')).toEqual(['/a.jpg']);
		expect(srcsetUrls('  /a.jpg 1x ,/b.jpg 2x ')).toEqual(['/a.jpg', '/b.jpg']);
	});

	it('keeps commas inside a URL and splits on a comma that ends one', () => {
		expect(srcsetUrls('/img/w_100,h_100/a.jpg 100w, /img/w_200,h_200/a.jpg 200w')).toEqual([
			'/img/w_100,h_100/a.jpg',
			'/img/w_200,h_200/a.jpg',
		]);
		expect(srcsetUrls('/a.jpg,/b.jpg 2x')).toEqual(['/a.jpg,/b.jpg']);
		expect(srcsetUrls('/a.jpg, /b.jpg')).toEqual(['/a.jpg', '/b.jpg']);
		expect(srcsetUrls('')).toEqual([]);
	});
});

describe('internalPath', () => {
	it('resolves root-relative, relative and absolute site URLs to a decoded site path without query or fragment', () => {
		expect(internalPath('/authors/desk/', article, site)).toEqual({ path: '/authors/desk/' });
		expect(internalPath('../other/', article, site)).toEqual({ path: '/articles/2026/01/other/' });
		expect(internalPath('https://asiapacific-news.example/rss.xml?x=1#top', article, site)).toEqual({
			path: '/rss.xml',
		});
		expect(internalPath('/caf%C3%A9/', article, site)).toEqual({ path: '/café/' });
		expect(internalPath('#main', article, site)).toEqual({ path: '/articles/2026/01/story/' });
	});

	it('skips other hosts and non-web schemes', () => {
		expect(internalPath('https://elsewhere.example/', article, site)).toBeUndefined();
		expect(internalPath('//cdn.example/a.js', article, site)).toBeUndefined();
		expect(internalPath('mailto:desk@asiapacific-news.example', article, site)).toBeUndefined();
		expect(internalPath('data:image/png;base64,AAAA', article, site)).toBeUndefined();
	});

	it('says why a reference cannot be followed', () => {
		expect(internalPath('/bad%E0%A4%A/', article, site)).toEqual({ error: 'has malformed percent-encoding' });
		expect(internalPath('http://[broken/', article, site)).toEqual({ error: 'is not a valid URL' });
		const news = new URL('https://asiapacific-news.example/news/');
		expect(internalPath('/elsewhere/', new URL('a/', news), news)).toEqual({
			error: "is outside the site's path /news/",
		});
		expect(internalPath('/news/a/', new URL('a/', news), news)).toEqual({ path: '/a/' });
	});
});

describe('distFileFor', () => {
	const files = new Set(['index.html', 'a/index.html', 'rss.xml', 'café/index.html']);

	it('serves a folder URL from its index.html and a file URL from the file', () => {
		expect(distFileFor('/', files)).toBe('index.html');
		expect(distFileFor('/a/', files)).toBe('a/index.html');
		expect(distFileFor('/rss.xml', files)).toBe('rss.xml');
		expect(distFileFor('/café/', files)).toBe('café/index.html');
	});

	it('accepts a folder without its trailing slash (hosts redirect it) and nothing that is missing', () => {
		expect(distFileFor('/a', files)).toBe('a/index.html');
		expect(distFileFor('/b/', files)).toBeUndefined();
		expect(distFileFor('/rss.xml/', files)).toBeUndefined();
		expect(distFileFor('/a/index.htm', files)).toBeUndefined();
	});
});

describe('pagePath', () => {
	it('maps built HTML files to the URLs they are served at', () => {
		expect(pagePath('index.html')).toBe('/');
		expect(pagePath('articles/2026/01/x/index.html')).toBe('/articles/2026/01/x/');
		expect(pagePath('404.html')).toBe('/404.html');
	});
});

describe('htmlReferences', () => {
	it('collects href, src, every srcset candidate, Open Graph URLs and JSON-LD URLs', () => {
		const html = `<!doctype html><html><head>
			<link rel="stylesheet" href="/_astro/a.css"><meta property="og:image" content="https://asiapacific-news.example/_astro/og.jpg">
			<meta name="description" content="Not a URL">
			<script type="application/ld+json">{"@type":"NewsArticle","url":"https://asiapacific-news.example/a/","image":["https://asiapacific-news.example/i.jpg"],"potentialAction":{"target":"https://asiapacific-news.example/search?q={q}"}}</script>
			<script type="module" src="/_astro/x.js"></script></head>
			<body><a href="/a/">A</a><picture><source srcset="/1.avif 1x, /2.avif 2x"><img src="/1.jpg" srcset="/1.jpg 480w, /2.jpg 960w" alt=""></picture></body></html>`;
		expect(htmlReferences(html)).toEqual([
			{ url: '/a/', from: '<a href>' },
			{ url: '/_astro/a.css', from: '<link href>' },
			{ url: '/1.jpg', from: '<img src>' },
			{ url: '/_astro/x.js', from: '<script src>' },
			{ url: '/1.avif', from: '<source srcset>' },
			{ url: '/2.avif', from: '<source srcset>' },
			{ url: '/1.jpg', from: '<img srcset>' },
			{ url: '/2.jpg', from: '<img srcset>' },
			{ url: 'https://asiapacific-news.example/_astro/og.jpg', from: '<meta og:image>' },
			{ url: 'https://asiapacific-news.example/a/', from: 'JSON-LD' },
			{ url: 'https://asiapacific-news.example/i.jpg', from: 'JSON-LD' },
		]);
	});
});

describe('xmlReferences', () => {
	it('collects feed links, permalink guids, enclosures, the stylesheet and URLs inside HTML payloads', () => {
		const rss = `<?xml version="1.0"?><?xml-stylesheet href="/feed.xsl" type="text/xsl"?>
			<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
			<link>https://asiapacific-news.example/</link><atom:link href="https://asiapacific-news.example/rss.xml" rel="self"/>
			<image><url>https://asiapacific-news.example/logo.png</url></image>
			<item><link>https://asiapacific-news.example/a/</link><guid isPermaLink="true">https://asiapacific-news.example/a/</guid>
			<enclosure url="https://asiapacific-news.example/a.jpg" type="image/jpeg" length="1"/>
			<content:encoded><![CDATA[<p><a href="https://asiapacific-news.example/b/">b</a><img srcset="https://asiapacific-news.example/s.jpg 1x" alt=""></p>]]></content:encoded></item>
			<item><link>https://asiapacific-news.example/c/</link><guid isPermaLink="false">tag:example,2026:c</guid></item>
			</channel></rss>`;
		expect(xmlReferences(rss).map((reference) => reference.url)).toEqual([
			'/feed.xsl',
			'https://asiapacific-news.example/',
			'https://asiapacific-news.example/rss.xml',
			'https://asiapacific-news.example/logo.png',
			'https://asiapacific-news.example/a/',
			'https://asiapacific-news.example/a/',
			'https://asiapacific-news.example/a.jpg',
			'https://asiapacific-news.example/b/',
			'https://asiapacific-news.example/s.jpg',
			'https://asiapacific-news.example/c/',
		]);
	});

	it('collects sitemap and image sitemap locations', () => {
		const sitemap = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
			<url><loc>https://asiapacific-news.example/</loc></url>
			<url><loc>https://asiapacific-news.example/a/</loc><image:image><image:loc>https://asiapacific-news.example/a.jpg</image:loc></image:image></url></urlset>`;
		expect(xmlReferences(sitemap)).toEqual([
			{ url: 'https://asiapacific-news.example/', from: '<loc>' },
			{ url: 'https://asiapacific-news.example/a/', from: '<loc>' },
			{ url: 'https://asiapacific-news.example/a.jpg', from: '<image:loc>' },
		]);
	});
});

describe('brokenReferences', () => {
	it('counts internal references and reports each that resolves to no file', () => {
		const files = new Set(['index.html', 'a/index.html']);
		const result = brokenReferences(
			'index.html',
			site,
			[
				{ url: '/a/', from: '<a href>' },
				{ url: '/b/', from: '<a href>' },
				{ url: 'https://elsewhere.example/', from: '<a href>' },
				{ url: '/%zz', from: '<img src>' },
			],
			site,
			files,
		);
		expect(result).toEqual({
			internal: 3,
			broken: [
				{ where: 'index.html', message: '<a href> "/b/" → no file for /b/' },
				{ where: 'index.html', message: '<img src> "/%zz" has malformed percent-encoding' },
			],
		});
	});
});

describe('redirectReferences', () => {
	it('reads the target of each rule of a _redirects file, skipping comments, blank lines and placeholder targets', () => {
		expect(
			redirectReferences('# comment\n\n/old/ /articles/new/ 301\n  /caf%C3%A9/   /articles/caf%C3%A9/\n/blog/* /articles/:splat 301\n/x/ https://elsewhere.example/y/ 302\n'),
		).toEqual([
			{ url: '/articles/new/', from: 'redirect from /old/' },
			{ url: '/articles/caf%C3%A9/', from: 'redirect from /caf%C3%A9/' },
			{ url: 'https://elsewhere.example/y/', from: 'redirect from /x/' },
		]);
	});
});
