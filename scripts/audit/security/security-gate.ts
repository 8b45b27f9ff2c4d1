import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHeadersFile, type ParsedHeaderRule } from '../headers/parse-headers-file.ts';
import { pathKey } from '../../../integrations/newsroom/cdn/redirects.ts';
import { redirectedPaths } from '../headers/redirected-paths.ts';
import { ruleMatches } from '../headers/rule-matches.ts';
import type { AuditContext, Finding, GateResult } from '../types.ts';
import { readBuiltPage } from '../../../integrations/newsroom/security/built-pages.ts';
import { formatPolicy } from '../../../integrations/newsroom/security/response-headers.ts';
import { pageType, type PageType } from '../weight/page-type.ts';
import { prefixesFromUrls } from '../weight/prefixes-from-urls.ts';
import { observatoryScore } from './observatory.ts';

/** The longest `_headers` line Cloudflare Pages applies. */
const LINE_LIMIT = 2000;

/**
 * What a page type may add to a reader page's script sources: the editors' desk (Decap CMS) evaluates code and
 * runs WebAssembly, the search page runs Pagefind's WebAssembly and nothing more.
 */
const EXTRA_SCRIPT_SOURCES: Partial<Record<PageType, string[]>> = {
	cms: ["'unsafe-eval'", "'wasm-unsafe-eval'"],
	search: ["'wasm-unsafe-eval'"],
};

/** The headers every HTML response must carry, and what their value must say. */
const REQUIRED: [name: string, check: (value: string, isDesk: boolean) => string | undefined][] = [
	['x-content-type-options', (value) => (value.toLowerCase() === 'nosniff' ? undefined : 'must be "nosniff"')],
	[
		'referrer-policy',
		(value) =>
			['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(value.toLowerCase())
				? undefined
				: 'must be strict-origin-when-cross-origin or stricter',
	],
	['permissions-policy', (value) => (/camera=\(\)/.test(value) && /microphone=\(\)/.test(value) && /geolocation=\(\)/.test(value) ? undefined : 'must turn camera, microphone and geolocation off')],
	[
		'cross-origin-opener-policy',
		(value, isDesk) =>
			value === 'same-origin' || (isDesk && value === 'same-origin-allow-popups')
				? undefined
				: `must be same-origin${isDesk ? ' or, for the desk, same-origin-allow-popups' : ''}`,
	],
];

/**
 * Security headers gate: every HTML route gets, from dist/_headers, a Content-Security-Policy (with
 * `frame-ancestors`, no `'unsafe-inline'` or `'unsafe-eval'` for scripts, `object-src 'none'`, `base-uri`), the
 * page keeps its own `<meta>` policy, and the headers X-Content-Type-Options, Referrer-Policy, Permissions-Policy,
 * Cross-Origin-Opener-Policy and an X-Frame-Options matching `frame-ancestors`. Each route is scored the way
 * Mozilla's HTTP Observatory scores headers (observatory.ts); the lowest score of the readers' pages is reported,
 * and the editors' desk (`/admin/`, whose Decap CMS may evaluate code and open a sign-in window) on its own line.
 * The search page may run WebAssembly (`'wasm-unsafe-eval'`, for Pagefind), and nothing else beyond a reader page.
 */
export async function securityGate({ dist, site, pages }: AuditContext): Promise<GateResult> {
	const gate = 'Security headers (_headers, CSP)';
	let rules: ParsedHeaderRule[];
	let text: string;
	try {
		text = await readFile(join(dist, '_headers'), 'utf8');
		rules = parseHeadersFile(text);
	} catch {
		return { gate, figures: [], findings: [{ where: '_headers', message: 'missing: the newsroom integration writes it at build time' }] };
	}
	const findings: Finding[] = text.split('\n').flatMap((line, index) =>
		line.length > LINE_LIMIT
			? [{ where: `_headers:${index + 1}`, message: `${line.length} characters: Cloudflare Pages ignores lines over ${LINE_LIMIT}` }]
			: [],
	);
	let lowest: ReturnType<typeof observatoryScore> | undefined;
	const desk: string[] = [];
	const prefixes = prefixesFromUrls();
	// A fallback page at an old path is answered by its redirect (`_redirects`), never served.
	const redirected = await redirectedPaths(dist, site.pathname);
	const served = pages.filter((page) => !redirected.has(pathKey(page.path)));
	for (const page of served) {
		const path = `${site.pathname}${page.path.slice(1)}`;
		// The editors' desk (Decap CMS) may evaluate code; it is scored apart from the readers' pages.
		const type = pageType(page.path, prefixes);
		const isDesk = type === 'cms';
		const headers = new Map<string, string[]>();
		for (const rule of rules.filter((candidate) => ruleMatches(candidate.path, path))) {
			for (const [name, value] of rule.headers) headers.set(name, [...(headers.get(name) ?? []), value]);
		}
		const html = await readFile(join(dist, page.file), 'utf8');
		const { policy } = readBuiltPage(html);
		const meta = policy ? [formatPolicy(policy)] : [];
		const problems = [...policyProblems(headers.get('content-security-policy'), meta, EXTRA_SCRIPT_SOURCES[type] ?? []), ...headerProblems(headers, isDesk)];
		findings.push(...problems.map((message) => ({ where: path, message })));
		const scored = observatoryScore(headers, meta, site.protocol === 'https:');
		if (isDesk) desk.push(`${path}: ${scored.score} (${scored.grade})`);
		else if (!lowest || scored.score < lowest.score) lowest = scored;
	}
	const figures = [`${served.length} HTML routes checked against ${rules.length} _headers rules`];
	if (redirected.size > 0) figures.push(`${redirected.size} redirected paths (_redirects) not checked`);
	if (lowest) {
		figures.push(
			`Observatory score (lowest route): ${lowest.score} (${lowest.grade}); ${lowest.results.map((result) => `${result.test} ${result.modifier >= 0 ? '+' : ''}${result.modifier}`).join(', ')}`,
		);
	}
	if (desk.length > 0) figures.push(`The editors' desk, its own policy ('unsafe-eval' for Decap CMS): ${desk.join(', ')}`);
	return { gate, figures, findings };
}

function policyProblems(values: string[] | undefined, meta: string[], allowed: readonly string[]): string[] {
	const problems: string[] = [];
	if (meta.length === 0) problems.push('the page has no <meta http-equiv="content-security-policy"> (Astro security.csp)');
	if (!values || values.length === 0) return [...problems, 'no Content-Security-Policy header'];
	const directives = new Map(
		values
			.join(';')
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...sources]) => [name!.toLowerCase(), sources] as const),
	);
	const scripts = directives.get('script-src') ?? directives.get('default-src');
	if (!directives.has('default-src')) problems.push('Content-Security-Policy has no default-src');
	if (!scripts) problems.push('Content-Security-Policy has no script-src');
	const unsafe = ["'unsafe-inline'", '*', 'https:', 'http:', 'data:', "'unsafe-eval'", "'wasm-unsafe-eval'"].filter((source) => !allowed.includes(source));
	if (scripts?.some((source) => unsafe.includes(source))) {
		problems.push(`Content-Security-Policy script-src allows ${scripts.filter((source) => unsafe.includes(source)).join(' ')}`);
	}
	if (directives.get('object-src')?.join(' ') !== "'none'") problems.push("Content-Security-Policy needs object-src 'none'");
	if (!directives.has('base-uri')) problems.push('Content-Security-Policy has no base-uri');
	if (!directives.has('frame-ancestors')) problems.push('Content-Security-Policy has no frame-ancestors (only a header can carry it)');
	return problems;
}

function headerProblems(headers: ReadonlyMap<string, string[]>, isDesk: boolean): string[] {
	const problems: string[] = [];
	for (const [name, check] of REQUIRED) {
		const value = headers.get(name)?.join(', ');
		const problem = value === undefined ? 'missing' : check(value, isDesk);
		if (problem) problems.push(`${name}: ${problem}${value === undefined ? '' : ` (has "${value}")`}`);
	}
	const ancestors = (headers.get('content-security-policy') ?? []).join(';').match(/frame-ancestors\s+([^;]+)/)?.[1]?.trim();
	const frameOptions = headers.get('x-frame-options')?.join(', ').toUpperCase();
	const expected = ancestors === "'none'" ? 'DENY' : ancestors === "'self'" ? 'SAMEORIGIN' : undefined;
	if (expected && frameOptions !== expected) problems.push(`x-frame-options: must be ${expected} to match frame-ancestors ${ancestors} (has "${frameOptions ?? 'nothing'}")`);
	return problems;
}
