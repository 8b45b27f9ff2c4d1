const UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&` become `\u003c`-style escapes so no
 * string can close the element or open a comment, and U+2028/U+2029 are escaped for older JavaScript parsers.
 * The result is still plain JSON: `JSON.parse` gives back the same value.
 */
export function serializeJsonLd(value: unknown): string {
	const json = JSON.stringify(value);
	if (json === undefined) throw new TypeError('JSON-LD must be a JSON value (an object or an array of objects)');
	return json.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
