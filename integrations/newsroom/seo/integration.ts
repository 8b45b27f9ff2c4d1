import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { injectRoutes, removeArtefact, withHooks } from '../core/wiring.ts';
import { inSitemapOrder, sitemapItem, type SeoData } from './sitemaps.ts';

/** The artefact the seo-data route writes and `astro:build:done` reads, then deletes. */
const SEO_DATA = '_newsroom/seo-data.json';

/**
 * Publisher SEO: the news sitemap, robots.txt (unless the site has its own), and @astrojs/sitemap with each page's
 * lastmod (unless the site configured it). @astrojs/sitemap only sees URLs in `astro:build:done`; the dates come
 * from the published set through a JSON artefact rendered with the pages (page modules share no memory with
 * hooks), read here just before the wrapped sitemap hook runs. `SeoHead` and `articleSeo` do the rest per page.
 * `unlisted` names path prefixes (below the site's base) kept out of the sitemap: the CMS's `/admin/`.
 */
export function seoIntegration({ unlisted = [] }: { unlisted?: readonly string[] } = {}): AstroIntegration {
	let data: { lastmod: Map<string, string>; exclude: Set<string> } | undefined;
	let base = '/';
	const siteMap = sitemap({
		// Build artefacts under /_newsroom/ are deleted before the site is deployed; `unlisted` pages (the CMS) are
		// not for readers.
		filter: (page) => {
			const path = new URL(page).pathname;
			return !path.includes('/_newsroom/') && !unlisted.some((prefix) => path.startsWith(`${base}${prefix.slice(1)}`));
		},
		serialize: (item) => (data ? sitemapItem(item, data) : item),
	});
	let ownSitemap = false;
	const seo: AstroIntegration = {
		name: '@newsroom/astro/seo',
		hooks: {
			'astro:config:setup': ({ config, injectRoute, logger }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				const routes: Record<string, string> = {
					'/news-sitemap.xml': './routes/news-sitemap.xml.ts',
					[`/${SEO_DATA}`]: './routes/seo-data.json.ts',
				};
				if (existsSync(new URL('robots.txt', config.publicDir))) {
					logger.info(
						'public/robots.txt exists, so newsroom does not generate one: list /sitemap-index.xml and /news-sitemap.xml in it',
					);
				} else {
					routes['/robots.txt'] = './routes/robots.txt.ts';
				}
				injectRoutes(injectRoute, import.meta.url, routes);
				ownSitemap = config.integrations.some((integration) => integration.name === '@astrojs/sitemap');
				if (ownSitemap) {
					logger.info(
						'@astrojs/sitemap is configured by the site: its sitemap gets no per-article lastmod from newsroom',
					);
				}
			},
			// Reads the dates and reports heroes too small for full-size crops, once per build, before the sitemap.
			'astro:build:done': async ({ dir, logger }) => {
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
				await removeArtefact(file, dir);
			},
		},
	};
	// @astrojs/sitemap's hooks run right after ours, in our place in the integration order (before the clean-up
	// and `_headers`, which must see the sitemaps); a sitemap the site configured itself is left alone.
	return withHooks(seo, {
		name: siteMap.name,
		hooks: Object.fromEntries(
			Object.entries(siteMap.hooks).map(([name, hook]) => [
				name,
				(params: { pages?: { pathname: string }[] }) => {
					if (ownSitemap) return undefined;
					// In the order the sitemap sorts them: its sort then costs n comparisons, not n log n.
					const ordered = name === 'astro:build:done' && params.pages ? { ...params, pages: inSitemapOrder(params.pages) } : params;
					return (hook as (params: unknown) => unknown)(ordered);
				},
			]),
		),
	});
}
