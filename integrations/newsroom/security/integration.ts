import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { Element } from 'hast';
import { embedElement } from '../consent/embed.ts';
import { builtFiles } from '../core/wiring.ts';
import type { NewsroomOptions } from '../options.ts';
import type { PageFacts } from '../incremental/page-facts.ts';
import { blockedGatedScripts, builtPage, readSecurityFacts, scriptHash, type BuiltPage } from './built-pages.ts';
import { htmlPolicyPlugin } from './markdown-plugin.ts';
import {
	everywhereHeaders,
	formatPolicy,
	pageDirectives,
	policyHeaders,
	unitePolicies,
	type Policy,
	type ResponseHeaders,
	type SecurityOptions,
} from './response-headers.ts';

/**
 * Safe by default. Article bodies are held to the article HTML policy at build time (raw HTML sanitized, unsafe URLs
 * removed, iframes from the embed hosts turned into consent embeds, every removal a warning naming the file) unless
 * `security.bodyHtml` is `'trusted'`. Every page gets Astro's Content-Security-Policy (`security.csp`: hashes of the
 * scripts and styles Astro emits, and newsroom's directives). After the build, the security headers every response
 * should carry, the policy among them, are handed to the CDN feature for `_headers` (`responseHeaders`); a part
 * of the site with a policy of its own (`separate`: the editors' desk) gets its own.
 */
export function securityIntegration(
	options: NewsroomOptions,
	responseHeaders: ResponseHeaders,
	/**
	 * Parts of the site with a policy of their own (the editors' desk, the search page), by path, and the opener
	 * policy they need; a part without pages of its own (the search index, whose web worker runs WebAssembly) takes
	 * the policy of the part at `policyOf`.
	 */
	separate: readonly { path: string; openerPolicy: string; policyOf?: string }[],
	/** Where built pages are read: once per build, and not at all when Astro reused them unchanged. */
	pageFacts: PageFacts,
): AstroIntegration {
	const { security, consent } = options;
	const securityFacts = pageFacts.reader('security', new URL('./built-pages.ts', import.meta.url).href, readSecurityFacts);
	const entryOf = (path: string) => path.split('/').filter(Boolean)[0]!;
	const ownPolicies = separate.map(({ path, openerPolicy, policyOf }) => ({ entry: entryOf(path), openerPolicy, from: entryOf(policyOf ?? path) }));
	let settings: SecurityOptions;
	let site: URL;
	return {
		name: '@newsroom/astro/security',
		hooks: {
			'astro:config:setup': ({ config, updateConfig, logger }) => {
				const site = config.site ? new URL(config.site) : undefined;
				const log = consent.logEndpoint && /^https:/.test(consent.logEndpoint) ? [new URL(consent.logEndpoint).origin] : [];
				settings = {
					embedHosts: security.embeds.map((embed) => embed.host),
					frameAncestors: security.frameAncestors,
					// Gated tags' hosts, and any the site names.
					scriptHosts: [
						...new Set([
							...security.scriptHosts,
							...consent.scripts.flatMap(({ src }) => (src?.startsWith('https://') && new URL(src).origin !== site?.origin ? [new URL(src).origin] : [])),
						]),
					],
					connectHosts: log.filter((origin) => origin !== site?.origin),
					reportUri: security.reportUri,
					hsts: security.hsts,
				};
				if (security.bodyHtml === 'sanitize') {
					const processor = config.markdown.processor;
					if (processor.name !== 'satteri') {
						throw new AstroError(
							`newsroom's article HTML policy runs in Astro's Sätteri Markdown processor, but this site uses "${processor.name}".`,
							"Remove `markdown.processor` from astro.config.mjs, or set `security: { bodyHtml: 'trusted' }` if every author is trusted (docs/features.md, Security).",
						);
					}
					const policy = {
						embeds: security.embeds,
						embed: ({ src, title, ratio, allow, host }: { src: string; title: string; ratio: string; allow: string | undefined; host: { provider: string; category: string } }): Element =>
							embedElement({ src, title, ratio, allow, provider: host.provider, category: host.category }, consent),
					};
					const report = (file: string, message: string) => logger.warn(`${file}: ${message}`);
					(processor.options as { hastPlugins: unknown[] }).hastPlugins.push(htmlPolicyPlugin(policy, config.root, report));
				}
				// The site's own `security.csp` (an object) keeps its settings; newsroom adds its directives.
				type Csp = Exclude<NonNullable<NonNullable<typeof config.security>['csp']>, boolean>;
				const own: Partial<Csp> = typeof config.security?.csp === 'object' ? config.security.csp : {};
				const csp = {
					algorithm: 'SHA-256',
					...own,
					directives: [...(own.directives ?? []), ...pageDirectives(settings)],
					scriptDirective: {
						...own.scriptDirective,
						resources: [...new Set(["'self'", ...(own.scriptDirective?.resources ?? []), ...settings.scriptHosts])],
						// The consent-gated tags the island turns live: inline code by its hash.
						hashes: [
							...(own.scriptDirective?.hashes ?? []),
							...consent.scripts.flatMap(({ code }) => (code ? [scriptHash(code)] : [])),
						],
					},
				} as Csp;
				// Shiki colours code blocks with style attributes, which a policy without this blocks (Astro's advice):
				// bodies cannot bring their own, the article HTML policy removes every style attribute they write.
				if (highlighter(config.markdown) === 'shiki' && !own.styleDirective?.resources) {
					csp.styleDirective = { ...own.styleDirective, resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }] };
				}
				updateConfig({ security: { csp } });
			},
			'astro:config:done': ({ config }) => {
				site = new URL(config.site ?? 'http://localhost/');
			},
			'astro:build:done': async ({ dir, assets, logger }) => {
				const files = builtFiles(assets, { html: true });
				await pageFacts.prefetch(files);
				// Every page's own policy, from the `<meta>` Astro wrote, by the part of the site it belongs to: a part's
				// header allows what any of its pages allows. Most pages share theirs: each distinct one is kept once.
				const policies = new Map<string, Map<string, Policy>>();
				const blocked: string[] = [];
				// Equal facts are one object (page-facts.ts): each distinct policy is parsed once.
				const parsed = new Map<object, BuiltPage>();
				for (const file of files) {
					const facts = await securityFacts(file);
					const page = parsed.get(facts) ?? builtPage(facts);
					parsed.set(facts, page);
					if (!page.policy) continue;
					const path = fileURLToPath(file).slice(fileURLToPath(dir).length - 1);
					const entry = path.split('/')[1]!;
					const part = ownPolicies.some((own) => own.entry === entry) ? entry : READERS;
					const distinct = policies.get(part) ?? new Map<string, Policy>();
					distinct.set(formatPolicy(page.policy), page.policy);
					policies.set(part, distinct);
					const url = new URL(path.replace(/index\.html$/, '').replace(/^\//, ''), site);
					blocked.push(...blockedGatedScripts(page, url).map((problem) => `${path}: ${problem}`));
				}
				if (blocked.length > 0) {
					throw new AstroError(
						`Consent-gated scripts the Content-Security-Policy would block once the reader consents:\n${blocked.join('\n')}`,
						"Declare scripts every page runs in `consent.scripts` (newsroom adds their hashes and hosts); for a script on one page, call `Astro.csp.insertScriptHash('sha256-…')` in that page's frontmatter, and name other hosts in `security.scriptHosts` (docs/features.md, Security).",
					);
				}
				responseHeaders.everywhere = everywhereHeaders(settings);
				const united = (part: string) => unitePolicies(policies.get(part)?.values() ?? []);
				responseHeaders.pages = policyHeaders(united(READERS), settings);
				responseHeaders.byEntry = new Map(
					ownPolicies.map(({ entry, openerPolicy, from }) => [entry, policyHeaders(united(from), settings, openerPolicy)]),
				);
				for (const [name, value] of [...responseHeaders.pages, ...[...responseHeaders.byEntry.values()].flat()]) {
					if (name.length + value.length + 4 > HEADER_LINE_LIMIT) {
						logger.warn(
							`the ${name} header is ${name.length + value.length + 4} characters: Cloudflare Pages ignores _headers lines over ${HEADER_LINE_LIMIT} (CloudFront's limit for a policy is 1783). Fewer distinct inline scripts and styles across page types shorten it (docs/features.md, Security).`,
						);
					}
				}
			},
		},
	};
}

/** The policies of the readers' pages, every part of the site without a policy of its own. */
const READERS = '';

/** The syntax highlighter of Markdown code blocks: the processor's own setting, else the site's. */
function highlighter(markdown: { syntaxHighlight?: unknown; processor: { options: object } }): string | undefined {
	const setting = (markdown.processor.options as { syntaxHighlight?: unknown }).syntaxHighlight ?? markdown.syntaxHighlight;
	if (typeof setting === 'string') return setting;
	return setting && typeof setting === 'object' ? String((setting as { type?: string }).type ?? 'shiki') : undefined;
}

/** The longest `_headers` line Cloudflare Pages applies. */
const HEADER_LINE_LIMIT = 2000;
