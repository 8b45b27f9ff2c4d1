import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { distFileFor } from '../links/dist-file-for.ts';
import { internalPath } from '../links/internal-path.ts';
import type { AuditContext, Finding, GateResult } from '../types.ts';
import { budgetFindings } from './budget-findings.ts';
import { type Budget, defaultBudgets } from './budgets.ts';
import { gzipSize } from './gzip-size.ts';
import { isLivePage } from './live-page.ts';
import { pageAssets } from './page-assets.ts';
import { type PageType, pageType } from './page-type.ts';
import type { PageWeight } from './page-weight.ts';
import { prefixesFromUrls } from './prefixes-from-urls.ts';
import { weightTable } from './weight-table.ts';

/**
 * Page-weight gate: every page's HTML, CSS and JS in gzip bytes against its page type's budget; prints the largest
 * figures per page type. Each external file is read and compressed once, however many pages load it.
 */
export async function weightGate(
	{ dist, site, files, pages }: AuditContext,
	budgets: Readonly<Record<PageType, Budget>> = defaultBudgets,
): Promise<GateResult> {
	const known = new Set(files);
	const prefixes = prefixesFromUrls();
	const external = new Map<string, Promise<number>>();
	const findings: Finding[] = [];
	const weights: PageWeight[] = [];
	for (const page of pages) {
		const html = await readFile(join(dist, page.file));
		const assets = pageAssets(html.toString('utf8'));
		const pageUrl = new URL(page.path.slice(1), site);
		const externalSize = async (url: string): Promise<number> => {
			const target = internalPath(url, pageUrl, site);
			const file = target && 'path' in target ? distFileFor(target.path, known) : undefined;
			if (!file) {
				// Other hosts' files (and broken links, which the links gate reports) are not weighed: say so.
				findings.push({ where: page.file, message: `cannot weigh "${url}": not a file of this build` });
				return 0;
			}
			if (!external.has(file)) external.set(file, readFile(join(dist, file)).then(gzipSize));
			return external.get(file) ?? 0;
		};
		const sum = async (inline: string[], urls: string[]) =>
			(inline.length > 0 ? gzipSize(inline.join('\n')) : 0) +
			(await Promise.all(urls.map(externalSize))).reduce((a, b) => a + b, 0);
		const type = pageType(page.path, prefixes);
		weights.push({
			file: page.file,
			type: type === 'article' && isLivePage(html.toString('utf8')) ? 'live' : type,
			html: gzipSize(html),
			css: await sum(assets.inlineStyles, assets.styleUrls),
			js: await sum(assets.inlineScripts, assets.scriptUrls),
		});
	}
	findings.push(...budgetFindings(weights, budgets));
	return { gate: 'Page weight (gzip bytes)', figures: weightTable(weights, budgets), findings };
}
