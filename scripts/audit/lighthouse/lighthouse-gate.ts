import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath, serveDist } from '../../../tests/helpers/browser.ts';
import { axeTargets } from '../a11y/axe-targets.ts';
import { formatTable } from '../report/format-table.ts';
import type { AuditContext, Finding, GateResult } from '../types.ts';
import { pageType } from '../weight/page-type.ts';
import { prefixesFromUrls } from '../weight/prefixes-from-urls.ts';
import { lighthouseCategories, lighthouseScores } from './lighthouse-scores.ts';

type RunLighthouse = (
	url: string,
	flags: Record<string, unknown>,
) => Promise<{ lhr: LighthouseResult } | undefined>;

interface LighthouseResult {
	categories: Record<string, { score: number | null; auditRefs?: { id: string; weight: number }[] }>;
	audits?: Record<string, { score: number | null; title: string; scoreDisplayMode?: string }>;
}

/** Thrown when the optional `lighthouse` package is not installed, with what to do about it. */
export class LighthouseMissing extends Error {}

/** The optional `lighthouse` package's entry point; throws `LighthouseMissing` (with what to run) when it is not installed. */
export async function loadLighthouse(): Promise<RunLighthouse> {
	try {
		// A variable specifier: TypeScript and Vite leave the optional package alone until this line runs.
		const name = 'lighthouse';
		return ((await import(name)) as { default: RunLighthouse }).default;
	} catch (error) {
		if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') {
			throw new LighthouseMissing(
				'--lighthouse needs the npm package "lighthouse", which is not installed: run `npm i -D lighthouse` first.',
			);
		}
		throw error;
	}
}

/**
 * Lighthouse gate (`--lighthouse`, not in CI): Lighthouse's default mobile run in Debian chromium on the home page
 * and the first article, with a fresh profile so the consent banner shows; prints the four category scores and
 * fails below 100. Needs the optional dev dependency `lighthouse`.
 */
export async function lighthouseGate({ dist, pages }: AuditContext): Promise<GateResult> {
	const lighthouse = await loadLighthouse();
	const prefixes = prefixesFromUrls();
	const chosen = axeTargets(pages, prefixes).targets.filter((target) =>
		['home', 'article'].includes(pageType(target.path, prefixes)),
	);
	const port = await freePort();
	const server = await serveDist(dist);
	const browser = await chromium.launch({
		executablePath: chromiumPath,
		headless: true,
		args: [...chromiumArgs, `--remote-debugging-port=${port}`],
	});
	const rows: string[][] = [];
	const findings: Finding[] = [];
	try {
		for (const target of chosen) {
			const result = await lighthouse(server.origin + target.path, { port, output: 'json', logLevel: 'error' });
			if (!result) throw new Error(`Lighthouse returned no result for ${target.path}`);
			const scores = lighthouseScores(result.lhr);
			rows.push([target.path, ...lighthouseCategories.map((category) => String(scores[category] ?? '–'))]);
			for (const category of lighthouseCategories) {
				if (scores[category] !== 100)
					findings.push({
						where: target.path,
						message: `Lighthouse ${category} is ${scores[category] ?? 'not scored'}, the goal is 100${failingAudits(result.lhr, category)}`,
					});
			}
		}
	} finally {
		await browser.close();
		await server.close();
	}
	return { gate: 'Lighthouse (mobile)', figures: formatTable(['page', ...lighthouseCategories], rows), findings };
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() =>
				address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no free port')),
			);
		});
	});
}

/** The scored audits of a category that did not pass, as " (failing: title; title)", so the report says what to fix. */
function failingAudits(lhr: LighthouseResult, category: string): string {
	const failing = (lhr.categories[category]?.auditRefs ?? [])
		.filter((ref) => ref.weight > 0)
		.map((ref) => lhr.audits?.[ref.id])
		.filter((audit) => audit && audit.scoreDisplayMode === 'binary' && audit.score !== null && audit.score < 1)
		.map((audit) => audit!.title);
	return failing.length > 0 ? ` (failing: ${failing.join('; ')})` : '';
}
