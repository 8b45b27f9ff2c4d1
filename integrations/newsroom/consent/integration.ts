import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { builtFiles, injectRoutes } from '../core/wiring.ts';
import type { PageFacts } from '../incremental/page-facts.ts';
import type { NewsroomOptions } from '../options.ts';

/**
 * The cookie-consent island (`<CookieConsent />`, placed by the site's layout; `<ConsentEmbed>` for third-party
 * content) and its checks. It serves `/.well-known/gpc.json`, and after a build it fails when a page carries a
 * third-party iframe outside a consent embed (it would load before any choice), and warns when the cookie policy
 * the banner links to is not a page of the site.
 */
export function consentIntegration(
	options: NewsroomOptions,
	/** Where built pages are read: once per build, and not at all when Astro reused them unchanged. */
	pageFacts: PageFacts,
): AstroIntegration {
	const iframesOf = pageFacts.reader('consent', import.meta.url, iframeSources);
	let site: URL | undefined;
	return {
		name: '@newsroom/astro/consent',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				injectRoutes(injectRoute, import.meta.url, { '/.well-known/gpc.json': './routes/gpc.json.ts' });
			},
			'astro:config:done': ({ config }) => {
				site = config.site ? new URL(config.site) : undefined;
			},
			'astro:build:done': async ({ dir, assets, logger }) => {
				// Each page's iframes as read once for every check after the build (page-facts.ts).
				const ungated: { page: URL; src: string }[] = [];
				for (const page of builtFiles(assets, { html: true })) {
					for (const src of await iframesOf(page)) {
						if (new URL(src, site ?? 'https://invalid.example/').origin !== site?.origin) ungated.push({ page, src });
					}
				}
				if (ungated.length > 0) {
					throw new AstroError(
						`Third-party content would load before the reader's consent:\n${ungated
							.map(({ page, src }) => `${fileURLToPath(page).slice(fileURLToPath(dir).length - 1)}: <iframe src="${src}">`)
							.join('\n')}`,
						'Wrap it in <ConsentEmbed src="…" title="…" provider="…" /> (from @newsroom/astro/components), which loads it once its consent category is granted.',
					);
				}
				const { policyUrl } = options.consent;
				if (/^https?:\/\//.test(policyUrl) || isPage(new URL(policyUrl.replace(/^\/+/, ''), dir))) return;
				logger.warn(
					`consent.policyUrl "${policyUrl}" is not a page of this build: the cookie banner's "${options.consent.readMoreLabel}" link leads nowhere. Add the page (e.g. src/pages/privacy.astro) or point the option at it.`,
				);
			},
		},
	};
}

const parser = unified().use(rehypeParse);

/**
 * The addresses of a built page's iframes that load straight away: every `<iframe src>` except those waiting in a
 * `<template>` (a consent embed's, loaded once consent is given). Those on another site fail the build.
 */
function iframeSources(html: string): string[] {
	if (!html.includes('<iframe')) return [];
	const found: string[] = [];
	// A template's content is not among its children in hast, so `visit` never enters a gated embed.
	visit(parser.parse(html) as Root, 'element', (element) => {
		if (element.tagName !== 'iframe') return;
		const src = String(element.properties['src'] ?? '');
		if (src) found.push(src);
	});
	return found;
}

/** Whether a built page answers at `url` (a folder with index.html, an .html file, or a file). */
function isPage(url: URL): boolean {
	const path = fileURLToPath(url).replace(/\/$/, '');
	const candidates = [`${path}/index.html`, `${path}.html`, path];
	return candidates.some((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}
