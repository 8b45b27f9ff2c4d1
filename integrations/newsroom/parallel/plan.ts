import { createHash } from 'node:crypto';

/**
 * The plan of a split build: which part of the pages this Astro build renders, and which parts it merges. Pure
 * rules (data in, data out); `integration.ts` applies them inside Astro, `command.ts` (`newsroom build`) makes them.
 *
 * A split build is N Astro builds of the same site, each rendering the pages whose path falls in its shard, plus a
 * merge: the build that merges (the first worker on one machine, or a merge-only build in CI) moves every part's
 * files into its output folder and runs every integration's `astro:build:done` once, over the whole site.
 */
export interface BuildPlan {
	/** The pages this build renders: shard `index` (0-based) of `count`; none in a merge-only build. */
	shard?: Shard | undefined;
	/** The parts this build merges into its output, and whether to wait for them (workers still running). */
	merge?: { parts: string[]; wait: boolean } | undefined;
	/** Where a shard that does not merge writes its part (a `dist/` folder and `part.json`). */
	part?: string | undefined;
	/** The build clock every part shares (ISO 8601), unless the site sets `now` or SOURCE_DATE_EPOCH is set. */
	buildTime: string;
	/** Below this many paths, the first shard renders every page and the others none (no gain from splitting). */
	minPaths?: number | undefined;
}

export interface Shard {
	index: number;
	count: number;
}

/** A part's record of what its build wrote, read by the merge (`<part>/part.json`). */
export interface PartManifest {
	shard: Shard;
	buildTime: string;
	/** A digest of every path of the site, in order: parts built from other content or code do not merge. */
	paths: string;
	/** The pages of this part, as Astro hands them to `astro:build:done` (`pages[].pathname`). */
	pages: string[];
	/** Each route's files, relative to the part's `dist/`, as Astro hands them to `astro:build:done` (`assets`). */
	assets: [string, string[]][];
	/** What this part's image pipeline did with imported images' originals (`merge.ts` `imageOriginals`). */
	images: ImageOriginals;
}

/** What Astro's image pipeline did with the originals of imported images in one build. */
export interface ImageOriginals {
	/** Originals the build deleted after transforming them: `[site path, source file]`. */
	deleted: [string, string][];
	/** Source files the build used as they are (their originals stay). */
	referenced: string[];
}

export const PART_MANIFEST = 'part.json';
export const PART_DIST = 'dist';

/** Reads `i/N` (1-based, as CI matrices count: `--shard 2/3`) into a 0-based shard. */
export function parseShard(text: string): Shard {
	const match = /^(\d+)\/(\d+)$/.exec(text.trim());
	const index = Number(match?.[1]);
	const count = Number(match?.[2]);
	if (!match || count < 1 || index < 1 || index > count) {
		throw new Error(`--shard "${text}" is not i/N with 1 ≤ i ≤ N (e.g. --shard 2/3 for the second of three shards)`);
	}
	return { index: index - 1, count };
}

/** How a path is compared: Astro renders one page per path, slashes aside (generate.ts `builtPaths`). */
export function pathKey(pathname: string): string {
	return pathname.replace(/^\/+|\/+$/g, '');
}

/**
 * The shard that renders `pathname`: a hash of the path, so a page stays in its shard when other pages come and go
 * (each shard's incremental cache keeps working) and every route that could render one path (a page and an alias
 * fallback at the same URL) lands in the same shard, where Astro settles which wins.
 */
export function shardOf(pathname: string, count: number): number {
	if (count === 1) return 0;
	return createHash('sha1').update(pathKey(pathname)).digest().readUInt32BE(0) % count;
}

/**
 * Whether this build renders a path: its shard's, or — when the site has fewer than `minPaths` paths — all of them
 * in the first shard. Routes in `everyShard` (artefacts each part needs of its own) render in every shard.
 */
export function rendersPath(
	plan: BuildPlan,
	{ pathname, route }: { pathname: string; route: string },
	total: number,
	everyShard: ReadonlySet<string>,
): boolean {
	if (!plan.shard) return false;
	if (everyShard.has(route)) return true;
	if (plan.minPaths !== undefined && total < plan.minPaths) return plan.shard.index === 0;
	return shardOf(pathname, plan.shard.count) === plan.shard.index;
}

/** A digest of the site's paths in order, the same in every part of one build. */
export function pathsDigest(pathnames: readonly string[]): string {
	const hash = createHash('sha256');
	for (const pathname of pathnames) hash.update(`${pathname}\n`);
	return hash.digest('hex').slice(0, 32);
}

/** The path a built file was rendered from, as `pathKey` gives it (`a/b/index.html` and `a/b.html` are `a/b`). */
export function fileKey(relativeFile: string): string {
	return pathKey(relativeFile.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, ''));
}

/** Sorts items as a single build would have produced them: in the order of the site's paths. */
export function inPathOrder<T>(items: T[], key: (item: T) => string, order: ReadonlyMap<string, number>): T[] {
	const position = (item: T) => order.get(key(item)) ?? Number.MAX_SAFE_INTEGER;
	return items
		.map((item, index) => ({ item, index, at: position(item) }))
		.sort((a, b) => a.at - b.at || a.index - b.index)
		.map(({ item }) => item);
}

/** Checks that the parts make one build: one part per shard, the same clock and the same paths. */
export function checkParts(
	parts: readonly { folder: string; manifest: PartManifest }[],
	expected: { count: number; buildTime: string; paths: string; merging?: Shard | undefined },
): void {
	const seen = new Map<number, string>();
	if (expected.merging) seen.set(expected.merging.index, 'this build');
	for (const { folder, manifest } of parts) {
		const where = `part ${folder}`;
		if (manifest.shard.count !== expected.count) {
			throw new Error(
				`${where} is shard ${manifest.shard.index + 1} of ${manifest.shard.count}, not of ${expected.count}`,
			);
		}
		const other = seen.get(manifest.shard.index);
		if (other) throw new Error(`${where} is shard ${manifest.shard.index + 1}/${manifest.shard.count}, as is ${other}`);
		seen.set(manifest.shard.index, where);
		if (manifest.buildTime !== expected.buildTime) {
			throw new Error(
				`${where} was built at ${manifest.buildTime}, this build at ${expected.buildTime}: give every shard and the merge the same --build-time`,
			);
		}
		if (manifest.paths !== expected.paths) {
			throw new Error(
				`${where} was built from other content or code (its pages differ): build every shard and the merge from one commit`,
			);
		}
	}
	const missing = Array.from({ length: expected.count }, (_, index) => index).filter((index) => !seen.has(index));
	if (missing.length > 0) {
		throw new Error(
			`shard(s) ${missing.map((index) => `${index + 1}/${expected.count}`).join(', ')} missing from the merge`,
		);
	}
}
