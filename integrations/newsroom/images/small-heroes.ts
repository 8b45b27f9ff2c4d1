import { coverSize } from './cover-size.ts';
import { OPEN_GRAPH_SIZE, STRUCTURED_DATA_CROPS, STRUCTURED_DATA_WIDTH } from './hero-formats.ts';

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
