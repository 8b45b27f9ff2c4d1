import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { cdnIntegration, CDN_FILES } from './cdn/integration.ts';
import { cmsIntegration } from './cms/integration.ts';
import { DESK_OPENER_POLICY } from './cms/desk-policy.ts';
import { ADMIN_PATH } from './cms/names.ts';
import { consentIntegration } from './consent/integration.ts';
import { contentIntegration } from './content/integration.ts';
import { storeFilePlugin, storeFilesOf, type StoreFiles } from './content/storage.ts';
import { resolveSiteConfig } from './core/config.ts';
import { resolveBuildTime } from './core/dates.ts';
import { labelsModule } from './core/labels.ts';
import { createVirtualModules, defaultExport } from './core/wiring.ts';
import { feedsIntegration } from './feeds/integration.ts';
import { imagesIntegration } from './images/integration.ts';
import { incrementalBuilds } from './incremental/integration.ts';
import { createPageFacts } from './incremental/page-facts.ts';
import { liveUpdatesIntegration } from './live-updates/integration.ts';
import { VARIANTS_ROUTE } from './incremental/recent-posts.ts';
import { buildPlanOf, parallelBuilds } from './parallel/integration.ts';
import { resolveOptions, type NewsroomUserOptions } from './options.ts';
import type { ResponseHeaders } from './security/response-headers.ts';
import { securityIntegration } from './security/integration.ts';
import { SEARCH_BUNDLE } from './search/index-site.ts';
import { searchIntegrations } from './search/integration.ts';
import { seoIntegration } from './seo/integration.ts';
import { createUrls } from './core/urls.ts';

export type { NewsroomConfig } from './core/config.ts';
export type { SiteLabels } from './core/labels.ts';
export type { NewsroomOptions, NewsroomUserOptions } from './options.ts';

/** The types of the virtual modules, for the site's `.astro/types.d.ts`. */
const virtualTypes = readFileSync(new URL('./virtual.d.ts', import.meta.url), 'utf8');

/**
 * The newsroom Astro integration: `integrations: [newsroom({ name: 'The Daily' })]`. Validates the options, serves
 * them to components as `virtual:newsroom/config`, and adds one integration per feature, in the order their
 * `astro:build:done` hooks must run.
 */
export default function newsroom(userOptions: NewsroomUserOptions): AstroIntegration {
	const options = resolveOptions(userOptions);
	const modules = createVirtualModules();
	// What the site-wide steps read of each built page: read once per build, kept while Astro reuses the page.
	const pageFacts = createPageFacts();
	// The security headers of every response: worked out by the security feature after the build, written by the CDN's.
	const responseHeaders: ResponseHeaders = { everywhere: [], pages: [], byEntry: new Map() };
	// The editors' desk has a policy of its own (Decap needs more than a reader's page may do).
	const desk = options.cms ? [{ path: ADMIN_PATH, openerPolicy: DESK_OPENER_POLICY }] : [];
	// So has the search page, and the index's web worker with it (Pagefind runs WebAssembly).
	const searchPath = createUrls('https://site.invalid/').search;
	const search = options.search ? searchIntegrations(pageFacts) : undefined;
	// Where Astro keeps the content store, once its config is done: prerendered pages read it from there.
	let storeFiles: StoreFiles | undefined;
	const searchParts = options.search
		? [
				{ path: searchPath, openerPolicy: 'same-origin' },
				{ path: `/${SEARCH_BUNDLE}/`, openerPolicy: 'same-origin', policyOf: searchPath },
			]
		: [];
	return {
		name: '@newsroom/astro',
		hooks: {
			'astro:config:setup': async ({ config, updateConfig, logger }) => {
				const site = await resolveSiteConfig(options, config);
				// A part of a split build (`newsroom build`) shares its clock with the other parts.
				const plan = buildPlanOf(config.integrations);
				const clock = plan ? () => Date.parse(plan.buildTime) : undefined;
				const buildTime = resolveBuildTime(options.now, process.env, clock).toISOString();
				modules.set('config', `import buildTime from 'virtual:newsroom/build-clock';\nexport default { ...${JSON.stringify(site)}, buildTime };`);
				modules.set('build-clock', defaultExport(buildTime), { data: true });
				modules.set('labels', labelsModule(options.labels, options.locale));
				updateConfig({
					// The virtual modules, and Astro's content store read from its file rather than bundled (content/storage.ts).
					vite: { plugins: [modules.plugin, storeFilePlugin(() => storeFiles)] },
					integrations: [
						// A split build: this build's share of the pages; the site-wide hooks run once, in the merging build.
						...(plan ? [parallelBuilds({ ...plan, buildTime }, { everyShard: [VARIANTS_ROUTE] })] : []),
						contentIntegration(options, modules), // collections' helpers, MDX and its components
						...(search ? [search.start] : []), // the first build:done step: Pagefind indexes on another core meanwhile
						feedsIntegration(), // RSS for the site, sections and authors
						liveUpdatesIntegration(options, modules), // each live blog's updates.json, for the live-updates island (with `liveUpdates`)
						securityIntegration(options, responseHeaders, [...desk, ...searchParts], pageFacts), // the article HTML policy, the CSP, security headers
						consentIntegration(options, pageFacts), // the cookie-consent island's checks
						imagesIntegration(), // responsive images in bodies
						cmsIntegration(options, modules), // the editors' desk at /admin/ (with the `cms` option)
						seoIntegration({ unlisted: [...(options.cms ? [ADMIN_PATH] : []), ...(options.search ? [searchPath] : [])] }), // news sitemap, robots.txt, the sitemap with lastmod (without the desk and search)
						incrementalBuilds(modules, { writtenLater: [...CDN_FILES, ...(search ? [`${SEARCH_BUNDLE}/`] : [])], merged: Boolean(plan?.merge), pageFacts }), // after the sitemap: prunes what is not produced
						...(search ? [search.finish] : []), // after the pruning: the search index written
						cdnIntegration(responseHeaders), // `_headers` for every file written
						pageFacts.integration, // last: what the checks read of each page, kept for the next incremental build
					],
				});
				logger.info(`build time ${buildTime}, dates in ${options.timeZone}`);
			},
			'astro:config:done': ({ config, injectTypes }) => {
				storeFiles = storeFilesOf(config);
				injectTypes({ filename: 'types.d.ts', content: virtualTypes });
			},
		},
	};
}
