import type { NewsroomOptions } from '../options.ts';

/**
 * What the editors' desk (`/admin/`) may load beyond a reader's page, for its Content-Security-Policy: Decap CMS
 * compiles its configuration schema at run time (`'unsafe-eval'`) and runs WebAssembly, styles itself with inline
 * styles (CSS-in-JS), talks to its repository's API (and, on localhost, to the local backend), shows uploads
 * as `blob:` images and reads them back from `blob:` URLs to save them. None of this reaches readers' pages: the security feature gives `/admin/` a policy and
 * headers of its own. Its sign-in opens a window on the Git host that reports back (`same-origin-allow-popups`).
 */
export interface DeskPolicy {
	/** For `Astro.csp.insertScriptResource`. */
	scriptResources: string[];
	/** For `Astro.csp.insertStyleResource`. */
	styleResources: string[];
	/** For `Astro.csp.insertDirective` (merged into the site's directives of the same name). */
	directives: string[];
}

export const DESK_OPENER_POLICY = 'same-origin-allow-popups';

/** The inline script the admin page runs before Decap's bundle (hashed into its policy). */
export const MANUAL_INIT = 'window.CMS_MANUAL_INIT = true;';

export function deskPolicy(cms: NonNullable<NewsroomOptions['cms']>): DeskPolicy {
	const { backend } = cms;
	const api = backend.apiRoot ?? (backend.name === 'github' ? 'https://api.github.com' : 'https://gitlab.com/api/v4');
	const connect = [
		'blob:',
		new URL(api).origin,
		// GitLab's PKCE sign-in exchanges its code for a token with a request.
		...(backend.name === 'gitlab' ? ['https://gitlab.com'] : []),
		...(backend.baseUrl ? [new URL(backend.baseUrl).origin] : []),
		...(cms.localBackendPort ? [`http://127.0.0.1:${cms.localBackendPort}`, `http://localhost:${cms.localBackendPort}`] : []),
	];
	return {
		scriptResources: ["'unsafe-eval'", "'wasm-unsafe-eval'"],
		styleResources: ["'self'", "'unsafe-inline'"],
		directives: [`connect-src ${[...new Set(connect)].join(' ')}`, 'img-src blob:', 'frame-src blob:'],
	};
}
