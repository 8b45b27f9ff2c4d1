import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { applyHtmlPolicy, articleSchema, FORM_CONTROLS, iframeEmbed, type PolicyOptions, reportIframe, unsafeUrl } from './html-policy.ts';

/**
 * The article HTML policy as a plugin of Sätteri, Astro's Markdown and MDX processor. A Markdown body with raw HTML
 * goes through `applyHtmlPolicy` whole (raw HTML can open in one block and close in another); a body without raw
 * HTML only has its links and images checked (Markdown can write `[x](javascript:…)` too), so most articles cost
 * almost nothing. In MDX, raw HTML is JSX: each lowercase (HTML) element is held to the same schema; capitalised
 * components are the site's code and stay (MDX is code: see docs/features.md). Every removal is reported with the
 * file it was in.
 */

interface PluginContext {
	readonly fileURL: URL | undefined;
	readonly data: Record<string, unknown>;
	readonly sourceFormat: 'markdown' | 'mdx';
	replaceNode(node: unknown, replacement: unknown): void;
	removeNode(node: unknown): void;
	setProperty(node: unknown, key: string, value: unknown): void;
}

interface JsxAttribute {
	type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
	name?: string;
	value?: string | { type: string; value: string } | null;
}

interface JsxElement {
	type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
	name: string | null;
	attributes: JsxAttribute[];
	children: unknown[];
}

/** How to report a removal: the project-relative file and what was removed. */
export type Reporter = (file: string, message: string) => void;

const RAW_SEEN = 'newsroomRawHtml';

export function htmlPolicyPlugin(policy: Omit<PolicyOptions, 'report'>, root: URL, report: Reporter) {
	const fileOf = (ctx: PluginContext) => (ctx.fileURL ? relative(fileURLToPath(root), fileURLToPath(ctx.fileURL)) : 'an article');
	return {
		name: 'newsroom-article-html-policy',
		raw(_node: unknown, ctx: PluginContext) {
			ctx.data[RAW_SEEN] = true;
		},
		element: {
			filter: ['a', 'img'],
			visit(node: Element, ctx: PluginContext) {
				const properties = { ...node.properties };
				for (const name of ['href', 'src'] as const) {
					const value = properties[name];
					const why = typeof value === 'string' ? unsafeUrl(node.tagName, name, value) : undefined;
					if (!why) continue;
					report(fileOf(ctx), `removed ${name} (${why}) from <${node.tagName}>`);
					delete properties[name];
				}
				const sponsored = node.tagName === 'a' && isSponsored(ctx) && isOutbound(properties['href']);
				if (sponsored) properties['rel'] = withSponsored(properties['rel']);
				// A replacement without the attribute: setting it to nothing would still print `href=""`.
				if (sponsored || Object.keys(properties).length !== Object.keys(node.properties).length) {
					ctx.replaceNode(node, { ...node, properties });
				}
			},
		},
		after(tree: Root, ctx: PluginContext) {
			const file = fileOf(ctx);
			if (ctx.sourceFormat === 'mdx') {
				sanitizeJsx(tree, ctx, { ...policy, report: (message) => report(file, message) }, isSponsored(ctx));
				return;
			}
			if (!ctx.data[RAW_SEEN]) return;
			// A plain copy: the tree Sätteri hands over is read-only and materialized lazily.
			const copy = JSON.parse(JSON.stringify(tree)) as Root;
			const clean = applyHtmlPolicy(copy, { ...policy, report: (message) => report(file, message) });
			// Links written as raw HTML were not elements when `element` ran: they are now.
			if (isSponsored(ctx)) markSponsoredLinks(clean);
			ctx.replaceNode(tree, clean);
		},
	};
}

/** Sponsored content (`kind: sponsored`): its links out are paid links, `rel="sponsored"` (Google's rule). */
function isSponsored(ctx: PluginContext): boolean {
	const astro = ctx.data['astro'] as { frontmatter?: { kind?: unknown } } | undefined;
	return astro?.frontmatter?.kind === 'sponsored';
}

/** Adds `rel="sponsored"` to every link out of a (mutable, sanitized) tree. */
function markSponsoredLinks(node: Root | Element): void {
	for (const child of node.children) {
		if (child.type !== 'element') continue;
		if (child.tagName === 'a' && isOutbound(child.properties['href'])) {
			child.properties['rel'] = withSponsored(child.properties['rel']);
		}
		markSponsoredLinks(child);
	}
}

function isOutbound(href: unknown): boolean {
	return typeof href === 'string' && /^(https?:)?\/\//i.test(href);
}

/** A link's `rel` tokens (hast's list or a JSX string) with `sponsored` added once, the others kept. */
function withSponsored(rel: unknown): string[] {
	const tokens = Array.isArray(rel) ? rel.map(String) : typeof rel === 'string' ? rel.split(/\s+/).filter(Boolean) : [];
	return [...new Set([...tokens, 'sponsored'])];
}

const ALLOWED_TAGS = new Set(articleSchema.tagNames);
const DANGEROUS_ATTRIBUTE = /^(on|style$|formaction$|srcdoc$|action$)/i;

/**
 * MDX: each lowercase JSX element not in the schema is removed; event handlers, styles and unsafe URLs go; an
 * iframe from an allowed embed host becomes a consent embed, as in Markdown; in sponsored content, an `<a>` out
 * gets `rel="sponsored"` as a Markdown link does.
 */
function sanitizeJsx(tree: Root, ctx: PluginContext, policy: PolicyOptions, sponsored: boolean): void {
	const { report } = policy;
	const walk = (node: { children?: unknown[] }) => {
		for (const child of (node.children ?? []) as (JsxElement | { type: string; children?: unknown[] })[]) {
			if (!isIntrinsic(child)) {
				walk(child as { children?: unknown[] });
				continue;
			}
			const name = child.name!;
			if (name === 'iframe') {
				const properties = literalAttributes(child);
				reportIframe(properties, policy);
				const embed = iframeEmbed(properties, policy);
				if (embed) ctx.replaceNode(child, embed);
				else ctx.removeNode(child);
				continue;
			}
			if (!ALLOWED_TAGS.has(name) || FORM_CONTROLS.has(name)) {
				report(`removed <${name}>${['script', 'style', 'object', 'embed', 'svg'].includes(name) ? ' and its content' : ''}`);
				ctx.removeNode(child);
				continue;
			}
			const kept = child.attributes.filter((attribute) => {
				if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) return true;
				if (DANGEROUS_ATTRIBUTE.test(attribute.name)) {
					report(`removed ${attribute.name} from <${name}>`);
					return false;
				}
				if (['href', 'src', 'poster', 'cite'].includes(attribute.name)) {
					if (typeof attribute.value !== 'string') {
						report(`removed ${attribute.name} from <${name}> (a URL written as an expression cannot be checked)`);
						return false;
					}
					const why = unsafeUrl(name, attribute.name, attribute.value);
					if (why) {
						report(`removed ${attribute.name} (${why}) from <${name}>`);
						return false;
					}
				}
				return true;
			});
			const href = kept.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'href')?.value;
			if (sponsored && name === 'a' && isOutbound(href)) {
				const rel = kept.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'rel');
				const value = withSponsored(rel?.value).join(' ');
				ctx.replaceNode(child, { ...child, attributes: [...kept.filter((attribute) => attribute !== rel), { type: 'mdxJsxAttribute', name: 'rel', value }] });
			} else if (kept.length !== child.attributes.length) ctx.replaceNode(child, { ...child, attributes: kept });
			walk(child);
		}
	};
	walk(tree);
}

/** A JSX element's attributes written as plain strings (`src="…"`), as hast properties. */
function literalAttributes(element: JsxElement): Record<string, string> {
	return Object.fromEntries(
		element.attributes.flatMap((attribute) =>
			attribute.type === 'mdxJsxAttribute' && attribute.name && typeof attribute.value === 'string' ? [[attribute.name, attribute.value]] : [],
		),
	);
}

function isIntrinsic(node: { type: string }): node is JsxElement {
	if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return false;
	const name = (node as JsxElement).name;
	return !!name && /^[a-z]/.test(name) && !name.includes('.');
}
