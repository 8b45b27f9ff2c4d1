/**
 * The first `words` words of `text` followed by "…", cut at a word boundary (punctuation attached to the last
 * word stays, as in "operation,…"). Text that fits is returned whole, without "…". A single word longer than
 * `maxChars` (a URL, a run of CJK text) is cut between characters instead, never inside one.
 */
export function truncateWords(text: string, words: number, maxChars = words * 12): string {
	const tokens = text.trim().split(/\s+/).filter(Boolean);
	let result = tokens.slice(0, words).join(' ');
	let cut = tokens.length > words;
	if (result.length > maxChars) {
		const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(result)].map(
			(s) => s.segment,
		);
		result = graphemes.slice(0, maxChars).join('').trimEnd();
		cut = true;
	}
	return cut ? `${result}…` : result;
}
