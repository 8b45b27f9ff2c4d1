import { createHash } from 'node:crypto';
import { Parser } from 'htmlparser2';
import { parsePolicy, type Policy } from './response-headers.ts';

/**
 * What the security feature reads back from a built page: the policy Astro wrote into its `<meta>`, and the
 * consent-gated scripts the consent island will turn live in it (each must be allowed by that policy, or the
 * browser blocks it once the reader consents). Pure: HTML in, findings out.
 */

/** A `<script type="text/plain" data-consent>` as written in a page. */
export interface GatedScript {
	category: string;
	src?: string | undefined;
	code: string;
}

export interface BuiltPage {
	/** The page's `<meta http-equiv="content-security-policy">`, if it has one. */
	policy: Policy | undefined;
	gated: GatedScript[];
}

/** What the security step keeps of a page between builds (as JSON): its policy's text, its gated scripts. */
export interface PageSecurityFacts {
	policy: string | null;
	gated: GatedScript[];
}

/** Reads a built page with htmlparser2 (attributes and script text decoded as a browser does). */
export function readSecurityFacts(html: string): PageSecurityFacts {
	const page: PageSecurityFacts = { policy: null, gated: [] };
	let open: GatedScript | undefined;
	const parser = new Parser(
		{
			onopentag(name, attributes) {
				if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'content-security-policy' && page.policy === null) {
					page.policy = attributes['content'] ?? '';
				} else if (name === 'script' && attributes['data-consent'] !== undefined) {
					open = { category: attributes['data-consent'], src: attributes['src'], code: '' };
					page.gated.push(open);
				}
			},
			ontext(text) {
				if (open) open.code += text;
			},
			onclosetag(name) {
				if (name === 'script') open = undefined;
			},
		},
		{ decodeEntities: true },
	);
	parser.end(html);
	return page;
}

/** A built page's policy, parsed, and its gated scripts. */
export function readBuiltPage(html: string): BuiltPage {
	return builtPage(readSecurityFacts(html));
}

export function builtPage({ policy, gated }: PageSecurityFacts): BuiltPage {
	return { policy: policy === null ? undefined : parsePolicy(policy), gated };
}

/** The `sha256-…` hash of inline code, as the browser computes it (a policy source is it in single quotes). */
export function scriptHash(code: string): `sha256-${string}` {
	return `sha256-${createHash('sha256').update(code).digest('base64')}`;
}

/**
 * Why each gated script of `page` would be blocked by the page's own policy once activated: inline code whose hash
 * is not in `script-src`, a `src` on another origin that `script-src` does not name. `pageUrl` resolves `src`.
 */
export function blockedGatedScripts(page: BuiltPage, pageUrl: URL): string[] {
	const sources = page.policy?.get('script-src') ?? page.policy?.get('default-src');
	if (!sources) return [];
	const problems: string[] = [];
	for (const script of page.gated) {
		if (script.src !== undefined) {
			const url = new URL(script.src, pageUrl);
			const allowed =
				(url.origin === pageUrl.origin && sources.includes("'self'")) ||
				sources.some((source) => source === url.origin || source === `${url.origin}/` || source === `${url.protocol}`);
			if (!allowed) problems.push(`the gated script "${script.src}" (${script.category}) loads from ${url.origin}, which script-src does not allow`);
		} else if (script.code.trim() !== '' && !sources.includes(`'${scriptHash(script.code)}'`)) {
			problems.push(`a gated inline script (${script.category}, "${excerpt(script.code)}") has the hash '${scriptHash(script.code)}', which script-src does not list`);
		}
	}
	return problems;
}

function excerpt(code: string): string {
	const line = code.trim().replace(/\s+/g, ' ');
	return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
