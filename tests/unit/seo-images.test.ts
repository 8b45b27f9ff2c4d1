import { describe, expect, it } from 'vitest';
import { coverSize } from '../../integrations/newsroom/images/crops.ts';
import {
	OPEN_GRAPH_SIZE,
	STRUCTURED_DATA_CROPS,
	STRUCTURED_DATA_WIDTH,
} from '../../integrations/newsroom/images/crops.ts';
import { smallHeroes } from '../../integrations/newsroom/images/crops.ts';

describe('coverSize', () => {
	const crops = (source: { width: number; height: number }) =>
		STRUCTURED_DATA_CROPS.map(({ name, ratio }) => [name, coverSize(source, ratio, STRUCTURED_DATA_WIDTH)]);

	it('gives 1200 px wide 16:9, 4:3 and 1:1 crops when the source is large enough', () => {
		expect(crops({ width: 2400, height: 1600 })).toEqual([
			['16:9', { width: 1200, height: 675 }],
			['4:3', { width: 1200, height: 900 }],
			['1:1', { width: 1200, height: 1200 }],
		]);
	});

	it('never enlarges: a 1600×900 source gives a 900 px square', () => {
		expect(crops({ width: 1600, height: 900 })).toEqual([
			['16:9', { width: 1200, height: 675 }],
			['4:3', { width: 1200, height: 900 }],
			['1:1', { width: 900, height: 900 }],
		]);
		expect(coverSize({ width: 800, height: 600 }, 16 / 9, 1200)).toEqual({ width: 800, height: 450 });
	});

	it('makes the 1200×630 Open Graph size from a 16:9 hero', () => {
		const ratio = OPEN_GRAPH_SIZE.width / OPEN_GRAPH_SIZE.height;
		expect(coverSize({ width: 1600, height: 900 }, ratio, OPEN_GRAPH_SIZE.width)).toEqual({ width: 1200, height: 630 });
		expect(coverSize({ width: 1000, height: 1000 }, ratio, OPEN_GRAPH_SIZE.width)).toEqual({
			width: 1000,
			height: 525,
		});
	});

	it('never asks for more pixels than the source has, in either direction', () => {
		for (const source of [
			{ width: 1601, height: 899 },
			{ width: 999, height: 1333 },
			{ width: 1200, height: 1199 },
			{ width: 3000, height: 10 },
		]) {
			for (const { ratio } of STRUCTURED_DATA_CROPS) {
				const size = coverSize(source, ratio, STRUCTURED_DATA_WIDTH);
				expect(size.width).toBeLessThanOrEqual(source.width);
				expect(size.height).toBeLessThanOrEqual(source.height);
			}
		}
	});
});

describe('smallHeroes', () => {
	const withHero = (id: string, width: number, height: number) => ({
		id,
		data: { hero: { image: { width, height } } },
	});

	it('names the articles whose hero cannot give every crop at full size', () => {
		const articles = [
			withHero('sample-16x9', 1600, 900),
			withHero('big', 2400, 1600),
			withHero('exact', 1200, 1200),
			withHero('narrow', 1000, 1500),
			{ id: 'no-hero', data: {} },
		];
		expect(smallHeroes(articles).map((a) => a.id)).toEqual(['sample-16x9', 'narrow']);
	});
});
