const ASCII_WHITESPACE = new Set([' ', '\t', '\n', '\f', '\r']);

/**
 * Rewrites every candidate URL of a `srcset` ("a.jpg 480w, b.jpg 800w") with `rewrite`, keeping descriptors.
 * Follows the HTML parsing rules: a URL runs to the next white space (so it may contain commas, as data: and
 * image-CDN URLs do), a trailing comma ends a candidate, descriptors run to the next comma outside parentheses.
 */
export function rewriteSrcset(srcset: string, rewrite: (url: string) => string): string {
	const candidates: string[] = [];
	let position = 0;
	while (position < srcset.length) {
		while (position < srcset.length && (ASCII_WHITESPACE.has(srcset[position]!) || srcset[position] === ','))
			position++;
		if (position >= srcset.length) break;
		const urlStart = position;
		while (position < srcset.length && !ASCII_WHITESPACE.has(srcset[position]!)) position++;
		let url = srcset.slice(urlStart, position);
		let descriptors = '';
		if (url.endsWith(',')) {
			url = url.replace(/,+$/, '');
		} else {
			const descriptorStart = position;
			let depth = 0;
			while (position < srcset.length && !(srcset[position] === ',' && depth === 0)) {
				if (srcset[position] === '(') depth++;
				else if (srcset[position] === ')') depth = Math.max(0, depth - 1);
				position++;
			}
			descriptors = srcset
				.slice(descriptorStart, position)
				.trim()
				.split(/[ \t\n\f\r]+/)
				.join(' ');
			position++;
		}
		candidates.push(descriptors ? `${rewrite(url)} ${descriptors}` : rewrite(url));
	}
	return candidates.join(', ');
}
