import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditContext, Finding, GateResult } from '../types.ts';
import { brokenReferences } from './broken-references.ts';
import { htmlReferences } from './html-references.ts';
import type { Reference } from './reference.ts';
import { redirectReferences } from './redirect-references.ts';
import { xmlReferences } from './xml-references.ts';

/**
 * Links gate: every internal href/src/srcset (and Open Graph, JSON-LD URL) of every page, every URL of every feed
 * and sitemap, and the sitemaps robots.txt lists resolve to a file in dist/.
 */
export async function linksGate({ dist, site, files, pages }: AuditContext): Promise<GateResult> {
	const known = new Set(files);
	const findings: Finding[] = [];
	let internal = 0;
	const check = (file: string, url: URL, references: readonly Reference[]) => {
		const result = brokenReferences(file, url, references, site, known);
		internal += result.internal;
		findings.push(...result.broken);
	};
	for (const page of pages) {
		check(page.file, new URL(page.path.slice(1), site), htmlReferences(await readFile(join(dist, page.file), 'utf8')));
	}
	const xmlFiles = files.filter((file) => file.endsWith('.xml'));
	for (const file of xmlFiles) {
		let references: Reference[];
		try {
			references = xmlReferences(await readFile(join(dist, file), 'utf8'));
		} catch (error) {
			findings.push({
				where: file,
				message: `cannot be read as XML, so its links were not checked (${String(error)})`,
			});
			continue;
		}
		check(file, new URL(file, site), references);
	}
	if (known.has('robots.txt')) {
		const robots = await readFile(join(dist, 'robots.txt'), 'utf8');
		const sitemaps = robots.split('\n').flatMap((line) => /^\s*sitemap:\s*(\S+)/i.exec(line)?.slice(1, 2) ?? []);
		check(
			'robots.txt',
			new URL('robots.txt', site),
			sitemaps.map((url) => ({ url, from: 'Sitemap:' })),
		);
	}
	if (known.has('_redirects')) {
		check('_redirects', new URL('_redirects', site), redirectReferences(await readFile(join(dist, '_redirects'), 'utf8')));
	}
	return {
		gate: 'Links',
		figures: [
			`${internal} internal references in ${pages.length} pages and ${xmlFiles.length} XML files, ${findings.length} broken`,
		],
		findings,
	};
}
