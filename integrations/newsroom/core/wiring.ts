import { readdir, rm, rmdir } from 'node:fs/promises';
import type { AstroIntegration, HookParameters } from 'astro';
import type { Plugin } from 'vite';

/**
 * How the features plug into Astro: one Vite plugin serves every `virtual:newsroom/*` module (the only way
 * state reaches components), one helper injects prerendered routes, and `withHooks` runs a wrapped integration's
 * hooks right after a feature's own.
 */

const PREFIX = 'virtual:newsroom/';

/**
 * Module metadata Astro's incremental builds read (`astro/dist/core/build/incremental-metadata.js`): a module
 * marked as content data is left out of every page's dependency hash, as content modules are. The build clock is
 * such data: baked into code, it would change every page's hash on every build and no page could be reused.
 * What pages derive from it (the published set, the footer year) is part of their cache keys instead. The content
 * store's module, when newsroom writes it (`content/storage.ts`), is marked so as Astro marks it.
 */
export const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

export interface VirtualModules {
	/**
	 * Serves `virtual:newsroom/<name>` with `source`. A `data` module holds a value that changes between builds
	 * without any code changing (the clock): incremental builds leave it out of page hashes.
	 */
	set(name: string, source: string, options?: { data?: boolean }): void;
	/** The Vite plugin that serves them: added once, by the integration. */
	plugin: Plugin;
}

export function createVirtualModules(): VirtualModules {
	const modules = new Map<string, { source: string; data: boolean }>();
	return {
		set(name, source, { data = false } = {}) {
			modules.set(`${PREFIX}${name}`, { source, data });
		},
		plugin: {
			name: 'newsroom:virtual-modules',
			resolveId(id) {
				return modules.has(id) ? `\0${id}` : undefined;
			},
			load(id) {
				const module = id.startsWith('\0') ? modules.get(id.slice(1)) : undefined;
				if (!module) return undefined;
				return module.data ? { code: module.source, meta: CONTENT_DATA_META } : module.source;
			},
		},
	};
}

/** An ES module whose default export is `value`, for `VirtualModules.set`. */
export function defaultExport(value: unknown): string {
	return `export default ${JSON.stringify(value)};`;
}

/**
 * Injects prerendered routes whose entrypoints are files next to `from` (a feature's `import.meta.url`):
 * `injectRoutes(injectRoute, import.meta.url, { '/rss.xml': './routes/site-feed.ts' })`.
 */
export function injectRoutes(
	injectRoute: HookParameters<'astro:config:setup'>['injectRoute'],
	from: string,
	routes: Record<string, string>,
): void {
	for (const [pattern, file] of Object.entries(routes)) {
		injectRoute({ pattern, entrypoint: new URL(file, from), prerender: true });
	}
}

type Hooks = AstroIntegration['hooks'];
type AnyHook = (params: unknown) => unknown;

/**
 * `integration` with `inner`'s hooks run right after its own, in the same place of the integration order: a
 * feature that wraps a kept integration (SEO around @astrojs/sitemap) controls when the wrapped hooks run.
 */
export function withHooks(integration: AstroIntegration, inner: AstroIntegration | undefined): AstroIntegration {
	if (!inner) return integration;
	const hooks: Record<string, AnyHook> = { ...(integration.hooks as Record<string, AnyHook>) };
	for (const [name, innerHook] of Object.entries(inner.hooks as Record<string, AnyHook | undefined>)) {
		if (!innerHook) continue;
		const own = hooks[name];
		hooks[name] = own
			? async (params) => {
					await own(params);
					await innerHook(params);
				}
			: innerHook;
	}
	return { ...integration, hooks: hooks as Hooks };
}

/**
 * Deletes a build artefact (a route rendered only to hand what page code knows to a hook, under `/_newsroom/`) and
 * the folders it leaves empty, up to the build folder `dir`.
 */
export async function removeArtefact(file: URL, dir: URL): Promise<void> {
	await rm(file, { force: true });
	for (let folder = new URL('./', file); folder.href.startsWith(dir.href) && folder.href !== dir.href; folder = new URL('../', folder)) {
		if ((await readdir(folder).catch(() => ['?'])).length > 0) return;
		await rmdir(folder);
	}
}

/**
 * The files a build wrote, from `astro:build:done`'s `assets`, once each: an incremental build lists a page it
 * reused twice, and a step that reads every page would read it twice. `html` keeps the pages only.
 */
export function builtFiles(assets: Map<string, URL[]>, { html = false } = {}): URL[] {
	const files = new Map<string, URL>();
	for (const file of [...assets.values()].flat()) {
		if (!html || file.pathname.endsWith('.html')) files.set(file.href, file);
	}
	return [...files.values()];
}

/** How many built files a site-wide step looks at at once. */
const PARALLEL = 16;

/**
 * `task` over every item, a few at a time: one at a time leaves the disk idle between reads, all at once would
 * exceed the process's open files at 100 000 pages (EMFILE). Results in the items' order.
 */
export async function inParallel<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await task(items[i]!);
		}
	};
	await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
	return results;
}
