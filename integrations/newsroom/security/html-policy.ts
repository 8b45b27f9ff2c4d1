import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { embedHost, type EmbedHost } from '../consent/embed.ts';

/**
 * The article HTML policy: what raw HTML in a Markdown body may keep. Bodies come from many hands (wire copy,
 * freelancers, embeds pasted from social networks, whole WordPress archives), so every body is treated as hostile:
 * raw HTML is parsed (hast-util-raw) and sanitized with hast-util-sanitize and the newsroom schema below, the
 * elements the Markdown itself produced keep their attributes, every URL is checked, and `<iframe>`s from the
 * allowed embed hosts become consent embeds. Every removal is reported, so editors learn why something vanished.
 */

/** An iframe the policy allows, as the consent embed needs it. */
export interface AllowedIframe {
	src: string;
	title: string;
	ratio: string;
	allow: string | undefined;
	host: EmbedHost;
}

/** What the policy needs besides the tree: the embed hosts, how an embed is built, where removals are reported. */
export interface PolicyOptions {
	embeds: readonly EmbedHost[];
	/** The consent embed markup for an allowed iframe (the same as `<ConsentEmbed>` renders). */
	embed: (iframe: AllowedIframe) => Element;
	/** Called once per removal: "removed <script> and its content", "removed onerror from <img>". */
	report: (message: string) => void;
}

/** What no body keeps: dropped with everything inside (the others not allowed are unwrapped, their text kept). */
const STRIPPED = ['script', 'style', 'svg', 'math', 'template', 'noscript', 'object', 'embed', 'applet', 'frameset', 'frame'];

/** Media attributes beside the source: sizes, posters and captions. */
const MEDIA = ['src', 'width', 'height', 'title'];

/**
 * The newsroom schema: GitHub's (hast-util-sanitize's default: text, links, lists, tables, quotes, code, details)
 * plus figures, `picture`/`source`, `video`/`audio` (always with controls) and `track`, and the image attributes
 * responsive images need. No `script`, `style`, event handlers, `style` attributes, forms, `base`, `meta`,
 * `object`/`embed` or SVG; ids and names are prefixed (`user-content-`) so no body can clobber the page's globals.
 * URLs: http(s), mail and phone links, relative URLs; `data:` only for images (checked after sanitizing).
 */
const WORDPRESS_CLASS = /^wp-[a-z0-9-]+$/;

export const articleSchema: Schema = {
	...defaultSchema,
	tagNames: [
		...defaultSchema.tagNames!,
		'figure',
		'figcaption',
		'video',
		'audio',
		'track',
		'u',
		'small',
		'cite',
		'abbr',
		'time',
		'mark',
		'aside',
		'caption',
		'col',
		'colgroup',
		// Kept through sanitizing only to be turned into a consent embed (allowed hosts) or removed, after it.
		'iframe',
	],
	attributes: {
		...defaultSchema.attributes,
		img: [...(defaultSchema.attributes!['img'] ?? []), 'srcSet', 'sizes', 'loading', 'decoding'],
		source: ['src', 'srcSet', 'sizes', 'media', 'type', 'width', 'height'],
		video: [...MEDIA, 'poster', 'controls', 'preload', 'muted', 'loop', 'playsInline'],
		audio: ['src', 'controls', 'preload', 'loop', 'muted'],
		track: ['src', 'kind', 'srcLang', 'label', 'default'],
		time: ['dateTime'],
		iframe: ['src', 'title', 'width', 'height', 'allow'],
		// WordPress's block classes (`wp-block-gallery`, the importer's `wp-html`): styling hooks a site may use.
		div: [...(defaultSchema.attributes!['div'] ?? []), ['className', WORDPRESS_CLASS]],
		figure: [['className', WORDPRESS_CLASS]],
		ol: [...(defaultSchema.attributes!['ol'] ?? []), 'reversed', 'type'],
		'*': [...(defaultSchema.attributes!['*'] ?? []).filter((name) => !['action', 'method', 'encType', 'acceptCharset'].includes(String(name))), 'dataNewsroomKeep'],
	},
	protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'], src: ['http', 'https', 'data'], poster: ['http', 'https'] },
	strip: STRIPPED,
};

const allowedTags = new Set(articleSchema.tagNames);

/** The attribute (hast property) names the schema allows on `tagName`. */
function allowedProperties(tagName: string): Set<string> {
	const entries = [...(articleSchema.attributes![tagName] ?? []), ...(articleSchema.attributes!['*'] ?? [])];
	return new Set(entries.map((entry) => (Array.isArray(entry) ? String(entry[0]) : String(entry))));
}

const URL_PROPERTIES = ['href', 'src', 'cite', 'poster', 'longDesc'] as const;

/** Why a URL may not stay on `tagName`, or `undefined` when it may: only web, mail and phone links; data: images. */
export function unsafeUrl(tagName: string, property: string, value: string): string | undefined {
	const url = value.trim().replace(/[\u0000-\u001F\u007F\s]+/g, '');
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
	if (scheme === undefined) return undefined; // relative
	if (scheme === 'data') return tagName === 'img' && property === 'src' && /^data:image\/(png|jpe?g|gif|webp|avif);/i.test(url) ? undefined : 'a data: URL';
	const allowed = property === 'href' ? ['http', 'https', 'mailto', 'tel'] : ['http', 'https'];
	return allowed.includes(scheme) ? undefined : `a ${scheme}: URL`;
}

/**
 * Applies the policy to a Markdown body's hast tree and returns the safe tree. The elements the Markdown produced
 * (and Astro's plugins before this one, such as code highlighting) keep their attributes, except unsafe URLs; raw
 * HTML keeps what the schema allows; allowed iframes become consent embeds.
 */
export function applyHtmlPolicy(tree: Root, options: PolicyOptions): Root {
	const nonce = Math.random().toString(36).slice(2);
	const trusted = new Map<string, Properties>();
	let count = 0;
	walkElements(tree, (element) => {
		const key = `${nonce}:${count++}`;
		trusted.set(key, { ...element.properties });
		element.properties = { ...element.properties, dataNewsroomKeep: key };
	});
	const parsed = raw(tree) as Root;
	reportRemovals(parsed, trusted, options);
	const clean = sanitize(parsed, articleSchema) as Root;
	walkElements(clean, (element) => {
		const key = String(element.properties['dataNewsroomKeep'] ?? '');
		const original = trusted.get(key);
		if (original) element.properties = safeUrls(element.tagName, original);
		else delete element.properties['dataNewsroomKeep'];
		// A class list the schema emptied (no `wp-` class in it) would print as class="".
		if (Array.isArray(element.properties['className']) && element.properties['className'].length === 0) delete element.properties['className'];
	});
	convertIframes(clean, options);
	return clean;
}

/** A trusted element's properties without its unsafe URLs (the rest stays as the Markdown wrote it). */
function safeUrls(tagName: string, properties: Properties): Properties {
	const result: Properties = { ...properties };
	for (const name of URL_PROPERTIES) {
		const value = result[name];
		if (typeof value === 'string' && unsafeUrl(tagName, name, value)) delete result[name];
	}
	return result;
}

/** Form controls a body has no use for: the schema allows `input` only for Markdown's task lists. */
export const FORM_CONTROLS = new Set(['input', 'button', 'select', 'textarea', 'option']);

/**
 * Reports what sanitizing will remove (elements, attributes, URLs, iframes from other hosts) and removes what the
 * schema alone would keep (form controls written as raw HTML, unsafe URLs on allowed attributes), before
 * hast-util-sanitize does the rest.
 */
function reportRemovals(tree: Root, trusted: ReadonlyMap<string, Properties>, options: PolicyOptions): void {
	const visit = (parent: Root | Element) => {
		parent.children = parent.children.flatMap((child): (RootContent | ElementContent)[] => {
			if (child.type !== 'element') return [child];
			const fromMarkdown = trusted.has(String(child.properties['dataNewsroomKeep'] ?? ''));
			if (!fromMarkdown && (!allowedTags.has(child.tagName) || FORM_CONTROLS.has(child.tagName))) {
				const stripped = STRIPPED.includes(child.tagName);
				options.report(`removed <${child.tagName}>${stripped ? ' and its content' : ''}`);
				if (stripped || FORM_CONTROLS.has(child.tagName)) return [];
			} else if (!fromMarkdown) {
				reportProperties(child, options);
				if (child.tagName === 'iframe') reportIframe(child.properties, options);
			} else {
				for (const name of URL_PROPERTIES) {
					const value = child.properties[name];
					const why = typeof value === 'string' ? unsafeUrl(child.tagName, name, value) : undefined;
					if (why) options.report(`removed ${attributeName(name)} (${why}) from <${child.tagName}>`);
				}
			}
			visit(child);
			return [child];
		}) as typeof parent.children;
	};
	visit(tree);
}

function reportProperties(element: Element, options: PolicyOptions): void {
	const allowed = allowedProperties(element.tagName);
	for (const [name, value] of Object.entries(element.properties)) {
		if (value === undefined || value === null || name === 'dataNewsroomKeep') continue;
		if (!allowed.has(name)) {
			options.report(`removed ${attributeName(name)} from <${element.tagName}>`);
			continue;
		}
		const why = (URL_PROPERTIES as readonly string[]).includes(name) && typeof value === 'string' ? unsafeUrl(element.tagName, name, value) : undefined;
		if (why) {
			options.report(`removed ${attributeName(name)} (${why}) from <${element.tagName}>`);
			delete element.properties[name];
		}
	}
	// Media plays only with its controls shown.
	if (element.tagName === 'video' || element.tagName === 'audio') element.properties['controls'] = true;
}

/** Says why an iframe will be removed, or that it has no title of its own. */
export function reportIframe(properties: Properties, options: PolicyOptions): void {
	const src = String(properties['src'] ?? '');
	const host = embedHost(src, options.embeds);
	if (!host) {
		const allowed = options.embeds.map((embed) => embed.host).join(', ') || 'none';
		options.report(
			src ? `removed <iframe src="${src}"> (not from an allowed embed host: ${allowed})` : `removed <iframe> without a src (allowed embed hosts: ${allowed})`,
		);
	} else if (!String(properties['title'] ?? '').trim()) {
		options.report(`<iframe src="${src}"> has no title: it is read out as "${host.provider} content"; add a title="…" that says what it shows`);
	}
}

/** After sanitizing: an iframe from an allowed embed host becomes a consent embed; any other is removed. */
function convertIframes(node: Root | Element, options: PolicyOptions): void {
	node.children = node.children.flatMap((child): (RootContent | ElementContent)[] => {
		if (child.type !== 'element') return [child];
		if (child.tagName !== 'iframe') {
			convertIframes(child, options);
			return [child];
		}
		const embed = iframeEmbed(child.properties, options);
		return embed ? [embed] : [];
	}) as typeof node.children;
}

/** The consent embed for an iframe's attributes, if its address is on an allowed embed host. */
export function iframeEmbed(properties: Properties, options: Pick<PolicyOptions, 'embeds' | 'embed'>): Element | undefined {
	const src = String(properties['src'] ?? '');
	const host = embedHost(src, options.embeds);
	if (!host) return undefined;
	const allow = properties['allow'];
	return options.embed({
		src: new URL(src).href,
		title: String(properties['title'] ?? '').trim() || `${host.provider} content`,
		ratio: nearestRatio(Number(properties['width']), Number(properties['height'])),
		allow: typeof allow === 'string' ? allow : undefined,
		host,
	});
}

const RATIOS = [
	['16:9', 16 / 9],
	['4:3', 4 / 3],
	['3:2', 3 / 2],
	['1:1', 1],
	['9:16', 9 / 16],
] as const;

/** The consent embed ratio nearest an iframe's width and height (16:9 without them). */
export function nearestRatio(width: number, height: number): string {
	if (!(width > 0 && height > 0)) return '16:9';
	const ratio = width / height;
	return RATIOS.reduce((best, candidate) => (Math.abs(candidate[1] - ratio) < Math.abs(best[1] - ratio) ? candidate : best))[0];
}

/** "srcSet" → "srcset", "onClick" → "onclick", "dataFoo" → "data-foo": an attribute as editors wrote it. */
function attributeName(property: string): string {
	if (property.startsWith('data') && /[A-Z]/.test(property[4] ?? '')) {
		return `data-${property.slice(4).replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`).replace(/^-/, '')}`;
	}
	return property === 'className' ? 'class' : property === 'htmlFor' ? 'for' : property.toLowerCase();
}

function walkElements(node: Root | Element, visit: (element: Element) => void): void {
	for (const child of node.children) {
		if (child.type !== 'element') continue;
		visit(child);
		walkElements(child, visit);
	}
}
