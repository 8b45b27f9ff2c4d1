import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import {
	clearPart,
	dropUnusedOriginals,
	imageOriginals,
	keptFiles,
	mergeSites,
	movePart,
	readPart,
	writePart,
	type BuiltSite,
} from './merge.ts';
import { checkParts, pathKey, pathsDigest, PART_DIST, rendersPath, type BuildPlan } from './plan.ts';

type BuildDoneHook = NonNullable<AstroIntegration['hooks']['astro:build:done']>;
type BuildDoneParams = Parameters<BuildDoneHook>[0];

/**
 * One part of a split build (`newsroom build`): renders the pages of its shard, and either writes them as a part
 * or merges every part and runs the site-wide work once.
 *
 * - Pages: Astro's own prerenderer is wrapped (`setPrerenderer` in `astro:build:start`) so its list of paths keeps
 *   this shard's (`plan.ts` `rendersPath`); everything else about rendering, writing and incremental caching is
 *   Astro's, unchanged.
 * - Site-wide work: every integration's `astro:build:done` hook (newsroom's sitemaps, Recent Posts refresh, clean-up,
 *   `_headers`, `_redirects`, and any other integration's, such as a search index over the finished folder) is
 *   wrapped. A shard that does not merge runs none of them and records its part; the merging build moves the parts
 *   into its output first, then runs each hook once, given the whole site's pages and files.
 * `everyShard` names routes every shard renders (artefacts each part needs of its own, read where they lie).
 */
export function parallelBuilds(
	plan: BuildPlan,
	{ everyShard = [] }: { everyShard?: readonly string[] } = {},
): AstroIntegration {
	const every = new Set(everyShard);
	const order = new Map<string, number>();
	const routeOrder = new Map<string, number>();
	let digest = '';
	let prepared: Promise<BuiltSite | undefined> | undefined;

	const prepare = async ({ dir, pages, assets, logger }: BuildDoneParams): Promise<BuiltSite | undefined> => {
		const own: BuiltSite = { pages, assets };
		const manifest = { buildTime: plan.buildTime, paths: digest };
		if (!plan.merge) {
			if (!plan.shard || !plan.part) throw new Error('a shard build needs its shard and part folder');
			await writePart(plan.part, { ...manifest, shard: plan.shard }, own);
			logger.info(`shard ${plan.shard.index + 1}/${plan.shard.count}: ${pages.length} page(s) written to ${plan.part}`);
			return undefined;
		}
		const { parts: folders, wait } = plan.merge;
		const parts = await Promise.all(
			folders.map(async (folder) => ({ folder, manifest: await readPart(folder, wait) })),
		);
		checkParts(parts, {
			// A merge-only build learns the count from its parts.
			count: plan.shard?.count ?? parts[0]?.manifest.shard.count ?? 0,
			buildTime: plan.buildTime,
			paths: digest,
			merging: plan.shard,
		});
		for (const { folder, manifest } of parts) await movePart(folder, dir, keptFiles(manifest, every));
		await dropUnusedOriginals(dir, [imageOriginals(), ...parts.map(({ manifest }) => manifest.images)]);
		const site = mergeSites(own, parts, { dir, order, routeOrder, everyShard: every });
		logger.info(`merged ${parts.length} part(s): ${site.pages.length} page(s) in ${fileURLToPath(dir)}`);
		return site;
	};

	const wrap = (hook: BuildDoneHook): BuildDoneHook =>
		async function (this: unknown, params) {
			const site = await (prepared ??= prepare(params));
			if (!site) return;
			await hook.call(this, { ...params, pages: site.pages, assets: site.assets });
		};

	return {
		name: '@newsroom/astro/parallel',
		hooks: {
			'astro:config:done': ({ config }) => {
				// Every integration of the site, newsroom's features and others alike.
				for (const integration of config.integrations) {
					const hook = integration.hooks['astro:build:done'];
					if (hook && integration.name !== '@newsroom/astro/parallel')
						integration.hooks['astro:build:done'] = wrap(hook);
				}
			},
			'astro:build:start': ({ setPrerenderer }) => {
				setPrerenderer((astros: AstroPrerenderer) => ({
					name: 'newsroom:shard',
					setup: () => astros.setup?.() ?? Promise.resolve(),
					getStaticPaths: async () => {
						const all = await astros.getStaticPaths();
						// Astro renders the fallback pages of i18n after every other (generate.ts), so a single build lists them last.
						const listed = [
							...all.filter(({ route }) => route.type !== 'fallback'),
							...all.filter(({ route }) => route.type === 'fallback'),
						];
						listed.forEach(({ pathname, route }, index) => {
							if (!order.has(pathKey(pathname))) order.set(pathKey(pathname), index);
							if (!routeOrder.has(route.route)) routeOrder.set(route.route, index);
						});
						digest = pathsDigest(all.map(({ pathname }) => pathname));
						return all.filter(({ pathname, route }) =>
							rendersPath(plan, { pathname, route: route.route }, all.length, every),
						);
					},
					render: (request, options) => astros.render(request, options),
					teardown: () => astros.teardown?.() ?? Promise.resolve(),
					...(astros.collectStaticImages ? { collectStaticImages: () => astros.collectStaticImages!() } : {}),
				}));
			},
			'astro:build:done': async (params) => {
				// Runs the part's or the merge's work even when no other integration has a build:done hook.
				await (prepared ??= prepare(params));
			},
		},
	};
}

/** Clears the parts a merging build will wait for, before their workers start. */
export async function clearParts(parts: readonly string[]): Promise<void> {
	await Promise.all(parts.map(clearPart));
}

/** A part's output folder (the `outDir` of its shard build). */
export function partDist(part: string): string {
	return join(part, PART_DIST);
}

/**
 * How `newsroom build` hands its plan to the site's `newsroom()` integration: an integration added through Astro's
 * inline config, carrying the plan in a hook of its own (Astro keeps integrations' hooks, custom ones included).
 */
const PLAN_HOOK = 'newsroom:build-plan';

export function buildPlanIntegration(plan: BuildPlan): AstroIntegration {
	return { name: '@newsroom/astro/build-plan', hooks: { [PLAN_HOOK]: () => plan } as AstroIntegration['hooks'] };
}

/** The plan of this build, if `newsroom build` started it as part of a split build. */
export function buildPlanOf(integrations: readonly AstroIntegration[]): BuildPlan | undefined {
	for (const integration of integrations) {
		const hook = (integration.hooks as Record<string, unknown>)[PLAN_HOOK];
		if (typeof hook === 'function') return (hook as () => BuildPlan)();
	}
	return undefined;
}
