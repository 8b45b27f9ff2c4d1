/**
 * Text that goes into a machine format: one rule for each. XML (feeds, sitemaps) cannot carry some characters at
 * all; JSON inside an HTML `<script>` must not be able to close the element.
 */

/**
 * Characters XML 1.0 does not allow anywhere in a document: C0 controls other than tab, LF and CR, lone UTF-16
 * surrogates, U+FFFE and U+FFFF. No escaping can carry them (`&#1;` is just as forbidden), so they are dropped.
 */
const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML 1.0 forbids, so any title, name or body can go into a feed or sitemap. */
export function xmlText(text: string): string {
	return text.replace(FORBIDDEN_IN_XML, '');
}

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&` become `\u003c`-style escapes so no
 * string can close the element or open a comment, and U+2028/U+2029 are escaped for older JavaScript parsers.
 * The result is still plain JSON: `JSON.parse` gives back the same value.
 */
export function serializeJsonLd(value: unknown): string {
	const json = JSON.stringify(value);
	if (json === undefined) throw new TypeError('JSON-LD must be a JSON value (an object or an array of objects)');
	return json.replace(UNSAFE_IN_SCRIPT, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
