import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditContext, GateResult } from '../types.ts';
import { cacheFindings, type ServedUrl } from './cache-findings.ts';
import { parseHeadersFile } from './parse-headers-file.ts';
import { pathKey } from '../../../integrations/newsroom/cdn/redirects.ts';
import { redirectedPaths } from './redirected-paths.ts';

/** Files the hosts read as configuration, never serve. */
const hostFiles = new Set(['_headers', '_redirects', '_routes.json', '_worker.js']);

/**
 * CDN cache headers gate: dist/_headers gives every URL of the build exactly one Cache-Control — files under
 * `assetsDir` (content-hashed) immutable for a year; pages (at their trailing-slash URL), feeds, sitemaps and other
 * files a short max-age with stale-while-revalidate.
 */
export async function headersGate(
	{ dist, site, files, pages }: AuditContext,
	assetsDir = '_astro',
): Promise<GateResult> {
	const gate = 'CDN cache headers (_headers)';
	let text: string;
	try {
		text = await readFile(join(dist, '_headers'), 'utf8');
	} catch {
		return {
			gate,
			figures: [],
			findings: [{ where: '_headers', message: 'missing: the newsroom integration writes it at build time' }],
		};
	}
	const rules = parseHeadersFile(text);
	const base = site.pathname;
	const pagePaths = new Map(pages.map((page) => [page.file, page.path]));
	// A page at a path `_redirects` redirects (a fallback page at an old path) is answered by the redirect.
	const redirected = await redirectedPaths(dist, base);
	const urls: ServedUrl[] = files
		.filter((file) => !hostFiles.has(file))
		.filter((file) => !redirected.has(pathKey(pagePaths.get(file) ?? '')))
		.map((file) => {
			const path = pagePaths.get(file) ?? `/${file}`;
			return { path: `${base}${path.slice(1)}`, policy: file.startsWith(`${assetsDir}/`) ? 'immutable' : 'revalidate' };
		});
	const figures: string[] = [];
	const findings = cacheFindings(rules, urls);
	if (redirected.size > 0) figures.push(`${redirected.size} redirected paths (_redirects) not checked`);
	const immutable = urls.filter((url) => url.policy === 'immutable').length;
	return {
		gate,
		figures: [
			`${rules.length} rules; ${immutable} hashed assets and ${urls.length - immutable} other URLs checked`,
			...figures,
		],
		findings,
	};
}
