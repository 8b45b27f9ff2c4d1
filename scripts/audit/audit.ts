/**
 * `npm run audit -- [--dist dist] [--only …] [--lighthouse]`: checks a built site with every quality gate (HTML
 * validity, accessibility, links, feeds and sitemaps, page weight, CDN cache headers), prints a report and exits 1
 * when a gate fails (2 when the audit itself cannot run).
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { cliOptions, usage } from './cli-options.ts';
import { auditContext } from './context.ts';
import { formatReport } from './report/format-report.ts';
import { runAudit } from './run-audit.ts';

try {
	const options = cliOptions(process.argv.slice(2));
	if (options.help) {
		console.log(usage);
	} else {
		const dist = resolve(options.dist);
		if (!(await stat(dist).catch(() => undefined))?.isDirectory()) {
			throw new Error(`${dist} is not a folder: build the site first (npm run build) or pass --dist <dir>.`);
		}
		// Fail before the long gates, not after them, when the optional package is missing.
		if (options.gates.includes('lighthouse')) await (await import('./lighthouse/lighthouse-gate.ts')).loadLighthouse();
		const context = await auditContext(dist, options.site);
		console.log(
			`Auditing ${context.pages.length} pages and ${context.files.length} files of ${context.site.href} in ${dist}: ${options.gates.join(', ')}\n`,
		);
		const results = await runAudit(context, options.gates);
		console.log(formatReport(dist, results));
		process.exitCode = results.some((result) => result.findings.length > 0) ? 1 : 0;
	}
} catch (error) {
	console.error(`audit: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 2;
}
