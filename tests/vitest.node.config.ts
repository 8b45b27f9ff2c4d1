import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		name: 'node',
		root: new URL('..', import.meta.url).pathname,
		include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
		environment: 'node',
		// The sample site is built once (with a fixed clock) and shared by every build and browser test.
		globalSetup: ['tests/helpers/global-setup.ts'],
		testTimeout: 120_000,
		hookTimeout: 300_000,
		// Builds and browsers are heavy and the machine has two cores: run test files one at a time.
		fileParallelism: false,
	},
});
