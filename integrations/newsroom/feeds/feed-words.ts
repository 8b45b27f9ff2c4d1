import type { SiteLabels } from '../core/labels.ts';
import { xmlText } from '../core/text.ts';

/** The feeds' human parts in the site's words: the stylesheet's page and the descriptions of its feeds. */

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for XML character data or an attribute value. */
function escapeXml(text: string): string {
	return xmlText(text).replace(/[&<>"]/g, (char) => escapes[char]!);
}

/**
 * The XSL stylesheet without its comments, each `{{key}}` replaced by the label of that key (escaped), plus what XSLT 1.0 cannot
 * work out itself: the byline around the names and how the locale joins them (from `Intl.ListFormat`).
 */
export function stylesheetWords(stylesheet: string, labels: SiteLabels): string {
	const [bylineBefore, bylineAfter] = labels.split('byline', 'authors');
	const literals = (items: string[]) =>
		labels.listParts(items).flatMap((part) => (part.type === 'literal' ? [part.value] : []));
	const [listPair = ', '] = literals(['a', 'b']);
	const [listMiddle = ', ', listLast = ', '] = literals(['a', 'b', 'c']);
	const words: Record<string, string> = { dir: labels.dir, bylineBefore, bylineAfter, listPair, listMiddle, listLast };
	// The comments are for whoever works on the file, not for readers of the site (in its language).
	return stylesheet.replace(/<!--[\s\S]*?-->\s*/g, '').replace(/\{\{(\w+)\}\}/g, (_marker, key: string) => {
		const value = words[key] ?? (labels as unknown as Record<string, unknown>)[key];
		if (typeof value !== 'string') throw new Error(`feed.xsl: {{${key}}} is not a label`);
		return escapeXml(value);
	});
}
