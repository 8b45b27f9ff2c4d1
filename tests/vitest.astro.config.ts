import { getViteConfig } from 'astro/config';

export default getViteConfig(
	{
		test: {
			name: 'astro',
			include: ['tests/astro/**/*.test.ts'],
			environment: 'node',
			testTimeout: 60_000,
		},
	},
	{ root: new URL('..', import.meta.url).pathname, logLevel: 'error' },
);
