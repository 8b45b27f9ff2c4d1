import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { injectRoutes, type VirtualModules } from '../core/wiring.ts';
import type { NewsroomOptions } from '../options.ts';

/**
 * Live updates (the `liveUpdates` option, off by default): each live blog's `updates.json`, and the island that
 * `<LiveUpdates>` renders on pages of live blogs that are live, served as `virtual:newsroom/live-updates`. Off, it
 * adds nothing: no route, no file, and the island is not even bundled (its script's hash would otherwise join every
 * page's Content-Security-Policy).
 */
export function liveUpdatesIntegration(options: Pick<NewsroomOptions, 'liveUpdates'>, modules: VirtualModules): AstroIntegration {
	return {
		name: '@newsroom/astro/live-updates',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				const island = fileURLToPath(new URL('./LiveUpdatesIsland.astro', import.meta.url));
				modules.set('live-updates', options.liveUpdates ? `export { default } from ${JSON.stringify(island)};` : 'export default null;');
				if (!options.liveUpdates) return;
				injectRoutes(injectRoute, import.meta.url, { '/articles/[...slug]/updates.json': './routes/updates.json.ts' });
			},
		},
	};
}
