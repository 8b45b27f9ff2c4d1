/**
 * What every response says about security: the Content-Security-Policy (Astro writes it into each page as a
 * `<meta>`, with the hashes of the scripts and styles it emits; the CDN sends it again as a header, with what a meta
 * tag cannot carry) and the other security headers. Pure: the integration feeds it the options and the policies Astro
 * wrote into the pages.
 */

/** A policy as directives and their sources: `script-src` → `'self'`, `'sha256-…'`. */
export type Policy = Map<string, string[]>;

export interface SecurityOptions {
	/** Hosts whose iframes articles and `<ConsentEmbed>` may show (`frame-src`). */
	embedHosts: readonly string[];
	/** Who may frame the site's pages: `'none'`, `'self'` or origins. */
	frameAncestors: readonly string[];
	/** Origins beyond the site that scripts may be loaded from (gated tags' hosts). */
	scriptHosts: readonly string[];
	/** Origins beyond the site that pages may connect to (the consent log). */
	connectHosts: readonly string[];
	/** Where browsers report violations, if anywhere. */
	reportUri?: string | undefined;
	hsts: false | { maxAge: number; includeSubDomains: boolean; preload: boolean };
}

/**
 * The directives of the site's policy besides the hashes Astro adds: nothing is allowed by default, then exactly what
 * a newsroom page loads: its own scripts and styles (plus gated tags' hosts), images from anywhere over https (article
 * bodies link images on other sites; `data:` for small inline images), media over https, frames from the embed
 * hosts, no plugins, forms and `<base>` only to the site. For Astro's `security.csp.directives`.
 */
export function pageDirectives(options: SecurityOptions): string[] {
	return [
		"default-src 'none'",
		"img-src 'self' data: https:",
		"media-src 'self' https:",
		"font-src 'self'",
		`connect-src ${["'self'", ...options.connectHosts].join(' ')}`,
		`frame-src ${options.embedHosts.length > 0 ? options.embedHosts.map((host) => `https://${host}`).join(' ') : "'none'"}`,
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		'upgrade-insecure-requests',
	];
}

/** Parses a policy string ("default-src 'none'; img-src 'self'") into its directives. */
export function parsePolicy(text: string): Policy {
	const policy: Policy = new Map();
	for (const part of text.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
	}
	return policy;
}

/**
 * One policy allowing what each of `policies` allows: the union of each directive's sources (pages differ only in
 * their hashes). The header must allow everything the page's own `<meta>` policy allows, since a browser enforces
 * both; the `<meta>` keeps each page to its own hashes.
 */
export function unitePolicies(policies: Iterable<Policy>): Policy {
	const united: Policy = new Map();
	for (const policy of policies) {
		for (const [name, sources] of policy) {
			const known = united.get(name) ?? [];
			united.set(name, [...known, ...sources.filter((source) => !known.includes(source))]);
		}
	}
	return united;
}

export function formatPolicy(policy: Policy): string {
	return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

export type Header = [name: string, value: string];

/**
 * The security headers, as the CDN feature lays them out in `_headers`: the ones every response carries alike (one
 * rule for every path), and the ones that go with each top-level entry's rule, because a part of the site (the
 * editors' desk) has a policy of its own and a path must never get two (both hosts would send both, and a browser
 * enforces every policy it gets). Filled in after the build; read by the CDN feature.
 */
export interface ResponseHeaders {
	everywhere: Header[];
	/** The readers' pages' policy and opener policy, for every entry without its own. */
	pages: Header[];
	/** Top-level entries ("admin") with a policy of their own. */
	byEntry: Map<string, Header[]>;
}

/**
 * What every response carries alike: `X-Content-Type-Options`, `Referrer-Policy`, `Permissions-Policy` (powerful
 * features off), `X-Frame-Options` matching `frame-ancestors` (for browsers without CSP level 2), the reporting
 * endpoint, and `Strict-Transport-Security` when the site opts in.
 */
export function everywhereHeaders(options: SecurityOptions): Header[] {
	const headers: Header[] = [
		['X-Content-Type-Options', 'nosniff'],
		['Referrer-Policy', 'strict-origin-when-cross-origin'],
		['Permissions-Policy', PERMISSIONS_POLICY],
	];
	const frameOptions = xFrameOptions(options.frameAncestors);
	if (frameOptions) headers.push(['X-Frame-Options', frameOptions]);
	if (options.reportUri) headers.push(['Reporting-Endpoints', `csp="${options.reportUri}"`]);
	if (options.hsts) {
		const { maxAge, includeSubDomains, preload } = options.hsts;
		headers.push([
			'Strict-Transport-Security',
			[`max-age=${maxAge}`, ...(includeSubDomains ? ['includeSubDomains'] : []), ...(preload ? ['preload'] : [])].join('; '),
		]);
	}
	return headers;
}

/**
 * The headers of one part of the site: its Content-Security-Policy (the pages' own, united, with what only a header
 * can carry: `frame-ancestors` and reporting) and its `Cross-Origin-Opener-Policy` (`same-origin`, so a page opened
 * from another site cannot reach back; the editors' desk needs `same-origin-allow-popups` for its sign-in window).
 */
export function policyHeaders(pagePolicy: Policy, options: SecurityOptions, openerPolicy = 'same-origin'): Header[] {
	const policy = new Map(pagePolicy);
	policy.set('frame-ancestors', [...options.frameAncestors]);
	if (options.reportUri) {
		policy.set('report-uri', [options.reportUri]);
		policy.set('report-to', ['csp']);
	}
	return [
		['Content-Security-Policy', formatPolicy(policy)],
		['Cross-Origin-Opener-Policy', openerPolicy],
	];
}

/** Features a news page never uses, off for it and everything it embeds. Only names Chromium knows (no warnings). */
const PERMISSIONS_POLICY = [
	'accelerometer',
	'camera',
	'display-capture',
	'geolocation',
	'gyroscope',
	'hid',
	'magnetometer',
	'microphone',
	'midi',
	'payment',
	'serial',
	'usb',
	'browsing-topics',
]
	.map((feature) => `${feature}=()`)
	.join(', ');

/** `DENY` for `'none'`, `SAMEORIGIN` for `'self'`; nothing when other origins may frame (XFO cannot say so). */
function xFrameOptions(frameAncestors: readonly string[]): string | undefined {
	if (frameAncestors.length === 1 && frameAncestors[0] === "'none'") return 'DENY';
	if (frameAncestors.length === 1 && frameAncestors[0] === "'self'") return 'SAMEORIGIN';
	return undefined;
}
