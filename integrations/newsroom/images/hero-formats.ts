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
