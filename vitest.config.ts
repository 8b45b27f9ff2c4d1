import { defineConfig } from 'vitest/config';

// Two projects: plain Node tests (unit tests of the pure cores, and real Astro builds through
// `import { build } from 'astro'`), and Astro-aware tests (Container API) whose Vite config comes from
// `getViteConfig`, which aliases the bare `astro` import and so cannot share a project with the builds.
export default defineConfig({
	test: {
		projects: ['tests/vitest.node.config.ts', 'tests/vitest.astro.config.ts'],
	},
});
