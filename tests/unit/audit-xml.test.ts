import { describe, expect, it } from 'vitest';
import { feedparserFindings } from '../../scripts/audit/xml/feedparser-findings.ts';
import { parseXml } from '../../scripts/audit/xml/parse-xml.ts';
import { sitemapLocs } from '../../scripts/audit/xml/sitemap-locs.ts';
import { xmlKind } from '../../scripts/audit/xml/xml-kind.ts';
import { xmllintFindings } from '../../scripts/audit/xml/xmllint-findings.ts';

describe('xmlKind', () => {
	it('tells feeds from sitemaps by the root element', () => {
		expect(
			xmlKind(
				parseXml(
					'<?xml version="1.0"?><?xml-stylesheet href="/feed.xsl" type="text/xsl"?><rss version="2.0"><channel/></rss>',
				),
			),
		).toBe('feed');
		expect(xmlKind(parseXml('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>'))).toBe('feed');
		expect(xmlKind(parseXml('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>'))).toBe('sitemap');
		expect(xmlKind(parseXml('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>'))).toBe(
			'sitemap index',
		);
		expect(xmlKind(parseXml('<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>'))).toBe(
			'other',
		);
	});
});

describe('sitemapLocs', () => {
	it('reads the locations of a sitemap with one or many entries and of a sitemap index', () => {
		expect(sitemapLocs(parseXml('<urlset><url><loc>https://x.example/</loc></url></urlset>'))).toEqual([
			'https://x.example/',
		]);
		expect(
			sitemapLocs(
				parseXml(
					'<urlset><url><loc>https://x.example/a/</loc></url><url><loc>https://x.example/b/</loc></url></urlset>',
				),
			),
		).toEqual(['https://x.example/a/', 'https://x.example/b/']);
		expect(
			sitemapLocs(
				parseXml('<sitemapindex><sitemap><loc>https://x.example/sitemap-0.xml</loc></sitemap></sitemapindex>'),
			),
		).toEqual(['https://x.example/sitemap-0.xml']);
		expect(sitemapLocs(parseXml('<urlset></urlset>'))).toEqual([]);
	});
});

describe('xmllintFindings', () => {
	it('turns each "file:line: error" of xmllint into a finding with the source line it quotes', () => {
		const output = [
			'rss.xml:3: parser error : Opening and ending tag mismatch: item line 3 and channel',
			'<item><title>Unclosed</title></channel>',
			'                                        ^',
			'authors/a/rss.xml:5: parser error : Premature end of data in tag rss line 2',
			'',
			'^',
		].join('\n');
		expect(xmllintFindings(output, ['rss.xml', 'authors/a/rss.xml', 'sitemap-0.xml'], '')).toEqual([
			{
				where: 'rss.xml:3',
				message:
					'parser error : Opening and ending tag mismatch: item line 3 and channel — near “<item><title>Unclosed</title></channel>”',
			},
			{ where: 'authors/a/rss.xml:5', message: 'parser error : Premature end of data in tag rss line 2' },
		]);
		expect(xmllintFindings('', ['rss.xml'], '')).toEqual([]);
	});
});

describe('feedparserFindings', () => {
	it('reports bozo feeds with feedparser’s reason and feeds it does not recognise', () => {
		expect(
			feedparserFindings([
				{ file: 'rss.xml', bozo: false, exception: null, version: 'rss20', entries: 7 },
				{
					file: 'bad.xml',
					bozo: true,
					exception: 'SAXParseException: <unknown>:3:77: mismatched tag',
					version: 'rss20',
					entries: 1,
				},
				{ file: 'odd.xml', bozo: false, exception: null, version: '', entries: 0 },
			]),
		).toEqual([
			{ where: 'bad.xml', message: 'feedparser: bozo — SAXParseException: <unknown>:3:77: mismatched tag' },
			{ where: 'odd.xml', message: 'feedparser does not recognise it as RSS or Atom' },
		]);
	});
});
