import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { page, text } from '../helpers/parse.ts';
import { repoRoot, siteDist, testBuildTime, tmpRoot } from '../helpers/paths.ts';

const site = 'https://asiapacific-news.example';

/** The published sample articles and their last change (updatedDate, else pubDate; written in +08:00). */
const published: Record<string, string> = {
	'/articles/2023/05/xi-central-asia-potential/': '2023-05-20T01:15:00Z',
	'/articles/2026/01/albania-visa-free-destination/': '2026-01-28T06:00:00Z',
	'/articles/2026/01/bezos-musk-satellite-race/': '2026-01-28T05:00:00Z',
	'/articles/2026/01/festival-tourism-sundance-bafta/': '2026-01-28T08:00:00Z',
	'/articles/2026/01/joe-burrow-piano-soft-skills/': '2026-01-28T07:00:00Z',
	'/articles/2026/01/paris-couture-details-zara/': '2026-01-28T09:00:00Z',
	'/articles/2026/01/south-yemen-security-narratives/': '2026-01-28T10:00:00Z',
};
/** The story formats' samples (live blogs, analysis, opinion): published, without heroes, with their own JSON-LD types (tests/build/live.test.ts). */
const storyFormats: Record<string, string> = {
	// Live blogs: their newest entry (20:15 and 18:00 in Kuala Lumpur), not their publication.
	'/articles/2023/05/sabah-election-live/': '2023-05-15T12:15:00Z',
	'/articles/2023/05/asean-chip-supply-analysis/': '2023-05-12T03:00:00Z',
	'/articles/2023/05/four-day-week-opinion/': '2023-05-11T00:00:00Z',
	'/articles/2023/04/flood-relief-live/': '2023-04-21T10:00:00Z',
};
const heldBack = [
	'/articles/2026/01/draft-budget-preview/',
	'/articles/2099/01/embargoed-summit-statement/',
	'/404/',
	'/404',
];
const xi = '/articles/2023/05/xi-central-asia-potential/';

const xml = new XMLParser({
	ignoreAttributes: false,
	parseTagValue: false,
	isArray: (name) => ['url', 'sitemap'].includes(name),
});

/** A built file of a dist folder, by site path or absolute URL. */
const fileOf = (url: string, dist = siteDist) => join(dist, decodeURIComponent(new URL(url, site).pathname));

/** JSON-LD blocks of a page, parsed, by `@type`. */
function jsonLd(doc: Document): Map<string, Record<string, any>> {
	const blocks = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((script) =>
		JSON.parse(script.textContent ?? ''),
	);
	return new Map(blocks.map((block) => [block['@type'], block]));
}

const meta = (doc: Document, key: string) =>
	[...doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((element) =>
		element.getAttribute('content'),
	);

// XSDs for xmllint. sitemap.xsd is the sitemaps.org schema as shipped by the `sitemap` package; the sitemap index
// and Google News schemas are not installed anywhere (and cannot be downloaded), so these two are written here
// from the sitemaps.org protocol and Google's news sitemap documentation.
const sitemapXsd = join(repoRoot, 'node_modules/sitemap/schema/sitemap.xsd');
const W3C_DATETIME = '<xsd:simpleType><xsd:union memberTypes="xsd:date xsd:dateTime"/></xsd:simpleType>';
const siteIndexXsd = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9"
	xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" elementFormDefault="qualified">
	<xsd:element name="sitemapindex"><xsd:complexType><xsd:sequence>
		<xsd:element name="sitemap" maxOccurs="50000"><xsd:complexType><xsd:sequence>
			<xsd:element name="loc"><xsd:simpleType><xsd:restriction base="xsd:anyURI"><xsd:minLength value="12"/><xsd:maxLength value="2048"/></xsd:restriction></xsd:simpleType></xsd:element>
			<xsd:element name="lastmod" minOccurs="0">${W3C_DATETIME}</xsd:element>
		</xsd:sequence></xsd:complexType></xsd:element>
	</xsd:sequence></xsd:complexType></xsd:element>
</xsd:schema>`;
const newsXsd = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.google.com/schemas/sitemap-news/0.9"
	xmlns="http://www.google.com/schemas/sitemap-news/0.9" elementFormDefault="qualified">
	<xsd:element name="news"><xsd:complexType><xsd:sequence>
		<xsd:element name="publication"><xsd:complexType><xsd:sequence>
			<xsd:element name="name"><xsd:simpleType><xsd:restriction base="xsd:string"><xsd:minLength value="1"/></xsd:restriction></xsd:simpleType></xsd:element>
			<xsd:element name="language"><xsd:simpleType><xsd:restriction base="xsd:string"><xsd:pattern value="[a-z]{2,3}|zh-cn|zh-tw"/></xsd:restriction></xsd:simpleType></xsd:element>
		</xsd:sequence></xsd:complexType></xsd:element>
		<xsd:element name="publication_date">${W3C_DATETIME}</xsd:element>
		<xsd:element name="title"><xsd:simpleType><xsd:restriction base="xsd:string"><xsd:minLength value="1"/></xsd:restriction></xsd:simpleType></xsd:element>
	</xsd:sequence></xsd:complexType></xsd:element>
</xsd:schema>`;
const newsSitemapXsd = (newsXsdFile: string) => `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
	<xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="${pathToFileURL(sitemapXsd).href}"/>
	<xsd:import namespace="http://www.google.com/schemas/sitemap-news/0.9" schemaLocation="${pathToFileURL(newsXsdFile).href}"/>
</xsd:schema>`;
const schemas = { sitemap: sitemapXsd, siteIndex: '', newsSitemap: '' };

/** Runs xmllint against a schema: its exit status and messages. */
function xmllint(schema: string, file: string) {
	const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8' });
	return { status: result.status, messages: result.stderr.trim() };
}

beforeAll(async () => {
	const dir = join(tmpRoot, 'seo-xsd');
	await mkdir(dir, { recursive: true });
	schemas.siteIndex = join(dir, 'siteindex.xsd');
	const news = join(dir, 'sitemap-news.xsd');
	schemas.newsSitemap = join(dir, 'news-sitemap.xsd');
	await writeFile(schemas.siteIndex, siteIndexXsd);
	await writeFile(news, newsXsd);
	await writeFile(schemas.newsSitemap, newsSitemapXsd(news));
});

describe('robots.txt and the sitemaps', () => {
	it('robots.txt lets crawlers in and lists the sitemap index and the news sitemap, which exist', async () => {
		const robots = await readFile(join(siteDist, 'robots.txt'), 'utf8');
		const lines = robots.trim().split('\n');
		expect(lines.slice(0, 2)).toEqual(['User-agent: *', 'Allow: /']);
		const sitemaps = lines.filter((line) => line.startsWith('Sitemap: ')).map((line) => line.slice('Sitemap: '.length));
		expect(sitemaps).toEqual([`${site}/sitemap-index.xml`, `${site}/news-sitemap.xml`]);
		for (const url of sitemaps) expect(existsSync(fileOf(url)), url).toBe(true);
	});

	it('the sitemap index and its sitemap validate against the sitemaps.org schemas', async () => {
		expect(xmllint(schemas.siteIndex, join(siteDist, 'sitemap-index.xml'))).toEqual({
			status: 0,
			messages: `${join(siteDist, 'sitemap-index.xml')} validates`,
		});
		const index = xml.parse(await readFile(join(siteDist, 'sitemap-index.xml'), 'utf8'));
		const locs: string[] = index.sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc);
		expect(locs).toEqual([`${site}/sitemap-0.xml`]);
		const file = fileOf(locs[0]!);
		expect(xmllint(schemas.sitemap, file)).toEqual({ status: 0, messages: `${file} validates` });
	});

	it('lists every published article with its lastmod, and no draft, embargoed story, 404 or build artefact', async () => {
		const { urlset } = xml.parse(await readFile(join(siteDist, 'sitemap-0.xml'), 'utf8'));
		const entries = new Map<string, string | undefined>(
			urlset.url.map((url: { loc: string; lastmod?: string }) => [url.loc, url.lastmod]),
		);
		for (const [path, lastmod] of Object.entries({ ...published, ...storyFormats })) {
			expect(entries.has(`${site}${path}`), path).toBe(true);
			expect(new Date(entries.get(`${site}${path}`)!).toISOString(), path).toBe(new Date(lastmod).toISOString());
		}
		const articles = [...entries.keys()].filter((url) => url.startsWith(`${site}/articles/`));
		expect(articles.sort()).toEqual(
			Object.keys({ ...published, ...storyFormats })
				.map((path) => `${site}${path}`)
				.sort(),
		);
		for (const path of heldBack) expect(entries.has(`${site}${path}`), path).toBe(false);
		expect([...entries.keys()].filter((url) => /\.(xml|txt|json|xsl)$/.test(url))).toEqual([]);
		expect(existsSync(join(siteDist, '_newsroom'))).toBe(false);
	});

	it('dates listings by their newest story and leaves undated pages without lastmod', async () => {
		const { urlset } = xml.parse(await readFile(join(siteDist, 'sitemap-0.xml'), 'utf8'));
		const lastmod = (path: string) => urlset.url.find((url: { loc: string }) => url.loc === `${site}${path}`)?.lastmod;
		expect(new Date(lastmod('/')).toISOString()).toBe('2026-01-28T10:00:00.000Z');
		expect(new Date(lastmod('/sections/world/')).toISOString()).toBe('2026-01-28T10:00:00.000Z');
		expect(new Date(lastmod('/tags/belt-and-road/')).toISOString()).toBe('2023-05-19T10:30:00.000Z');
		expect(urlset.url.some((url: { loc: string }) => url.loc === `${site}/privacy/`)).toBe(true);
		expect(lastmod('/privacy/')).toBeUndefined();
	});
});

describe('the Google News sitemap', () => {
	it('validates against the sitemaps.org schema with the news extension', () => {
		const file = join(siteDist, 'news-sitemap.xml');
		expect(xmllint(schemas.newsSitemap, file)).toEqual({ status: 0, messages: `${file} validates` });
	});

	it('holds exactly the stories of the 48 hours before the build, newest first', async () => {
		const { urlset } = xml.parse(await readFile(join(siteDist, 'news-sitemap.xml'), 'utf8'));
		expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
		const rows = urlset.url.map((url: any) => [
			url.loc,
			url['news:news']['news:publication']['news:name'],
			url['news:news']['news:publication']['news:language'],
			url['news:news']['news:publication_date'],
			url['news:news']['news:title'],
		]);
		expect(rows).toEqual([
			[
				`${site}/articles/2026/01/south-yemen-security-narratives/`,
				'Asia Pacific Daily',
				'en',
				'2026-01-28T18:00:00+08:00',
				'South Yemen Under Strain: Competing Security Narratives and Regional Power Dynamics',
			],
			[
				`${site}/articles/2026/01/paris-couture-details-zara/`,
				'Asia Pacific Daily',
				'en',
				'2026-01-28T17:00:00+08:00',
				'Two Hours on the Paris Runways: The Tiny Couture Details Fashion Editors Are Already Betting Will Hit Zara by Summer',
			],
			[
				`${site}/articles/2026/01/festival-tourism-sundance-bafta/`,
				'Asia Pacific Daily',
				'en',
				'2026-01-28T16:00:00+08:00',
				'Festival Tourism 2.0: Why Film Buffs Are Planning Vacations Around Sundance and BAFTA Weekends, Not Beaches',
			],
			[
				`${site}/articles/2026/01/joe-burrow-piano-soft-skills/`,
				'Asia Pacific Daily',
				'en',
				'2026-01-28T15:00:00+08:00',
				'Joe Burrow at the Piano: How the NFL’s Coolest QB Is Rebranding Toughness With a Soft‑Skills Skillset',
			],
			[
				`${site}/articles/2026/01/albania-visa-free-destination/`,
				'Asia Pacific Daily',
				'en',
				'2026-01-28T14:00:00+08:00',
				'Albania Emerges as the Hot “Visa-Free” Alternative for Global Wanderers',
			],
			[
				`${site}/articles/2026/01/bezos-musk-satellite-race/`,
				'Asia Pacific Daily',
				'en',
				'2026-01-28T13:00:00+08:00',
				'Bezos and Musk Face Off in New “Star Wars” Satellite Race to Connect Remote Americas',
			],
		]);
		for (const [loc, , , date] of rows) {
			expect(Date.parse(testBuildTime) - Date.parse(date)).toBeLessThanOrEqual(48 * 3_600_000);
			expect(existsSync(join(fileOf(loc), 'index.html'))).toBe(true);
		}
	});
});

describe('article head metadata', () => {
	it('gives the article title, description, canonical, robots, Open Graph article tags and an X card', async () => {
		const doc = await page(xi);
		expect(text(doc.querySelector('title'))).toBe(
			'Xi believes potential must be “fully unleashed” in China and Central Asia | Asia Pacific Daily',
		);
		expect(meta(doc, 'description')).toEqual([
			'Following a historic summit with the leaders of the strategically significant area, Xi Jinping urged China and Central Asia to “fully unleash” their potential for trade, economic, and infrastructural cooperation.',
		]);
		expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${site}${xi}`);
		expect(meta(doc, 'robots')).toEqual(['index, follow, max-image-preview:large']);
		expect(meta(doc, 'og:type')).toEqual(['article']);
		expect(meta(doc, 'og:url')).toEqual([`${site}${xi}`]);
		expect(meta(doc, 'og:title')).toEqual([
			'Xi believes potential must be “fully unleashed” in China and Central Asia',
		]);
		expect(meta(doc, 'og:site_name')).toEqual(['Asia Pacific Daily']);
		expect(meta(doc, 'og:locale')).toEqual(['en_US']);
		expect(meta(doc, 'article:published_time')).toEqual(['2023-05-19T18:30:00+08:00']);
		expect(meta(doc, 'article:modified_time')).toEqual(['2023-05-20T09:15:00+08:00']);
		expect(meta(doc, 'article:author')).toEqual([`${site}/authors/ap-journalist/`]);
		expect(meta(doc, 'article:section')).toEqual(['World']);
		expect(meta(doc, 'article:tag')).toEqual(['China', 'Central Asia', 'Belt and Road', 'Xi Jinping']);
		expect(meta(doc, 'og:image:width')).toEqual(['1200']);
		expect(meta(doc, 'og:image:height')).toEqual(['630']);
		expect(meta(doc, 'og:image:type')).toEqual(['image/jpeg']);
		expect(meta(doc, 'og:image:alt')).toEqual([
			'Illustration of trade routes drawn as gold lines across a dark red map of China and Central Asia',
		]);
		expect(meta(doc, 'twitter:card')).toEqual(['summary_large_image']);
		const feed = doc.querySelector('link[rel="alternate"][type="application/rss+xml"]');
		expect(feed?.getAttribute('href')).toBe(`${site}/rss.xml`);
	});

	it('links only icons, images and feeds that exist in the build', async () => {
		for (const path of ['/', xi, '/sections/world/', '/404.html']) {
			const doc = await page(path);
			const hrefs = [
				...[...doc.querySelectorAll('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="alternate"]')].map(
					(link) => link.getAttribute('href')!,
				),
				...meta(doc, 'og:image').map(String),
			];
			expect(hrefs.length, path).toBeGreaterThanOrEqual(4);
			for (const href of hrefs) expect(existsSync(fileOf(href)), `${path}: ${href}`).toBe(true);
		}
	});

	it('shares other pages as websites, with the logo; the 404 stays out of search results', async () => {
		const home = await page('/');
		expect(meta(home, 'og:type')).toEqual(['website']);
		expect(meta(home, 'og:image')).toEqual([`${site}/logo.png`]);
		expect(meta(home, 'twitter:card')).toEqual(['summary']);
		expect(meta(home, 'article:published_time')).toEqual([]);
		expect(meta(await page('/404.html'), 'robots')).toEqual(['noindex, follow']);
	});
});

describe('JSON-LD', () => {
	it('gives every article a complete NewsArticle and a BreadcrumbList', async () => {
		for (const path of Object.keys(published)) {
			const blocks = jsonLd(await page(path));
			expect([...blocks.keys()].sort(), path).toEqual(['BreadcrumbList', 'NewsArticle']);
			const article = blocks.get('NewsArticle')!;
			for (const key of [
				'headline',
				'description',
				'image',
				'datePublished',
				'dateModified',
				'author',
				'publisher',
				'mainEntityOfPage',
				'articleSection',
				'keywords',
			]) {
				expect(article[key], `${path}: ${key}`).toBeTruthy();
			}
			expect(article['@context']).toBe('https://schema.org');
			expect(article['datePublished']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
			expect(new Date(article['dateModified']).toISOString()).toBe(new Date(published[path]!).toISOString());
			expect(article['mainEntityOfPage']).toEqual({ '@type': 'WebPage', '@id': `${site}${path}` });
			expect(article['image'].map((image: any) => (image.width / image.height).toFixed(3))).toEqual([
				'1.778',
				'1.333',
				'1.000',
			]);
		}
	});

	it('describes the Xi story in full, with real crops, authors and the publisher logo', async () => {
		const blocks = jsonLd(await page(xi));
		const article = blocks.get('NewsArticle')!;
		expect(article).toMatchObject({
			'@type': 'NewsArticle',
			headline: 'Xi believes potential must be “fully unleashed” in China and Central Asia',
			datePublished: '2023-05-19T18:30:00+08:00',
			dateModified: '2023-05-20T09:15:00+08:00',
			author: [{ '@type': 'Person', name: 'AP Journalist', url: `${site}/authors/ap-journalist/` }],
			publisher: {
				'@type': 'NewsMediaOrganization',
				name: 'Asia Pacific Daily',
				url: `${site}/`,
				logo: { '@type': 'ImageObject', url: `${site}/logo.png`, width: 512, height: 512 },
			},
			articleSection: 'World',
			keywords: ['China', 'Central Asia', 'Belt and Road', 'Xi Jinping'],
			dateline: "XI'AN, China",
			locationCreated: { '@type': 'Place', name: "XI'AN, China" },
			inLanguage: 'en-US',
		});
		expect(existsSync(join(fileOf(article['author'][0].url), 'index.html'))).toBe(true);
		const logo = await sharp(fileOf(article['publisher'].logo.url)).metadata();
		expect([logo.width, logo.height]).toEqual([512, 512]);
		// Each crop is a real JPEG of the declared size, 1200 px wide (the 2400×1350 hero allows all three).
		const crops = [];
		for (const image of article['image']) {
			const file = await sharp(fileOf(image.url)).metadata();
			crops.push([image.width, image.height, file.width, file.height, file.format]);
		}
		expect(crops).toEqual([
			[1200, 675, 1200, 675, 'jpeg'],
			[1200, 900, 1200, 900, 'jpeg'],
			[1200, 1200, 1200, 1200, 'jpeg'],
		]);
		expect(blocks.get('BreadcrumbList')!['itemListElement']).toEqual([
			{ '@type': 'ListItem', position: 1, name: 'Asia Pacific Daily', item: `${site}/` },
			{ '@type': 'ListItem', position: 2, name: 'World', item: `${site}/sections/world/` },
			{
				'@type': 'ListItem',
				position: 3,
				name: 'Xi believes potential must be “fully unleashed” in China and Central Asia',
				item: `${site}${xi}`,
			},
		]);
	});

	it('describes the publication and the website on the home page', async () => {
		const blocks = jsonLd(await page('/'));
		expect([...blocks.keys()].sort()).toEqual(['NewsMediaOrganization', 'WebSite']);
		expect(blocks.get('NewsMediaOrganization')).toEqual({
			'@context': 'https://schema.org',
			'@type': 'NewsMediaOrganization',
			'@id': `${site}/#organization`,
			name: 'Asia Pacific Daily',
			url: `${site}/`,
			logo: { '@type': 'ImageObject', url: `${site}/logo.png`, width: 512, height: 512 },
		});
		expect(blocks.get('WebSite')).toMatchObject({
			url: `${site}/`,
			name: 'Asia Pacific Daily',
			publisher: { '@id': `${site}/#organization` },
		});
	});
});

describe('images', () => {
	it('serves the hero as AVIF and WebP at real widths, sized, eager and high priority', async () => {
		const doc = await page(xi);
		const picture = doc.querySelector('.hero picture')!;
		const sources = [...picture.querySelectorAll('source')];
		expect(sources.map((source) => source.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
		const sizes = '(min-width: 72rem) 47.5rem, (min-width: 60rem) calc(100vw - 24.5rem), calc(100vw - 2rem)';
		for (const source of sources) {
			expect(source.getAttribute('sizes')).toBe(sizes);
			const candidates = source
				.getAttribute('srcset')!
				.split(', ')
				.map((candidate) => candidate.split(' '));
			expect(candidates.map(([, width]) => width)).toEqual(['480w', '800w', '1200w', '1600w']);
			for (const [url, width] of candidates) {
				const file = await sharp(fileOf(url!)).metadata();
				expect(file.format).toBe(source.getAttribute('type') === 'image/avif' ? 'heif' : 'webp');
				expect(`${file.width}w`).toBe(width);
				expect(file.height).toBe(Math.round((file.width! * 9) / 16));
			}
		}
		const img = picture.querySelector('img')!;
		expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['2400', '1350']);
		expect(img.getAttribute('loading')).toBe('eager');
		expect(img.getAttribute('fetchpriority')).toBe('high');
		expect(img.getAttribute('sizes')).toBe(sizes);
		expect(img.getAttribute('alt')).toBe(
			'Illustration of trade routes drawn as gold lines across a dark red map of China and Central Asia',
		);
		expect((await sharp(fileOf(img.getAttribute('src')!)).metadata()).format).toBe('jpeg');
		expect(doc.querySelectorAll('img[fetchpriority="high"]')).toHaveLength(1);
	});

	it('makes a 1200×630 JPEG under 300 KB for each article to share', async () => {
		for (const path of Object.keys(published)) {
			const [url] = meta(await page(path), 'og:image');
			const file = fileOf(url!);
			const image = await sharp(file).metadata();
			expect([image.format, image.width, image.height], path).toEqual(['jpeg', 1200, 630]);
			expect((await stat(file)).size, path).toBeLessThan(300 * 1024);
		}
	});
});

describe('a fixture build: hostile headline, large hero, inline image, no recent stories', () => {
	const hostilePath = '/articles/hostile-headline/';
	const hostileTitle = "Breaking </script><script>alert('owned')</script> <!-- & --> \u2028\u2029 headline";
	let dist = '';

	beforeAll(async () => {
		dist = await buildSite({
			name: 'seo-fixture',
			env: {
				NEWSROOM_CONTENT_DIR: 'tests/fixtures/seo-content',
				SOURCE_DATE_EPOCH: String(Date.parse(testBuildTime) / 1000),
			},
		});
	});

	it('keeps a hostile headline inside the JSON-LD string: no element breaks out, the JSON parses back', async () => {
		const doc = await page(hostilePath, dist);
		expect(text(doc.querySelector('h1'))).toBe(hostileTitle.replace(/\s+/g, ' ').trim());
		const scripts = [...doc.querySelectorAll('script')];
		expect(scripts.filter((script) => script.getAttribute('type') === 'application/ld+json')).toHaveLength(2);
		for (const script of scripts.filter((script) => script.getAttribute('type') !== 'application/ld+json')) {
			expect(script.textContent).not.toContain('owned');
		}
		const blocks = jsonLd(doc);
		expect(blocks.get('NewsArticle')!['headline']).toBe(hostileTitle);
		expect(blocks.get('NewsArticle')!['description']).toBe('A dek that tries </script><script>alert(1)</script> too');
		expect(blocks.get('NewsArticle')!['dateline']).toBe('GENEVA </script>');
		expect(blocks.get('NewsArticle')!['keywords']).toEqual(['</script>', 'Security']);
		expect(blocks.get('BreadcrumbList')!['itemListElement'][2].name).toBe(hostileTitle);
		// The other places the headline reaches stay intact too.
		expect(doc.querySelector('title')?.textContent).toBe(`${hostileTitle} | Asia Pacific Daily`);
		expect(meta(doc, 'og:title')).toEqual([hostileTitle]);
		expect(doc.querySelectorAll('.article-body p').length).toBeGreaterThanOrEqual(2);
	});

	it('crops a large hero to 1200 px wide in all three ratios', async () => {
		const article = jsonLd(await page(hostilePath, dist)).get('NewsArticle')!;
		const sizes = [];
		for (const image of article['image']) {
			const file = await sharp(fileOf(image.url, dist)).metadata();
			sizes.push([file.width, file.height]);
			expect([image.width, image.height]).toEqual([file.width, file.height]);
		}
		expect(sizes).toEqual([
			[1200, 675],
			[1200, 900],
			[1200, 1200],
		]);
	});

	it('loads inline images lazily through astro:assets, responsive and with their size', async () => {
		const doc = await page(hostilePath, dist);
		const img = doc.querySelector('.article-body img')!;
		expect(img.getAttribute('alt')).toBe('A chart drawn as an orange gradient');
		expect(img.getAttribute('loading')).toBe('lazy');
		expect(img.getAttribute('fetchpriority')).toBeNull();
		expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['1000', '750']);
		expect(img.getAttribute('sizes')).toBe('(min-width: 1000px) 1000px, 100vw');
		const candidates = img
			.getAttribute('srcset')!
			.split(', ')
			.map((candidate) => candidate.split(' '));
		expect(candidates.length).toBeGreaterThanOrEqual(3);
		for (const [url, width] of [[img.getAttribute('src')!, undefined], ...candidates]) {
			const file = await sharp(fileOf(url!, dist)).metadata();
			expect(file.format).toBe('webp');
			if (width) expect(`${file.width}w`).toBe(width);
		}
	});

	it('leaves out stories whose canonical URL is elsewhere, and drafts', async () => {
		const { urlset } = xml.parse(await readFile(join(dist, 'sitemap-0.xml'), 'utf8'));
		const locs: string[] = urlset.url.map((url: { loc: string }) => url.loc);
		expect(locs.filter((loc) => loc.includes('/articles/'))).toEqual([`${site}${hostilePath}`]);
		const elsewhere = await page('/articles/first-ran-elsewhere/', dist);
		expect(elsewhere.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
			'https://elsewhere.example/stories/first-ran-here/',
		);
		expect(jsonLd(elsewhere).get('NewsArticle')!['mainEntityOfPage']['@id']).toBe(
			'https://elsewhere.example/stories/first-ran-here/',
		);
	});

	it('writes a well-formed, empty news sitemap when no story is recent', async () => {
		const file = join(dist, 'news-sitemap.xml');
		const { urlset } = xml.parse(await readFile(file, 'utf8'));
		expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
		expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
		expect(urlset.url).toBeUndefined();
		// Well-formed XML; the sitemaps.org schema itself asks for at least one <url>, so xmllint reports only that.
		expect(spawnSync('xmllint', ['--noout', file]).status).toBe(0);
		const { messages } = xmllint(schemas.newsSitemap, file);
		expect(messages.split('\n')).toEqual([
			`${file}:2: element urlset: Schemas validity error : Element '{http://www.sitemaps.org/schemas/sitemap/0.9}urlset': Missing child element(s). Expected is one of ( ##other{http://www.sitemaps.org/schemas/sitemap/0.9}*, {http://www.sitemaps.org/schemas/sitemap/0.9}url ).`,
			`${file} fails to validate`,
		]);
	});

	it('removes the build artefact', async () => {
		expect(await readdir(dist)).not.toContain('_newsroom');
	});
});
