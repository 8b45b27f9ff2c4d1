/**
 * WordPress's classic shortcodes (`[caption]`, `[gallery]`, `[embed]`, `[audio]`, `[video]`), turned into the HTML
 * WordPress would have rendered for them, before the body is parsed as HTML: a shortcode is text in the post's
 * own grammar (its brackets may enclose HTML), so it is read here, as WordPress reads it, with its rules for
 * attributes, enclosing pairs and `[[escaped]]` brackets. Any other shortcode stays as it was written and is counted.
 */

export interface ShortcodeAttachment {
	url: string;
	alt: string;
	caption: string;
}

export interface ShortcodeContext {
	/** An attachment of the export by id. */
	attachment: (id: number) => ShortcodeAttachment | undefined;
	/** The images attached to this post, in menu order (a `[gallery]` without ids shows them). */
	children: () => number[];
	/** Counts a shortcode left as written. */
	unknown: (name: string) => void;
}

const KNOWN = new Set(['caption', 'wp_caption', 'gallery', 'embed', 'audio', 'video']);

// `[name attrs]`, `[name attrs /]`, `[/name]`, and `[[…]]` escapes; names as WordPress allows them.
const TAG = /\[(\[?)(\/?)([a-zA-Z][\w-]*)((?:\s[^\]]*?)?|=[^\]]*?)(\/?)\](\]?)/g;

/** An HTML-escaped attribute or text value. */
export function escapeHtml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** WordPress's shortcode attribute syntax: `key="v"`, `key='v'`, `key=v`, and bare positional values. */
export function shortcodeAttributes(text: string): Record<string, string> {
	const attributes: Record<string, string> = {};
	const pattern =
		/([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|'([^']*)'|(\S+)/g;
	let position = 0;
	for (const match of text.matchAll(pattern)) {
		const [, k1, v1, k2, v2, k3, v3, p1, p2, p3] = match;
		const key = k1 ?? k2 ?? k3;
		if (key) attributes[key.toLowerCase()] = decodeEntities(v1 ?? v2 ?? v3 ?? '');
		else attributes[String(position++)] = decodeEntities(p1 ?? p2 ?? p3 ?? '');
	}
	return attributes;
}

function decodeEntities(value: string): string {
	return value
		.replace(/&quot;|&#0*34;/g, '"')
		.replace(/&#0*39;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

interface Token {
	start: number;
	end: number;
	name: string;
	closing: boolean;
	selfClosing: boolean;
	escaped: boolean;
	attributes: string;
}

/** Replaces the known shortcodes of `html` with their HTML; unknown ones are kept and reported to `context.unknown`. */
export function expandShortcodes(html: string, context: ShortcodeContext): string {
	if (!html.includes('[')) return html;
	const tokens: Token[] = [...html.matchAll(TAG)].map((match) => ({
		start: match.index,
		end: match.index + match[0].length,
		name: match[3]!.toLowerCase(),
		closing: match[2] === '/',
		selfClosing: match[5] === '/',
		escaped: match[1] === '[' && match[6] === ']',
		attributes: match[4] ?? '',
	}));
	let out = '';
	let cursor = 0;
	for (let index = 0; index < tokens.length; index++) {
		const token = tokens[index]!;
		if (token.start < cursor) continue;
		if (token.escaped) {
			// [[caption]] is how a writer shows a shortcode literally: one pair of brackets is dropped.
			out += html.slice(cursor, token.start) + html.slice(token.start + 1, token.end - 1);
			cursor = token.end;
			continue;
		}
		if (token.closing) continue;
		// An enclosing shortcode ends at its own closing tag; otherwise it stands alone.
		const closeIndex = token.selfClosing
			? -1
			: tokens.findIndex((other, at) => at > index && other.closing && other.name === token.name && !other.escaped);
		const close = closeIndex === -1 ? undefined : tokens[closeIndex];
		const content = close ? html.slice(token.end, close.start) : '';
		const end = close ? close.end : token.end;
		const looksLikeShortcode =
			KNOWN.has(token.name) || close !== undefined || /[=]/.test(token.attributes) || token.selfClosing;
		if (!looksLikeShortcode) continue;
		out += html.slice(cursor, token.start);
		if (KNOWN.has(token.name)) {
			out += render(token.name, shortcodeAttributes(token.attributes.replace(/^=/, ' ')), content, context);
		} else {
			context.unknown(`[${token.name}]`);
			out += html.slice(token.start, end);
		}
		cursor = end;
	}
	return out + html.slice(cursor);
}

function render(name: string, attributes: Record<string, string>, content: string, context: ShortcodeContext): string {
	switch (name) {
		case 'caption':
		case 'wp_caption': {
			// The caption is the `caption` attribute, or the text after the image inside the shortcode.
			const caption = attributes['caption'] ? `<figcaption>${escapeHtml(attributes['caption'])}</figcaption>` : '';
			return `\n\n<figure class="wp-caption">${expandShortcodes(content, context)}${caption}</figure>\n\n`;
		}
		case 'gallery': {
			const listed = (attributes['ids'] ?? attributes['include'] ?? '')
				.split(',')
				.map((id) => Number.parseInt(id.trim(), 10))
				.filter((id) => Number.isFinite(id));
			const excluded = new Set((attributes['exclude'] ?? '').split(',').map((id) => Number.parseInt(id.trim(), 10)));
			const ids = (listed.length > 0 ? listed : context.children()).filter((id) => !excluded.has(id));
			const figures = ids.flatMap((id) => {
				const image = context.attachment(id);
				if (!image) return [];
				const caption = image.caption ? `<figcaption>${escapeHtml(image.caption)}</figcaption>` : '';
				return [`<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}">${caption}</figure>`];
			});
			return `\n\n<figure class="wp-block-gallery">${figures.join('')}</figure>\n\n`;
		}
		case 'embed': {
			const url = (content || attributes['src'] || attributes['0'] || '').trim();
			return url ? `\n\n<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>\n\n` : '';
		}
		case 'audio':
		case 'video': {
			const url =
				attributes['src'] ??
				['mp3', 'm4a', 'ogg', 'wav', 'mp4', 'm4v', 'webm', 'ogv', 'wmv', 'flv']
					.map((type) => attributes[type])
					.find(Boolean) ??
				content.trim();
			return url ? `\n\n${mediaHtml(name, url)}\n\n` : '';
		}
	}
	return content;
}

/** A player with a link for browsers that cannot play it: the HTML WordPress's `[audio]` and `[video]` stand for. */
export function mediaHtml(kind: 'audio' | 'video', url: string): string {
	const href = escapeHtml(url);
	const name = escapeHtml(decodeURIComponentSafe(url.split(/[?#]/)[0]!.split('/').pop() || url));
	return `<figure class="wp-${kind}"><${kind} controls preload="metadata" src="${href}"><a href="${href}">${name}</a></${kind}></figure>`;
}

function decodeURIComponentSafe(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}
