import mdx from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { NewsroomConfig } from './config.ts';
import { injectFeedRoutes } from './feeds/inject-routes.ts';
import { resolveBuildTime } from './lib/build-time.ts';
import { resolveOptions } from './lib/resolve-options.ts';
import { vitePluginNewsroomConfig } from './lib/vite-plugin-config.ts';
import type { NewsroomUserOptions } from './options.ts';

export type { NewsroomConfig } from './config.ts';
export type { NewsroomOptions, NewsroomUserOptions } from './options.ts';

/** The newsroom Astro integration: `integrations: [newsroom({ name: 'The Daily' })]`. */
export default function newsroom(userOptions: NewsroomUserOptions): AstroIntegration {
	const options = resolveOptions(userOptions);
	return {
		name: '@newsroom/astro',
		hooks: {
			'astro:config:setup': ({ config, updateConfig, injectRoute, logger }) => {
				if (!config.site) {
					throw new AstroError(
						'The newsroom integration needs `site` in astro.config.mjs.',
						'Feeds, canonical URLs and sitemaps are absolute: set `site: "https://your.domain"`.',
					);
				}
				const buildTime = resolveBuildTime(options.now, process.env);
				const resolved: NewsroomConfig = {
					...options,
					site: new URL(config.base, config.site).href,
					buildTime: buildTime.toISOString(),
					language: new Intl.Locale(options.locale).language,
				};
				const added = config.integrations.some((integration) => integration.name === '@astrojs/mdx') ? [] : [mdx()];
				updateConfig({ integrations: added, vite: { plugins: [vitePluginNewsroomConfig(resolved)] } });
				injectFeedRoutes(injectRoute);
				logger.info(`build time ${resolved.buildTime}, dates in ${options.timeZone}`);
			},
			'astro:config:done': ({ injectTypes }) => {
				injectTypes({ filename: 'types.d.ts', content: '/// <reference types="@newsroom/astro/virtual" />\n' });
			},
		},
	};
}
