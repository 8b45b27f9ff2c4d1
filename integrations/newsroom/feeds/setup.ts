import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HookParameters } from 'astro';
import { AstroError } from 'astro/errors';
import type { Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:newsroom/mdx-components';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

type SetupParameters = Pick<HookParameters<'astro:config:setup'>, 'config' | 'injectRoute' | 'updateConfig'>;

/**
 * Wires the feeds into a site: the site feed, one per section and per author, the stylesheet they link to, and
 * `virtual:newsroom/mdx-components` (the `mdxComponents` option, or an empty map) for rendering MDX articles.
 */
export function setupFeeds(
	{ config, injectRoute, updateConfig }: SetupParameters,
	mdxComponents: string | undefined,
): void {
	const route = (pattern: string, file: string) =>
		injectRoute({ pattern, entrypoint: new URL(`./routes/${file}`, import.meta.url), prerender: true });
	route('/rss.xml', 'site-feed.ts');
	route('/sections/[id]/rss.xml', 'section-feed.ts');
	route('/authors/[id]/rss.xml', 'author-feed.ts');
	route('/feed.xsl', 'feed-stylesheet.ts');
	updateConfig({
		vite: { plugins: [vitePluginMdxComponents(mdxComponents && resolveModule(mdxComponents, config.root))] },
	});
}

function resolveModule(path: string, root: URL): string {
	const file = fileURLToPath(new URL(path, root));
	if (!existsSync(file)) {
		throw new AstroError(
			`Invalid options passed to the newsroom integration:\n**mdxComponents**: "${path}" is not a file (looked for ${file})`,
			'Give the path of a module from the project root, e.g. mdxComponents: "./src/components/mdx-components.ts".',
		);
	}
	return file;
}

/** Serves the site's MDX component map as `virtual:newsroom/mdx-components`. */
function vitePluginMdxComponents(file: string | undefined): Plugin {
	return {
		name: 'newsroom:mdx-components',
		resolveId(id) {
			return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
		},
		load(id) {
			if (id !== RESOLVED_ID) return undefined;
			return file ? `export { default } from ${JSON.stringify(file)};` : 'export default {};';
		},
	};
}
