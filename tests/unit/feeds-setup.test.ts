import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { setupFeeds } from '../../integrations/newsroom/feeds/setup.ts';

type Setup = Parameters<typeof setupFeeds>[0];

/** Runs the feed set-up for a project at `root`, recording the routes it injects and the config it adds. */
function setup(root: URL, mdxComponents?: string) {
	const routes: { pattern: string; entrypoint: string | URL; prerender?: boolean | undefined }[] = [];
	const updates: { vite: { plugins: Plugin[] } }[] = [];
	const config = { root } as Setup['config'];
	const injectRoute: Setup['injectRoute'] = (route) => void routes.push(route);
	const updateConfig: Setup['updateConfig'] = (update) => {
		updates.push(update as (typeof updates)[number]);
		return config;
	};
	setupFeeds({ config, injectRoute, updateConfig }, mdxComponents);
	return { routes, updates, mdxModule: () => virtualModule(updates[0]!.vite.plugins[0]!) };
}

/** What `import components from 'virtual:newsroom/mdx-components'` loads. */
function virtualModule(plugin: Plugin): string {
	const resolveId = plugin.resolveId as (id: string) => string | undefined;
	const load = plugin.load as (id: string) => string | undefined;
	return load(resolveId('virtual:newsroom/mdx-components')!)!;
}

const repo = new URL('../../', import.meta.url);

describe('setupFeeds', () => {
	it('injects the prerendered site, section and author feeds and the stylesheet', () => {
		const { routes, updates } = setup(repo);
		expect(routes.map(({ pattern, prerender }) => [pattern, prerender])).toEqual([
			['/rss.xml', true],
			['/sections/[id]/rss.xml', true],
			['/authors/[id]/rss.xml', true],
			['/feed.xsl', true],
		]);
		expect(
			routes.every(({ entrypoint }) => entrypoint instanceof URL && entrypoint.pathname.includes('/feeds/routes/')),
		).toBe(true);
		expect(updates).toHaveLength(1);
	});

	it('serves an empty component map for MDX when the mdxComponents option is not set', () => {
		expect(setup(repo).mdxModule()).toBe('export default {};');
	});

	it('serves the mdxComponents module, resolved from the project root', () => {
		const file = new URL('tests/fixtures/feeds-site/mdx-components.ts', repo).pathname;
		expect(setup(new URL('tests/fixtures/feeds-site/', repo), './mdx-components.ts').mdxModule()).toBe(
			`export { default } from ${JSON.stringify(file)};`,
		);
	});

	it('fails with the option, the path and what was expected when the mdxComponents module is missing', () => {
		expect(() => setup(repo, './src/components/nope.ts')).toThrow(
			`Invalid options passed to the newsroom integration:\n**mdxComponents**: "./src/components/nope.ts" is not a file (looked for ${new URL('src/components/nope.ts', repo).pathname})`,
		);
	});
});
