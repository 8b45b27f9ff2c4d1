/**
 * How Mozilla's HTTP Observatory (developer.mozilla.org/en-US/observatory, `mdn/mdn-http-observatory`) scores the
 * security headers of a response, for the tests that depend on headers alone: Content-Security-Policy,
 * Referrer-Policy, Strict-Transport-Security, X-Content-Type-Options and X-Frame-Options (Cross-Origin-Resource-Policy
 * is left unset on purpose: it would stop feed readers showing our images). Cookies, redirection, CORS and
 * Subresource Integrity depend on the live host; a static newsroom site sets no cookie from the server, loads its
 * scripts from its own origin and is redirected to https by the CDN, so they score 0 there.
 *
 * As the Observatory does: start at 100, add each test's modifier; bonuses count only when the score without them
 * is at least 90. Grades: 100+ A+, 90 A, 85 A-, 80 B+, 70 B, 65 B-, 60 C+, 50 C, 45 C-, 40 D+, 30 D, 25 D-, else F.
 */

/** One test's outcome: its name, what the Observatory would say, and the modifier. */
export interface ObservatoryResult {
	test: string;
	result: string;
	modifier: number;
}

const DANGEROUSLY_BROAD = new Set(['ftp:', 'http:', 'https:', '*', 'http://*', 'http://*.*', 'https://*', 'https://*.*']);
const UNSAFE_INLINE = new Set(["'unsafe-inline'", 'data:']);

/** Parses every policy of a response (header values and `<meta>` policies) into one directive map, first wins. */
function parseCsp(policies: readonly string[]): Map<string, Set<string>> {
	const csp = new Map<string, Set<string>>();
	for (const policy of policies) {
		for (const part of policy.split(';')) {
			const [name, ...sources] = part.trim().split(/\s+/);
			if (name && !csp.has(name.toLowerCase())) csp.set(name.toLowerCase(), new Set(sources.map((source) => source.toLowerCase())));
		}
	}
	return csp;
}

function cspTest(headerPolicies: readonly string[], metaPolicies: readonly string[], https: boolean): ObservatoryResult {
	const test = 'content-security-policy';
	if (headerPolicies.length + metaPolicies.length === 0) return { test, result: 'csp-not-implemented', modifier: -25 };
	const csp = parseCsp([...headerPolicies, ...metaPolicies]);
	const scriptSrc = new Set(csp.get('script-src') ?? csp.get('default-src') ?? ['*']);
	const styleSrc = new Set(csp.get('style-src') ?? csp.get('default-src') ?? ['*']);
	const objectSrc = csp.get('object-src') ?? csp.get('default-src') ?? new Set(['*']);
	for (const list of [scriptSrc, styleSrc]) {
		if ([...list].some((source) => /^'(sha256|sha384|sha512|nonce)-/.test(source))) list.delete("'unsafe-inline'");
	}
	if ([...scriptSrc].some((source) => DANGEROUSLY_BROAD.has(source) || UNSAFE_INLINE.has(source)) || [...objectSrc].some((source) => DANGEROUSLY_BROAD.has(source))) {
		return { test, result: 'csp-implemented-with-unsafe-inline', modifier: -20 };
	}
	const active = [...csp].filter(([name]) => !['img-src', 'media-src'].includes(name)).flatMap(([, sources]) => [...sources]);
	if (https && active.some((source) => source.startsWith('http:') || source.startsWith('ftp:'))) {
		return { test, result: 'csp-implemented-with-insecure-scheme', modifier: -20 };
	}
	if ([...scriptSrc, ...styleSrc].includes("'unsafe-eval'")) return { test, result: 'csp-implemented-with-unsafe-eval', modifier: -10 };
	const passive = ['img-src', 'media-src'].flatMap((name) => [...(csp.get(name) ?? csp.get('default-src') ?? [])]);
	if (https && passive.some((source) => source.startsWith('http:') || source.startsWith('ftp:'))) {
		return { test, result: 'csp-implemented-with-insecure-scheme-in-passive-content-only', modifier: -10 };
	}
	if ([...styleSrc].some((source) => DANGEROUSLY_BROAD.has(source) || UNSAFE_INLINE.has(source))) {
		return { test, result: 'csp-implemented-with-unsafe-inline-in-style-src-only', modifier: 0 };
	}
	const defaultSrc = csp.get('default-src');
	if (defaultSrc?.has("'none'") && defaultSrc.size === 1) return { test, result: 'csp-implemented-with-no-unsafe-default-src-none', modifier: 10 };
	return { test, result: 'csp-implemented-with-no-unsafe', modifier: 5 };
}

function referrerTest(value: string | undefined): ObservatoryResult {
	const test = 'referrer-policy';
	if (value === undefined) return { test, result: 'referrer-policy-not-implemented', modifier: 0 };
	const policy = value.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean).at(-1) ?? '';
	if (['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(policy)) return { test, result: 'referrer-policy-private', modifier: 5 };
	if (['origin', 'origin-when-cross-origin', 'unsafe-url', 'no-referrer-when-downgrade'].includes(policy)) return { test, result: 'referrer-policy-unsafe', modifier: -5 };
	return { test, result: 'referrer-policy-header-invalid', modifier: -5 };
}

function hstsTest(value: string | undefined): ObservatoryResult {
	const test = 'strict-transport-security';
	if (value === undefined) return { test, result: 'hsts-not-implemented', modifier: -20 };
	const maxAge = /max-age=(\d+)/i.exec(value)?.[1];
	if (maxAge === undefined) return { test, result: 'hsts-header-invalid', modifier: -20 };
	return Number(maxAge) >= 15_768_000
		? { test, result: 'hsts-implemented-max-age-at-least-six-months', modifier: 0 }
		: { test, result: 'hsts-implemented-max-age-less-than-six-months', modifier: -10 };
}

function contentTypeOptionsTest(value: string | undefined): ObservatoryResult {
	const test = 'x-content-type-options';
	if (value === undefined) return { test, result: 'x-content-type-options-not-implemented', modifier: -5 };
	return value.trim().toLowerCase() === 'nosniff'
		? { test, result: 'x-content-type-options-nosniff', modifier: 0 }
		: { test, result: 'x-content-type-options-header-invalid', modifier: -5 };
}

function frameOptionsTest(value: string | undefined, headerPolicies: readonly string[]): ObservatoryResult {
	const test = 'x-frame-options';
	const ancestors = parseCsp(headerPolicies).get('frame-ancestors');
	if (ancestors && ![...ancestors].some((source) => DANGEROUSLY_BROAD.has(source))) {
		return { test, result: 'x-frame-options-implemented-via-csp', modifier: 5 };
	}
	if (value === undefined) return { test, result: 'x-frame-options-not-implemented', modifier: -20 };
	const option = value.trim().toUpperCase();
	if (option === 'DENY' || option === 'SAMEORIGIN') return { test, result: 'x-frame-options-sameorigin-or-deny', modifier: 0 };
	if (option.startsWith('ALLOW-FROM')) return { test, result: 'x-frame-options-allow-from-origin', modifier: 0 };
	return { test, result: 'x-frame-options-header-invalid', modifier: -20 };
}

/** The Observatory's results, score and grade for one HTML response: its headers (lower-case names) and `<meta>` policies. */
export function observatoryScore(headers: ReadonlyMap<string, string[]>, metaPolicies: readonly string[], https = true) {
	const one = (name: string) => headers.get(name)?.join(', ');
	const headerPolicies = (headers.get('content-security-policy') ?? []).flatMap((value) => value.split(','));
	const results = [
		cspTest(headerPolicies, metaPolicies, https),
		referrerTest(one('referrer-policy')),
		hstsTest(one('strict-transport-security')),
		contentTypeOptionsTest(one('x-content-type-options')),
		frameOptionsTest(one('x-frame-options'), headerPolicies),
	];
	const penalties = results.reduce((sum, result) => sum + Math.min(0, result.modifier), 100);
	const bonuses = results.reduce((sum, result) => sum + Math.max(0, result.modifier), 0);
	const score = Math.max(0, penalties >= 90 ? penalties + bonuses : penalties);
	return { results, score, grade: grade(score) };
}

const GRADES: [number, string][] = [
	[100, 'A+'],
	[90, 'A'],
	[85, 'A-'],
	[80, 'B+'],
	[70, 'B'],
	[65, 'B-'],
	[60, 'C+'],
	[50, 'C'],
	[45, 'C-'],
	[40, 'D+'],
	[30, 'D'],
	[25, 'D-'],
];

function grade(score: number): string {
	return GRADES.find(([minimum]) => score >= minimum)?.[1] ?? 'F';
}
