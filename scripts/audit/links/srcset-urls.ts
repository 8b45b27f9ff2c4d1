/**
 * The URLs of a `srcset` attribute, following the HTML candidate rules: a URL runs to the next white space (a comma
 * at its very end separates candidates), descriptors run to the next comma outside parentheses.
 */
export function srcsetUrls(srcset: string): string[] {
	const urls: string[] = [];
	let position = 0;
	while (position < srcset.length) {
		while (position < srcset.length && /[\s,]/.test(srcset[position] ?? '')) position++;
		if (position >= srcset.length) break;
		const start = position;
		while (position < srcset.length && !/\s/.test(srcset[position] ?? '')) position++;
		let url = srcset.slice(start, position);
		if (url.endsWith(',')) {
			url = url.replace(/,+$/, '');
		} else {
			let depth = 0;
			while (position < srcset.length) {
				const char = srcset[position];
				if (char === '(') depth++;
				else if (char === ')') depth = Math.max(0, depth - 1);
				else if (char === ',' && depth === 0) break;
				position++;
			}
		}
		if (url) urls.push(url);
	}
	return urls;
}
