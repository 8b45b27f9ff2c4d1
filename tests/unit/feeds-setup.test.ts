import type { AstroIntegration, HookParameters } from 'astro';
import { describe, expect, it } from 'vitest';
import { contentIntegration } from '../../integrations/newsroom/content/integration.ts';
import { createVirtualModules } from '../../integrations/newsroom/core/wiring.ts';
import { feedsIntegration } from '../../integrations/newsroom/feeds/integration.ts';
import { resolveOptions } from '../../integrations/newsroom/options.ts';

type Setup = HookParameters<'astro:config:setup'>;

/**
 * Runs the feeds' and the content model's `astro:config:setup` for a project at `root`, recording the routes they
 * inject and serving the virtual modules they declare through the one shared plugin.
 */
async function setup(root: URL, mdxComponents?: string) {
	const routes: { pattern: string; entrypoint: string | URL; prerender?: boolean | undefined }[] = [];
	const updates: unknown[] = [];
	const modules = createVirtualModules();
	const config = {
		root,
		integrations: [{ name: '@astrojs/mdx', hooks: {} }],
		experimental: { collectionStorage: 'single-file' },
	} as unknown as Setup['config'];
	const params = {
		config,
		injectRoute: (route: (typeof routes)[number]) => void routes.push(route),
		updateConfig: (update: unknown) => {
			updates.push(update);
			return config;
		},
	} as unknown as Setup;
	const run = (integration: AstroIntegration) => integration.hooks['astro:config:setup']?.(params);
	await run(feedsIntegration());
	await run(contentIntegration(resolveOptions({ name: 'The Daily', mdxComponents, consent: { contact: 'privacy@daily.example' } }), modules));
	return { routes, updates, mdxModule: () => virtualModule(modules.plugin) };
}

/** What `import components from 'virtual:newsroom/mdx-components'` loads. */
function virtualModule(plugin: ReturnType<typeof createVirtualModules>['plugin']): string {
	const resolveId = plugin.resolveId as (id: string) => string | undefined;
	const load = plugin.load as (id: string) => string | undefined;
	return load(resolveId('virtual:newsroom/mdx-components')!)!;
}

const repo = new URL('../../', import.meta.url);

describe('the feeds and the MDX components they render with', () => {
	it('injects the prerendered site, section, author and topic feeds, the JSON Feed and the stylesheet', async () => {
		const { routes, updates } = await setup(repo);
		expect(routes.map(({ pattern, prerender }) => [pattern, prerender])).toEqual([
			['/rss.xml', true],
			['/sections/[id]/rss.xml', true],
			['/authors/[id]/rss.xml', true],
			['/tags/[tag]/rss.xml', true],
			['/feed.json', true],
			['/feed.css', true],
		]);
		expect(
			routes.every(({ entrypoint }) => entrypoint instanceof URL && entrypoint.pathname.includes('/feeds/routes/')),
		).toBe(true);
		// Virtual modules go through the one shared plugin: no feature adds a Vite plugin of its own.
		expect(updates).toHaveLength(0);
	});

	it('serves an empty component map for MDX when the mdxComponents option is not set', async () => {
		expect((await setup(repo)).mdxModule()).toBe('export default {};');
	});

	it('serves the mdxComponents module, resolved from the project root', async () => {
		const file = new URL('tests/fixtures/feeds-site/mdx-components.ts', repo).pathname;
		expect((await setup(new URL('tests/fixtures/feeds-site/', repo), './mdx-components.ts')).mdxModule()).toBe(
			`export { default } from ${JSON.stringify(file)};`,
		);
	});

	it('fails with the option, the path and what was expected when the mdxComponents module is missing', async () => {
		await expect(setup(repo, './src/components/nope.ts')).rejects.toThrow(
			`Invalid options passed to the newsroom integration:\n**mdxComponents**: "./src/components/nope.ts" is not a file (looked for ${new URL('src/components/nope.ts', repo).pathname})`,
		);
	});
});
