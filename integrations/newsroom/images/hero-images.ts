import { getImage } from 'astro:assets';
import type { Article } from '../content/content-set.ts';
import { urls } from '../core/site.ts';
import { coverSize, CROP_QUALITY, OPEN_GRAPH_SIZE, STRUCTURED_DATA_CROPS, STRUCTURED_DATA_WIDTH } from './crops.ts';

/** A generated image: absolute URL and its real size in pixels. */
export interface GeneratedImage {
	url: string;
	width: number;
	height: number;
}

export interface HeroImages {
	/** The 16:9, 4:3 and 1:1 crops for NewsArticle `image`. */
	crops: GeneratedImage[];
	/** The 1200×630 JPEG for Open Graph and X cards. */
	openGraph: GeneratedImage;
}

const generated = new Map<string, Promise<HeroImages | undefined>>();

/**
 * An article's structured-data crops and Open Graph image, cut from its hero with sharp through astro:assets
 * (JPEG, attention-based cropping), once per article per build. `undefined` when the article has no hero.
 */
export function heroImages(article: Article): Promise<HeroImages | undefined> {
	let images = generated.get(article.id);
	if (!images) {
		images = generate(article);
		generated.set(article.id, images);
	}
	return images;
}

async function generate(article: Article): Promise<HeroImages | undefined> {
	const hero = article.data.hero;
	if (!hero) return undefined;
	const crop = async (ratio: number, width: number): Promise<GeneratedImage> => {
		// Sizes the source can give without enlarging, so the width and height we publish are the file's own
		// (heroes too small for full-size crops are reported once per build by the integration).
		const size = coverSize(hero.image, ratio, width);
		const image = await getImage({
			src: hero.image,
			...size,
			fit: 'cover',
			position: 'attention',
			format: 'jpg',
			quality: CROP_QUALITY,
		});
		return { url: urls.absolute(image.src), ...size };
	};
	const [crops, openGraph] = await Promise.all([
		Promise.all(STRUCTURED_DATA_CROPS.map(({ ratio }) => crop(ratio, STRUCTURED_DATA_WIDTH))),
		crop(OPEN_GRAPH_SIZE.width / OPEN_GRAPH_SIZE.height, OPEN_GRAPH_SIZE.width),
	]);
	return { crops, openGraph };
}
