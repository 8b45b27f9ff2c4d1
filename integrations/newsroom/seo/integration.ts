import { existsSync } from 'node:fs';
import { readFile, rm, rmdir } from 'node:fs/promises';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration, AstroIntegrationLogger, HookParameters } from 'astro';
import type { SeoData } from './seo-data.ts';
import { sitemapItem } from './sitemap-item.ts';

/** The artefact the seo-data route writes and `astro:build:done` reads, then deletes. */
const SEO_DATA = '_newsroom/seo-data.json';

/**
 * The SEO wiring of the integration: the news sitemap, robots.txt and seo-data routes, and @astrojs/sitemap
 * with each page's lastmod. @astrojs/sitemap only sees URLs in `astro:build:done`; the dates come from the
 * published set through a JSON artefact rendered with the pages (page modules share no memory with hooks).
 */
export function newsroomSeo() {
	let data: { lastmod: Map<string, string>; exclude: Set<string> } | undefined;
	return {
		/** Injects the SEO routes; returns @astrojs/sitemap to add, unless the site already lists it. */
		setup({
			config,
			injectRoute,
			logger,
		}: Pick<HookParameters<'astro:config:setup'>, 'config' | 'injectRoute' | 'logger'>): AstroIntegration[] {
			const route = (pattern: string, file: string) =>
				injectRoute({ pattern, entrypoint: new URL(`./routes/${file}`, import.meta.url), prerender: true });
			route('/news-sitemap.xml', 'news-sitemap.xml.ts');
			route(`/${SEO_DATA}`, 'seo-data.json.ts');
			if (existsSync(new URL('robots.txt', config.publicDir))) {
				logger.info(
					'public/robots.txt exists, so newsroom does not generate one: list /sitemap-index.xml and /news-sitemap.xml in it',
				);
			} else {
				route('/robots.txt', 'robots.txt.ts');
			}
			if (config.integrations.some((integration) => integration.name === '@astrojs/sitemap')) {
				logger.info(
					'@astrojs/sitemap is configured by the site: its sitemap gets no per-article lastmod from newsroom',
				);
				return [];
			}
			return [
				sitemap({
					// Build artefacts under /_newsroom/ are deleted before the site is deployed.
					filter: (page) => !new URL(page).pathname.includes('/_newsroom/'),
					serialize: (item) => (data ? sitemapItem(item, data) : item),
				}),
			];
		},
		/**
		 * Runs before @astrojs/sitemap's own `astro:build:done` (it was added after newsroom): loads the dates and
		 * reports heroes too small for full-size crops, once per build.
		 */
		async buildDone({ dir, logger }: { dir: URL; logger: AstroIntegrationLogger }): Promise<void> {
			const file = new URL(SEO_DATA, dir);
			let parsed: SeoData;
			try {
				parsed = JSON.parse(await readFile(file, 'utf8')) as SeoData;
			} catch (error) {
				data = undefined;
				logger.warn(`sitemap lastmod unavailable: could not read ${SEO_DATA} (${String(error)})`);
				return;
			}
			data = { lastmod: new Map(Object.entries(parsed.sitemap.lastmod)), exclude: new Set(parsed.sitemap.exclude) };
			if (parsed.smallHeroes.length > 0) {
				const shown = parsed.smallHeroes.slice(0, 5).join(', ');
				const more = parsed.smallHeroes.length > 5 ? ` and ${parsed.smallHeroes.length - 5} more` : '';
				logger.warn(
					`${parsed.smallHeroes.length} hero image(s) are under 1200×1200 px, so some of their JSON-LD crops are narrower ` +
						`than the 1200 px Google recommends (images are never enlarged): ${shown}${more}`,
				);
			}
			await rm(file);
			await rmdir(new URL('./', file)).catch(() => undefined);
		},
	};
}
