import { describe, expect, it } from 'vitest';
import { blockedGatedScripts, readBuiltPage, scriptHash } from '../../integrations/newsroom/security/built-pages.ts';
import {
	everywhereHeaders,
	formatPolicy,
	pageDirectives,
	parsePolicy,
	policyHeaders,
	unitePolicies,
	type SecurityOptions,
} from '../../integrations/newsroom/security/response-headers.ts';

const settings: SecurityOptions = {
	embedHosts: ['www.youtube-nocookie.com'],
	frameAncestors: ["'none'"],
	scriptHosts: [],
	connectHosts: [],
	hsts: false,
};

describe('the security headers', () => {
	it('allow in the header what any page’s own policy allows: the union of their sources, directive by directive', () => {
		const united = unitePolicies([
			parsePolicy("default-src 'none'; script-src 'self' 'sha256-A='; style-src 'self'"),
			parsePolicy("default-src 'none'; script-src 'self' 'sha256-B='; img-src https:"),
		]);
		expect(formatPolicy(united)).toBe("default-src 'none'; script-src 'self' 'sha256-A=' 'sha256-B='; style-src 'self'; img-src https:");
	});

	it('add what only a header carries (frame-ancestors, reporting) to each part’s policy, with its opener policy', () => {
		const reporting = { ...settings, reportUri: 'https://reports.example/csp' };
		const readers = new Map(policyHeaders(parsePolicy("default-src 'none'"), reporting));
		expect(readers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'; report-uri https://reports.example/csp; report-to csp");
		expect(readers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
		const desk = new Map(policyHeaders(parsePolicy("default-src 'none'"), settings, 'same-origin-allow-popups'));
		expect(desk.get('Cross-Origin-Opener-Policy')).toBe('same-origin-allow-popups');
		expect([...readers.keys()]).toEqual(['Content-Security-Policy', 'Cross-Origin-Opener-Policy']);
	});

	it('send the same everywhere: nosniff, the referrer and permissions policies, X-Frame-Options matching frame-ancestors', () => {
		const headers = new Map(everywhereHeaders({ ...settings, reportUri: 'https://reports.example/csp' }));
		expect(headers.get('Reporting-Endpoints')).toBe('csp="https://reports.example/csp"');
		expect(headers.get('X-Frame-Options')).toBe('DENY');
		expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
		expect(headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
		expect(headers.get('Permissions-Policy')).toMatch(/^accelerometer=\(\), camera=\(\), .*geolocation=\(\), .*microphone=\(\)/);
		expect(headers.has('Strict-Transport-Security')).toBe(false);
		expect(headers.has('Content-Security-Policy')).toBe(false);
		const self = new Map(everywhereHeaders({ ...settings, frameAncestors: ["'self'"] }));
		expect(self.get('X-Frame-Options')).toBe('SAMEORIGIN');
		// X-Frame-Options cannot name other origins: left out, frame-ancestors says it.
		const partner = new Map(everywhereHeaders({ ...settings, frameAncestors: ["'self'", 'https://partner.example'] }));
		expect(partner.has('X-Frame-Options')).toBe(false);
	});

	it('send Strict-Transport-Security only when the site opts in, as configured', () => {
		const headers = new Map(everywhereHeaders({ ...settings, hsts: { maxAge: 31_536_000, includeSubDomains: true, preload: true } }));
		expect(headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains; preload');
	});

	it('start from nothing allowed, frames only from the embed hosts', () => {
		const directives = pageDirectives(settings);
		expect(directives[0]).toBe("default-src 'none'");
		expect(directives).toContain('frame-src https://www.youtube-nocookie.com');
		expect(directives).toContain("object-src 'none'");
		expect(directives).toContain("base-uri 'self'");
		expect(pageDirectives({ ...settings, embedHosts: [] })).toContain("frame-src 'none'");
	});
});

describe('consent-gated scripts in a built page', () => {
	const page = (policy: string, scripts: string) =>
		readBuiltPage(`<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${scripts}</body></html>`);
	const url = new URL('https://daily.example/articles/a/');

	it('are allowed when the policy lists their hash or host', () => {
		const code = "window.tag = '<b>';";
		const built = page(
			`script-src 'self' '${scriptHash(code)}' https://tags.example`,
			`<script type="text/plain" data-consent="analytics">${code}</script><script type="text/plain" data-consent="analytics" src="/t.js"></script><script type="text/plain" data-consent="marketing" src="https://tags.example/a.js"></script>`,
		);
		expect(built.gated).toHaveLength(3);
		expect(blockedGatedScripts(built, url)).toEqual([]);
	});

	it('are reported with their hash or origin when it does not', () => {
		const built = page(
			"script-src 'self'",
			'<script type="text/plain" data-consent="analytics">window.tag = 1;</script><script type="text/plain" data-consent="marketing" src="https://ads.example/a.js"></script><script>live()</script>',
		);
		expect(blockedGatedScripts(built, url)).toEqual([
			`a gated inline script (analytics, "window.tag = 1;") has the hash '${scriptHash('window.tag = 1;')}', which script-src does not list`,
			'the gated script "https://ads.example/a.js" (marketing) loads from https://ads.example, which script-src does not allow',
		]);
	});
});
