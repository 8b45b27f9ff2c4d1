import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { pagePath } from './links/page-path.ts';
import type { AuditContext } from './types.ts';

/**
 * Reads what every gate needs from a built site: its files, its pages and its absolute URL — `site` if given,
 * otherwise the canonical URL of the home page (every newsroom page has one).
 */
export async function auditContext(dist: string, site?: string): Promise<AuditContext> {
	const entries = await readdir(dist, { recursive: true, withFileTypes: true });
	const files = entries
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
	const pages = files
		.filter((file) => file.endsWith('.html'))
		.map((file) => ({ file, path: pagePath(file) }))
		.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	return { dist, site: new URL(site ?? (await homeCanonical(dist))), files, pages };
}

async function homeCanonical(dist: string): Promise<string> {
	const home = join(dist, 'index.html');
	const html = await readFile(home, 'utf8').catch(() => '');
	const canonical = parseHTML(html).document.querySelector('link[rel="canonical"]')?.getAttribute('href');
	if (!canonical || !URL.canParse(canonical)) {
		throw new Error(
			`${home}: no <link rel="canonical"> with an absolute URL, so the site's URL is unknown. Pass it with --site https://your.domain/`,
		);
	}
	return canonical;
}
