import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatHeaders, headerRules } from './headers.ts';

/** The files this integration writes into the build folder. */
export const CDN_FILES = ['_headers'] as const;

/**
 * Writes `_headers` (cache rules and the security headers for Netlify and Cloudflare Pages) into the build folder.
 * Added last, so its `astro:build:done` runs once every file, sitemaps included, is written and the security
 * feature has worked out `securityHeaders`. A site's own `public/_headers` is left as it is.
 */
export function cdnIntegration(securityHeaders: readonly [string, string][] = []): AstroIntegration {
	let base = '/';
	let assetsDir = '_astro';
	let ownFile = false;
	return {
		name: '@newsroom/astro/cdn',
		hooks: {
			'astro:config:done': ({ config, logger }) => {
				base = config.base;
				assetsDir = config.build.assets;
				ownFile = existsSync(new URL('_headers', config.publicDir));
				if (ownFile)
					logger.info('public/_headers exists, so newsroom does not write cache rules: see docs/deploying.md on caching');
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (ownFile) return;
				const entries = (await readdir(dir, { withFileTypes: true })).map((entry) => ({
					name: entry.name,
					folder: entry.isDirectory(),
				}));
				const rules = headerRules({ entries, base, assetsDir, securityHeaders });
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
}
