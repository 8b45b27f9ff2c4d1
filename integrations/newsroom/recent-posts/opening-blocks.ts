/**
 * The start of a Markdown/MDX body up to a blank line after at least `minChars` characters: enough blocks for an
 * excerpt without parsing a whole long article. Returns the whole body when it is shorter, or when the cut would
 * fall inside a fenced code block.
 */
export function openingBlocks(body: string, minChars: number): string {
	if (body.length <= minChars) return body;
	let fenced = false;
	let offset = 0;
	for (const line of body.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		offset += line.length + 1;
		if (!fenced && offset >= minChars && line.trim() === '') return body.slice(0, offset);
	}
	return body;
}
