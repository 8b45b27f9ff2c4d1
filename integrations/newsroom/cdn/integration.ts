import { existsSync } from 'node:fs';
import { open, readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, IntegrationResolvedRoute } from 'astro';
import { AstroError } from 'astro/errors';
import { injectRoutes, removeArtefact } from '../core/wiring.ts';
import { formatHeaders, headerRules, type SecurityHeaderSet } from './headers.ts';
import { CLOUDFLARE_STATIC_REDIRECTS, formatRedirects, redirectOnlyFolders, type RedirectsData } from './redirects.ts';

/** The files this integration writes into the build folder. */
export const CDN_FILES = ['_headers', '_redirects'] as const;

/** The artefact the redirects route writes and `astro:build:done` reads, then deletes. */
const REDIRECTS_DATA = '_newsroom/redirects.json';
/** The route of the fallback pages at old paths. */
const ALIAS_ROUTE = './routes/alias.astro';

/**
 * What the CDN reads besides the pages: `_redirects` (every article's `aliases:` and, with
 * `redirects.wordpressArchives`, WordPress's archive URLs; 301s) and `_headers` (the security headers, then the cache
 * rules), for Netlify and Cloudflare Pages, plus a fallback page at each old path for hosts without redirect rules.
 * Added last, so its `astro:build:done` runs once every file, sitemaps included, is written and the security feature
 * has worked out the security headers. A site's own `public/_headers` is left as it is; a site's own `public/_redirects`
 * keeps its rules first.
 */
export function cdnIntegration(security?: SecurityHeaderSet): AstroIntegration {
	let base = '/';
	let assetsDir = '_astro';
	let ownFile = false;
	let ownRedirects = false;
	let routes: IntegrationResolvedRoute[] = [];
	let format: 'file' | 'directory' | 'preserve' = 'directory';
	return {
		name: '@newsroom/astro/cdn',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				injectRoutes(injectRoute, import.meta.url, {
					[`/${REDIRECTS_DATA}`]: './routes/redirects.json.ts',
					'/[...alias]': ALIAS_ROUTE,
				});
			},
			'astro:routes:resolved': ({ routes: resolved }) => {
				routes = resolved;
			},
			'astro:config:done': ({ config, logger }) => {
				format = config.build.format;
				ownRedirects = existsSync(new URL('_redirects', config.publicDir));
				base = config.base;
				assetsDir = config.build.assets;
				ownFile = existsSync(new URL('_headers', config.publicDir));
				if (ownFile)
					logger.info(
						'public/_headers exists, so newsroom does not write cache rules: see docs/deploying.md on caching',
					);
			},
			'astro:build:done': async ({ dir, logger, pages }) => {
				const { aliases, live } = await writeRedirects(dir, logger);
				if (ownFile) return;
				// A top-level folder holding only fallback pages at old paths (WordPress's /2019/… or /%postname%/) gets no
				// rule: the CDN answers those paths with the redirect, and each would cost one of Cloudflare's 100 rules.
				const prefix = base.endsWith('/') ? base : `${base}/`;
				const onlyRedirected = redirectOnlyFolders(
					aliases,
					pages.map((page) => `${prefix}${page.pathname.replace(/^\//, '')}`),
					prefix,
				);
				const entries = (await readdir(dir, { withFileTypes: true }))
					.filter((entry) => !(entry.isDirectory() && onlyRedirected.has(entry.name)))
					.map((entry) => ({ name: entry.name, folder: entry.isDirectory() }));
				const rules = headerRules({ entries, base, assetsDir, security, live });
				// Cloudflare Pages reads at most 100 rules; each top-level file of public/ costs one.
				if (rules.length > 100)
					logger.warn(
						`_headers has ${rules.length} rules, over Cloudflare Pages' limit of 100: move top-level public/ files into folders`,
					);
				await writeFile(new URL('_headers', dir), formatHeaders(rules));
				logger.info(`wrote cache rules to ${fileURLToPath(new URL('_headers', dir))}`);
			},
		},
	};

	/** Writes `_redirects`; returns the old paths (with the base) that redirect, and the live blogs' paths. */
	async function writeRedirects(
		dir: URL,
		logger: { info(message: string): void; warn(message: string): void },
	): Promise<{ aliases: string[]; live: string[] }> {
		const file = new URL(REDIRECTS_DATA, dir);
		let data: RedirectsData;
		try {
			data = JSON.parse(await readFile(file, 'utf8')) as RedirectsData;
		} catch (error) {
			logger.warn(`_redirects not written: could not read ${REDIRECTS_DATA} (${String(error)})`);
			return { aliases: [], live: [] };
		}
		await removeArtefact(file, dir);
		const clashes: string[] = [];
		for (const alias of data.aliases) {
			const page = await builtPage(dir, alias.from, format);
			if (page && !page.fallback) {
				const route = routes.find(
					(route) =>
						route.type === 'page' &&
						!route.entrypoint.endsWith(ALIAS_ROUTE.slice(1)) &&
						route.patternRegex.test(alias.from),
				);
				clashes.push(
					`${alias.source}: "${alias.from}" is a page of the site (${route?.entrypoint ?? page.file}); an alias must be an old path no page uses`,
				);
			}
		}
		if (clashes.length > 0)
			throw new AstroError(
				`Some aliases cannot redirect:\n${clashes.join('\n')}`,
				'Remove the alias, or move the page: an old path cannot be both.',
			);
		const own = ownRedirects ? await readFile(new URL('_redirects', dir), 'utf8').catch(() => '') : '';
		const rules = [...data.aliases, ...data.archives];
		const live = data.live ?? [];
		if (rules.length === 0 && !own) return { aliases: [], live };
		const ownCount = own.split('\n').filter((line) => line.trim() && !line.trim().startsWith('#')).length;
		if (rules.length + ownCount > CLOUDFLARE_STATIC_REDIRECTS)
			logger.warn(
				`_redirects has ${rules.length + ownCount} rules, over Cloudflare Pages' limit of ${CLOUDFLARE_STATIC_REDIRECTS} static redirects: ` +
					'Cloudflare ignores the rest (the fallback pages at old paths still lead readers on); see docs/deploying.md',
			);
		await writeFile(new URL('_redirects', dir), formatRedirects(rules, own));
		logger.info(
			`wrote ${rules.length} redirects (${data.aliases.length} aliases) to ${fileURLToPath(new URL('_redirects', dir))}`,
		);
		return { aliases: data.aliases.map((alias) => alias.from), live };
	}
}

/** The file Astro wrote for a path, and whether it is the alias fallback page (or a real page at that path). */
async function builtPage(dir: URL, path: string, format: 'file' | 'directory' | 'preserve') {
	const relative = decodeURI(path).replace(/^\/+/, '').replace(/\/$/, '');
	const candidates =
		format === 'file' ? [`${relative}.html`, `${relative}/index.html`] : [`${relative}/index.html`, `${relative}.html`];
	for (const candidate of candidates) {
		const url = new URL(candidate.split('/').map(encodeURIComponent).join('/'), dir);
		const handle = await open(url, 'r').catch(() => undefined);
		if (!handle) continue;
		try {
			const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
			return {
				file: candidate,
				fallback: buffer.subarray(0, bytesRead).toString('utf8').includes('data-newsroom-alias'),
			};
		} finally {
			await handle.close();
		}
	}
	return undefined;
}
