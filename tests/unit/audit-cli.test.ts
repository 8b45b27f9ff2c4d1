import { describe, expect, it } from 'vitest';
import { cliOptions, gateNames } from '../../scripts/audit/cli-options.ts';

describe('cliOptions', () => {
	it('checks dist/ with every CI gate by default', () => {
		expect(cliOptions([])).toEqual({ dist: 'dist', site: undefined, gates: [...gateNames], help: false });
	});

	it('reads --dist, --site and --only, with a space or an equals sign, and adds Lighthouse only on request', () => {
		expect(
			cliOptions(['--dist', 'out', '--site=https://x.example/', '--only', 'links,weight', '--lighthouse']),
		).toEqual({
			dist: 'out',
			site: 'https://x.example/',
			gates: ['links', 'weight', 'lighthouse'],
			help: false,
		});
		expect(cliOptions(['--dist=build']).dist).toBe('build');
	});

	it('rejects unknown options and gates, and options without a value, showing the usage', () => {
		expect(() => cliOptions(['--fast'])).toThrow(/^Unknown option "--fast"\.\n\nUsage: npm run audit/);
		expect(() => cliOptions(['--only', 'links,spelling'])).toThrow(
			/^--only: unknown gate "spelling"; the gates are html, a11y, links, feeds, weight, headers, security\./,
		);
		expect(() => cliOptions(['--dist'])).toThrow(/^--dist needs a value\./);
	});
});
