import { createRequire } from 'node:module';
import { launchChromium, serveDist } from '../../../tests/helpers/browser.ts';
import type { AuditContext, Finding, GateResult } from '../types.ts';
import { prefixesFromUrls } from '../weight/prefixes-from-urls.ts';
import { type AxeViolation, axeFindings } from './axe-findings.ts';
import { axeTargets } from './axe-targets.ts';

/** WCAG 2.1 levels A and AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The colour schemes every page is checked in. */
const colorSchemes = ['light', 'dark'] as const;
/** The consent banner a first-time reader sees; the pages are checked with it showing. */
export const consentBanner = 'newsroom-consent .banner';

const axeScript = createRequire(import.meta.url).resolve('axe-core');

/**
 * Accessibility gate: axe-core (WCAG 2.1 A and AA rules) in Debian chromium on the first home, article, section,
 * author and tag page, each in a fresh context so the consent banner shows; 0 violations, and the banner visible.
 * Each page is checked in the light and the dark colour scheme (`prefers-color-scheme`), so both keep AA contrast.
 */
export async function a11yGate({ dist, pages }: AuditContext): Promise<GateResult> {
	const { targets, missing } = axeTargets(pages, prefixesFromUrls());
	const findings: Finding[] = [];
	const figures: string[] = [];
	const server = await serveDist(dist);
	const browser = await launchChromium();
	try {
		for (const target of targets.flatMap((page) => colorSchemes.map((scheme) => ({ ...page, scheme })))) {
			// axe is injected as a script tag, which the pages' Content-Security-Policy would block.
			const context = await browser.newContext({ bypassCSP: true, colorScheme: target.scheme });
			const where = target.scheme === 'light' ? target.path : `${target.path} (dark)`;
			try {
				const page = await context.newPage();
				await page.goto(server.origin + target.path, { waitUntil: 'load' });
				const banner = page.locator(consentBanner).first();
				const bannerShown = await banner.waitFor({ state: 'visible', timeout: 5000 }).then(
					() => true,
					() => false,
				);
				if (!bannerShown)
					findings.push({ where, message: `the consent banner (${consentBanner}) is not visible` });
				await page.addScriptTag({ path: axeScript });
				const violations = await page.evaluate(async (tags) => {
					const axe = (
						globalThis as unknown as {
							axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> };
						}
					).axe;
					return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }))
						.violations;
				}, wcagTags);
				findings.push(...axeFindings(where, violations as AxeViolation[]));
				figures.push(`${where}: ${violations.length} violations, banner ${bannerShown ? 'visible' : 'NOT visible'}`);
			} finally {
				await context.close();
			}
		}
	} finally {
		await browser.close();
		await server.close();
	}
	if (missing.length > 0) figures.push(`no ${missing.join(', ')} page in this build`);
	return { gate: `Accessibility (axe-core, ${wcagTags.join(' ')})`, figures, findings };
}
