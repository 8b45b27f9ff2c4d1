/**
 * The size of a `ratio` (width ÷ height) crop of `source`, scaled down to `width` when the source allows it
 * and never enlarged (sharp under astro:assets does not enlarge): the largest crop that fits otherwise.
 */
export function coverSize(
	source: { width: number; height: number },
	ratio: number,
	width: number,
): { width: number; height: number } {
	const fitting = Math.min(width, source.width, Math.floor(source.height * ratio));
	return { width: fitting, height: Math.round(fitting / ratio) };
}
