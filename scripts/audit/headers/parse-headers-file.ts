/** A parsed `_headers` rule: the path pattern, its headers (names lower-cased) and the line it starts on. */
export interface ParsedHeaderRule {
	path: string;
	line: number;
	headers: [name: string, value: string][];
	/** Headers it detaches from broader rules (Cloudflare Pages' `! Name`), lower-cased. */
	detached?: string[];
}

/**
 * Reads a `_headers` file (Netlify / Cloudflare Pages): a line starting with "/" or "https://" opens a rule,
 * indented "Name: value" lines add headers to it, "! Name" lines detach a header broader rules set (Cloudflare Pages),
 * "#" lines are comments. A header outside a rule is an error.
 */
export function parseHeadersFile(text: string): ParsedHeaderRule[] {
	const rules: ParsedHeaderRule[] = [];
	text.split(/\r?\n/).forEach((raw, index) => {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) return;
		if (!/^\s/.test(raw)) {
			rules.push({ path: line, line: index + 1, headers: [] });
			return;
		}
		const colon = line.indexOf(':');
		const rule = rules.at(-1);
		if (rule && line.startsWith('!')) {
			(rule.detached ??= []).push(line.slice(1).trim().toLowerCase());
			return;
		}
		if (!rule || colon < 1)
			throw new Error(`_headers line ${index + 1}: expected an indented "Name: value" under a path, got "${line}"`);
		rule.headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
	});
	return rules;
}
