import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { NewsroomOptions } from '../options.ts';

/**
 * The cookie-consent island (`<CookieConsent />`, placed by the site's layout) and its checks: after a build, the
 * cookie policy the banner links to must be a page of the site, or every reader's "Read More" is a 404.
 */
export function consentIntegration(options: NewsroomOptions): AstroIntegration {
	return {
		name: '@newsroom/astro/consent',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const { policyUrl } = options.consent;
				if (/^https?:\/\//.test(policyUrl) || isPage(new URL(policyUrl.replace(/^\/+/, ''), dir))) return;
				logger.warn(
					`consent.policyUrl "${policyUrl}" is not a page of this build: the cookie banner's "${options.consent.readMoreLabel}" link leads nowhere. Add the page (e.g. src/pages/privacy.astro) or point the option at it.`,
				);
			},
		},
	};
}

/** Whether a built page answers at `url` (a folder with index.html, an .html file, or a file). */
function isPage(url: URL): boolean {
	const path = fileURLToPath(url).replace(/\/$/, '');
	const candidates = [`${path}/index.html`, `${path}.html`, path];
	return candidates.some((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}
