/**
 * The sizes of the images cut from a hero: the crops Google's article structured data asks for, the Open Graph
 * image, and which heroes are too small for them. Pure: `hero-images.ts` cuts them with astro:assets.
 */

/** Google asks for article images in these aspect ratios, each at least 1200 px wide. */
export const STRUCTURED_DATA_CROPS = [
	{ name: '16:9', ratio: 16 / 9 },
	{ name: '4:3', ratio: 4 / 3 },
	{ name: '1:1', ratio: 1 },
] as const;
export const STRUCTURED_DATA_WIDTH = 1200;

/** The link-preview image Facebook, LinkedIn and X recommend: 1200×630. */
export const OPEN_GRAPH_SIZE = { width: 1200, height: 630 } as const;
/** JPEG quality of generated crops: keeps a 1200×630 photo well under the 300 KB platforms accept. */
export const CROP_QUALITY = 80;

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

/**
 * The articles whose hero is too small for every crop at full size (1200 px wide 16:9, 4:3 and 1:1, and the
 * 1200×630 Open Graph image), since crops are never enlarged: in practice, heroes under 1200×1200 px.
 */
export function smallHeroes<T extends { data: { hero?: { image: { width: number; height: number } } | undefined } }>(
	articles: readonly T[],
): T[] {
	const ratios = [...STRUCTURED_DATA_CROPS.map(({ ratio }) => ratio), OPEN_GRAPH_SIZE.width / OPEN_GRAPH_SIZE.height];
	return articles.filter(
		({ data: { hero } }) =>
			hero && ratios.some((ratio) => coverSize(hero.image, ratio, STRUCTURED_DATA_WIDTH).width < STRUCTURED_DATA_WIDTH),
	);
}
