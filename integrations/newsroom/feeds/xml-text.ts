/**
 * Characters XML 1.0 does not allow anywhere in a document: C0 controls other than tab, LF and CR, lone UTF-16
 * surrogates, U+FFFE and U+FFFF. No escaping can carry them (`&#1;` is just as forbidden), so they are dropped.
 */
const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML 1.0 forbids, so any title, name or body can go into a feed. */
export function xmlText(text: string): string {
	return text.replace(FORBIDDEN_IN_XML, '');
}
