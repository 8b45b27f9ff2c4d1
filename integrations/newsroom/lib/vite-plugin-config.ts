import type { Plugin } from 'vite';
import type { NewsroomConfig } from '../config.ts';

const VIRTUAL_ID = 'virtual:newsroom/config';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
/** Where the build's clock is handed to the code that renders pages (same process). */
export const BUILD_TIME_ENV = 'NEWSROOM_BUILD_TIME';

/**
 * Serves the resolved options as `virtual:newsroom/config`, the one way options reach components.
 * `buildTime` is read at run time from the environment rather than written into the module: Astro's incremental
 * build hashes every module a page imports, and a clock baked into the code would change every page's hash on
 * every build, so no page could ever be reused. What pages derive from the clock (the published set, the footer
 * year) is part of their cache keys instead.
 */
export function vitePluginNewsroomConfig(config: NewsroomConfig): Plugin {
	const { buildTime, ...rest } = config;
	process.env[BUILD_TIME_ENV] = buildTime;
	const source = [
		`const config = ${JSON.stringify(rest)};`,
		`Object.defineProperty(config, 'buildTime', { enumerable: true, get: () => process.env.${BUILD_TIME_ENV} ?? new Date().toISOString() });`,
		'export default config;',
	].join('\n');
	return {
		name: 'newsroom:config',
		resolveId(id) {
			return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
		},
		load(id) {
			return id === RESOLVED_ID ? source : undefined;
		},
	};
}
