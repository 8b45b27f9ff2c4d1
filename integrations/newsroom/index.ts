import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { NewsroomConfig } from './config.ts';
import { setupFeeds } from './feeds/setup.ts';
import { newsroomHeaders } from './headers/integration.ts';
import { newsroomOutput } from './output/integration.ts';
import { resolveBuildTime } from './lib/build-time.ts';
import { resolveOptions } from './lib/resolve-options.ts';
import { vitePluginNewsroomConfig } from './lib/vite-plugin-config.ts';
import type { NewsroomUserOptions } from './options.ts';
import { RECORD_ENV, recordedListOptions } from './recent-posts/list-options-record.ts';
import { refreshRecentPosts, VARIANTS_ROUTE } from './recent-posts/refresh.ts';
import { newsroomSeo } from './seo/integration.ts';
import { publicIconLinks, readLogoImage } from './seo/public-assets.ts';

export type { NewsroomConfig } from './config.ts';
export type { NewsroomOptions, NewsroomUserOptions } from './options.ts';

/** The newsroom Astro integration: `integrations: [newsroom({ name: 'The Daily' })]`. */
export default function newsroom(userOptions: NewsroomUserOptions): AstroIntegration {
	const options = resolveOptions(userOptions);
	const seo = newsroomSeo();
	// Whether an earlier incremental build rendered Recent Posts lists that pages reused now may still show.
	let reusableLists = false;
	return {
		name: '@newsroom/astro',
		hooks: {
			'astro:config:setup': async ({ config, updateConfig, injectRoute, logger }) => {
				if (!config.site) {
					throw new AstroError(
						'The newsroom integration needs `site` in astro.config.mjs.',
						'Feeds, canonical URLs and sitemaps are absolute: set `site: "https://your.domain"`.',
					);
				}
				const buildTime = resolveBuildTime(options.now, process.env);
				const resolved: NewsroomConfig = {
					...options,
					// `base: '/news'` has no trailing slash; every URL is built on this one, so add it.
					site: new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site).href,
					buildTime: buildTime.toISOString(),
					language: new Intl.Locale(options.locale).language,
					logoImage: await readLogoImage(config.publicDir, options.logo),
					icons: publicIconLinks(config.publicDir),
				};
				const added: AstroIntegration[] = config.integrations.some((integration) => integration.name === '@astrojs/mdx')
					? []
					: [mdx()];
				added.push(...seo.setup({ config, injectRoute, logger }));
				// After the sitemap, so the files it writes count as this build's; before the headers, so `_headers`
				// lists no file it deletes.
				added.push(newsroomOutput({ writtenAfter: ['_headers'] }));
				// Last, so its `astro:build:done` sees every file (sitemaps included) when it writes `_headers`.
				added.push(newsroomHeaders());
				updateConfig({
					integrations: added,
					// Markdown and MDX images get srcset/sizes only with a layout; the site's own choice wins.
					image: config.image.layout ? {} : { layout: 'constrained' },
					vite: { plugins: [vitePluginNewsroomConfig(resolved)] },
				});
				setupFeeds({ config, injectRoute, updateConfig }, options.mdxComponents);
				if (config.experimental.incrementalBuild) {
					const record = fileURLToPath(new URL('newsroom/recent-posts.json', config.cacheDir));
					// Reused pages are possible once an incremental build has run (its manifest) or rendered a list.
					reusableLists =
						existsSync(new URL('incremental-build.json', config.cacheDir)) || recordedListOptions(record).size > 0;
					process.env[RECORD_ENV] = record;
					injectRoute({
						pattern: VARIANTS_ROUTE,
						entrypoint: new URL('./recent-posts/routes/variants.astro', import.meta.url),
						prerender: true,
					});
				} else {
					delete process.env[RECORD_ENV];
				}
				logger.info(`build time ${resolved.buildTime}, dates in ${options.timeZone}`);
			},
			'astro:config:done': ({ injectTypes }) => {
				injectTypes({ filename: 'types.d.ts', content: '/// <reference types="@newsroom/astro/virtual" />\n' });
			},
			'astro:build:done': async ({ dir, assets, logger }) => {
				await refreshRecentPosts({ assets, reusable: reusableLists, logger });
				await seo.buildDone({ dir, logger });
			},
		},
	};
}
