import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { siteUrl } from '../core/urls.ts';
import { defaultExport, injectRoutes, type VirtualModules } from '../core/wiring.ts';
import type { NewsroomOptions } from '../options.ts';
import { decapConfig } from './decap-config.ts';
import { decapBundle } from './decap-files.ts';
import { deskPolicy } from './desk-policy.ts';
import { type LocalBackend, startLocalBackend } from './local-backend.ts';
import { ADMIN_PATH, DECAP_FOLDER } from './names.ts';

/**
 * The editors' desk (the `cms` option): Decap CMS at `/admin/`, served by the site from npm, configured from the
 * content schemas (`/admin/config.yml`), previewing articles with the site's stylesheets; under `astro dev`, its
 * local backend so the editor writes to the files on disk. Without the option it does nothing.
 */
export function cmsIntegration(options: NewsroomOptions, modules: VirtualModules): AstroIntegration {
	const { cms } = options;
	let backend: LocalBackend | undefined;
	let projectRoot: URL | undefined;
	/** Whether this is `astro dev` (the only command that gets the local backend). */
	let devServer = false;
	return {
		name: '@newsroom/astro/cms',
		hooks: {
			'astro:config:setup': ({ command, config, injectRoute, logger }) => {
				if (!cms) return;
				devServer = command === 'dev';
				const root = fileURLToPath(config.root);
				const contentDir = relative(root, resolve(root, options.contentDir)).split(sep).join('/');
				if (contentDir.startsWith('..') || isAbsolute(contentDir)) {
					// Builds over content kept elsewhere (tests, benchmarks) still work; there is nothing for the CMS to edit.
					logger.warn(
						`no CMS at ${ADMIN_PATH}: contentDir "${options.contentDir}" is outside the project, and the CMS edits the project's files`,
					);
					return;
				}
				projectRoot = config.root;
				const site = siteUrl(config.site!, config.base);
				const decap = decapBundle(config.root);
				const generated = decapConfig(cms, {
					contentDir,
					timeZone: options.timeZone,
					site,
					// A path on the site itself: the admin page loads nothing from elsewhere (the production host may not
					// even exist yet when the CMS runs on localhost).
					logo: `${config.base.replace(/\/$/, '')}${options.logo}`,
				});
				modules.set('cms', defaultExport({ config: generated, decap, policy: deskPolicy(cms) }));
				// Imported `?inline` by the admin page's script: the preview gets the stylesheets as Vite builds them.
				modules.set(
					'cms-preview',
					[
						...cms.previewStylesheets.map(
							(file, index) => `import style${index} from ${JSON.stringify(`${resolve(root, file)}?inline`)};`,
						),
						`export default { locale: ${JSON.stringify(options.locale)}, styles: [${cms.previewStylesheets.map((_, index) => `style${index}`).join(', ')}] };`,
					].join('\n'),
				);
				const admin = ADMIN_PATH.replace(/\/$/, '');
				injectRoutes(injectRoute, import.meta.url, {
					[admin]: './routes/admin.astro',
					[`${admin}/config.yml`]: './routes/config.yml.ts',
					[`${admin}/${DECAP_FOLDER}[name].js`]: './routes/decap-file.ts',
					[`${admin}/${DECAP_FOLDER}[name].wasm`]: './routes/decap-file.ts',
				});
			},
			'astro:server:setup': ({ logger }) => {
				// Astro also sets up a server while it builds; the local backend is for `astro dev` only.
				if (!cms?.localBackendPort || !projectRoot || !devServer) return;
				backend = startLocalBackend({ root: projectRoot, port: cms.localBackendPort, logger });
			},
			'astro:server:done': () => {
				backend?.stop();
				backend = undefined;
			},
		},
	};
}
