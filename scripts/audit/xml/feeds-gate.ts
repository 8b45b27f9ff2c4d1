import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distFileFor } from '../links/dist-file-for.ts';
import { internalPath } from '../links/internal-path.ts';
import type { AuditContext, Finding, GateResult } from '../types.ts';
import { type FeedparserResult, feedparserFindings } from './feedparser-findings.ts';
import { parseXml } from './parse-xml.ts';
import { runTool } from './run-tool.ts';
import { sitemapLocs } from './sitemap-locs.ts';
import { type XmlKind, xmlKind } from './xml-kind.ts';
import { xmllintFindings } from './xmllint-findings.ts';

const feedparserCheck = fileURLToPath(new URL('feedparser-check.py', import.meta.url));

/**
 * Feeds and sitemaps gate: every XML file (and XSL stylesheet) is well-formed for xmllint; every feed parses with
 * Debian's python3-feedparser without bozo; every sitemap entry is a page of dist/ (a sitemap index's, a sitemap).
 */
export async function feedsGate({ dist, site, files }: AuditContext): Promise<GateResult> {
	const xmlFiles = files.filter((file) => file.endsWith('.xml') || file.endsWith('.xsl'));
	const findings: Finding[] = [];
	if (xmlFiles.length > 0) {
		const xmllint = await runTool('xmllint', ['--noout', ...xmlFiles], dist);
		const parsed = xmllintFindings(xmllint.stderr, xmlFiles, '');
		findings.push(...parsed);
		if (xmllint.code !== 0 && parsed.length === 0)
			findings.push({ where: 'xmllint', message: `exit ${xmllint.code}: ${xmllint.stderr.trim()}` });
	}
	const malformed = new Set(findings.map((finding) => finding.where.replace(/:\d+$/, '')));
	const kinds = new Map<string, XmlKind>();
	const known = new Set(files);
	let sitemapUrls = 0;
	for (const file of xmlFiles.filter((name) => name.endsWith('.xml'))) {
		// fast-xml-parser is lenient: even a malformed file usually shows its root element, so a broken feed still
		// goes to feedparser and a broken sitemap is not mistaken for one.
		let document: Record<string, unknown>;
		try {
			document = parseXml(await readFile(join(dist, file), 'utf8'));
		} catch {
			continue;
		}
		const kind = xmlKind(document);
		kinds.set(file, kind);
		if ((kind !== 'sitemap' && kind !== 'sitemap index') || malformed.has(file)) continue;
		for (const loc of sitemapLocs(document)) {
			sitemapUrls++;
			const target = internalPath(loc, new URL(file, site), site);
			const found = target && 'path' in target ? distFileFor(target.path, known) : undefined;
			const wanted = kind === 'sitemap' ? '.html' : '.xml';
			if (!found?.endsWith(wanted))
				findings.push({
					where: file,
					message: `entry <loc>${loc}</loc> is not a ${kind === 'sitemap' ? 'page' : 'sitemap'} of this build`,
				});
		}
	}
	const feeds = xmlFiles.filter((file) => kinds.get(file) === 'feed');
	let entries = 0;
	if (feeds.length > 0) {
		const python = await runTool('/usr/bin/python3', [feedparserCheck, ...feeds], dist);
		if (python.code !== 0)
			throw new Error(`${feedparserCheck} failed (is python3-feedparser installed?):\n${python.stderr}`);
		const results = JSON.parse(python.stdout) as FeedparserResult[];
		entries = results.reduce((sum, result) => sum + result.entries, 0);
		findings.push(...feedparserFindings(results));
	}
	const sitemaps = [...kinds.values()].filter((kind) => kind === 'sitemap' || kind === 'sitemap index').length;
	return {
		gate: 'Feeds and sitemaps (xmllint, feedparser)',
		figures: [
			`${xmlFiles.length} XML/XSL files checked by xmllint, ${malformed.size} malformed`,
			`${feeds.length} feeds parsed by feedparser with ${entries} entries`,
			`${sitemaps} sitemaps with ${sitemapUrls} entries`,
		],
		findings,
	};
}
