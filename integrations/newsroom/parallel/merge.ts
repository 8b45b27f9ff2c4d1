import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fileKey, inPathOrder, PART_DIST, PART_MANIFEST, type ImageOriginals, type PartManifest } from './plan.ts';

/**
 * The file side of a split build: a shard writes what it built (`part.json` beside its `dist/`), the merging build
 * reads every part, moves its files into the output folder and hands `astro:build:done` the pages and files of the
 * whole site, in the order a single build would have listed them.
 */

/** What `astro:build:done` is given: its page list and each route's files. */
export interface BuiltSite {
	pages: { pathname: string }[];
	assets: Map<string, URL[]>;
}

const posix = (path: string) => path.split(sep).join('/');

/** Writes a shard's manifest, whole or not at all (the merging build may be waiting for it). */
export async function writePart(
	part: string,
	manifest: Omit<PartManifest, 'pages' | 'assets' | 'images'>,
	site: BuiltSite,
): Promise<void> {
	const dist = join(part, PART_DIST);
	const written: PartManifest = {
		...manifest,
		images: imageOriginals(),
		pages: site.pages.map((page) => page.pathname),
		assets: [...site.assets].map(([route, files]) => [
			route,
			files.map((file) => posix(relative(dist, fileURLToPath(file)))),
		]),
	};
	const file = join(part, PART_MANIFEST);
	await writeFile(`${file}.tmp`, JSON.stringify(written));
	await rename(`${file}.tmp`, file);
}

/**
 * What this process's build did with imported images' originals, from Astro's own record of them
 * (`globalThis.astroAsset`, what its image generation decides with): it deletes an original it transformed and never
 * used as it is.
 */
export function imageOriginals(): ImageOriginals {
	const record = (
		globalThis as { astroAsset?: { staticImages?: Map<string, { originalSrcPath?: string }>; referencedImages?: Set<string> } }
	).astroAsset;
	const referenced = record?.referencedImages ?? new Set<string>();
	const deleted = [...(record?.staticImages ?? [])].flatMap(([path, { originalSrcPath }]): [string, string][] =>
		originalSrcPath && !referenced.has(originalSrcPath) ? [[path, originalSrcPath]] : [],
	);
	return { deleted, referenced: [...referenced] };
}

/**
 * One build of the whole site deletes an original that some page transformed and no page used as it is; a shard
 * that rendered no page with the image kept it. Removes those from the merged output, as that one build would.
 */
export async function dropUnusedOriginals(dir: URL, builds: readonly ImageOriginals[]): Promise<void> {
	const referenced = new Set(builds.flatMap((build) => build.referenced));
	for (const [path, source] of builds.flatMap((build) => build.deleted)) {
		if (!referenced.has(source)) await rm(new URL(path.replace(/^\//, ''), dir), { force: true });
	}
}

/** Reads a part's manifest; with `wait`, until its worker has written it (the worker's failure stops this build). */
export async function readPart(part: string, wait: boolean): Promise<PartManifest> {
	const file = join(part, PART_MANIFEST);
	for (;;) {
		try {
			return JSON.parse(await readFile(file, 'utf8')) as PartManifest;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
				throw new Error(`${file}: ${String(error)}`, { cause: error });
			if (!wait)
				throw new Error(`${file} is missing: is ${part} the folder a shard build (newsroom build --shard i/N) wrote?`);
			await sleep(200);
		}
	}
}

/** Forgets a part's manifest, so a merge never reads one from an earlier build. */
export async function clearPart(part: string): Promise<void> {
	await rm(join(part, PART_MANIFEST), { force: true });
}

/**
 * Moves a part's files into `dir` (a rename; a copy across file systems), except `keep` (files each part holds of
 * its own, read where they are). Returns nothing: the part's manifest says what it built.
 */
export async function movePart(part: string, dir: URL, keep: ReadonlySet<string>): Promise<void> {
	const from = join(part, PART_DIST);
	const to = fileURLToPath(dir);
	const entries = await readdir(from, { recursive: true, withFileTypes: true }).catch(() => []);
	const made = new Set<string>();
	for (const entry of entries) {
		if (!entry.isFile()) continue;
		const file = posix(relative(from, join(entry.parentPath, entry.name)));
		if (keep.has(file)) continue;
		const target = join(to, file);
		const folder = dirname(target);
		if (!made.has(folder)) {
			await mkdir(folder, { recursive: true });
			made.add(folder);
		}
		await rename(join(from, file), target).catch(async (error: NodeJS.ErrnoException) => {
			if (error.code !== 'EXDEV') throw error;
			await copyFile(join(from, file), target);
		});
	}
}

/**
 * The whole site as one build would list it: this build's pages and files and every part's, ordered by the site's
 * paths (`order`, a position per path key) and routes. Files of `everyShard` routes stay in their parts.
 */
export function mergeSites(
	own: BuiltSite,
	parts: readonly { folder: string; manifest: PartManifest }[],
	{
		dir,
		order,
		routeOrder,
		everyShard,
	}: {
		dir: URL;
		order: ReadonlyMap<string, number>;
		routeOrder: ReadonlyMap<string, number>;
		everyShard: ReadonlySet<string>;
	},
): BuiltSite {
	// Pages of `everyShard` routes are listed by every part: once, as in a single build.
	const pages = [
		...new Set([...own.pages.map((page) => page.pathname), ...parts.flatMap(({ manifest }) => manifest.pages)]),
	];
	const files = new Map<string, URL[]>([...own.assets].map(([route, urls]) => [route, [...urls]]));
	for (const { folder, manifest } of parts) {
		const partDist = pathToFileURL(`${join(folder, PART_DIST)}/`);
		for (const [route, relativeFiles] of manifest.assets) {
			const base = everyShard.has(route) ? partDist : dir;
			const urls = files.get(route) ?? [];
			urls.push(...relativeFiles.map((file) => new URL(file, base)));
			files.set(route, urls);
		}
	}
	const root = fileURLToPath(dir);
	const keyOf = (url: URL) => fileKey(posix(relative(root, fileURLToPath(url))));
	const routes = inPathOrder([...files.keys()], (route) => route, routeOrder);
	return {
		pages: inPathOrder(pages, fileKey, order).map((pathname) => ({ pathname })),
		assets: new Map(
			routes.map((route) => [
				route,
				everyShard.has(route) ? files.get(route)! : inPathOrder(files.get(route)!, keyOf, order),
			]),
		),
	};
}

/** The relative files of `everyShard` routes in a part (they stay in the part). */
export function keptFiles(manifest: PartManifest, everyShard: ReadonlySet<string>): Set<string> {
	return new Set(manifest.assets.filter(([route]) => everyShard.has(route)).flatMap(([, files]) => files));
}
