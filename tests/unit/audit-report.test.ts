import { describe, expect, it } from 'vitest';
import { findingsShown, formatReport } from '../../scripts/audit/report/format-report.ts';
import { formatTable } from '../../scripts/audit/report/format-table.ts';

describe('formatTable', () => {
	it('pads text columns left and number columns right', () => {
		expect(
			formatTable(
				['page', 'bytes'],
				[
					['home', '5'],
					['article', '12345'],
				],
			),
		).toEqual(['page     bytes', '-------  -----', 'home         5', 'article  12345']);
	});
});

describe('formatReport', () => {
	it('shows each gate as PASS or FAIL with its figures and findings, then the passed/failed line', () => {
		const report = formatReport('/site/dist', [
			{ gate: 'Links', figures: ['10 internal references'], findings: [] },
			{
				gate: 'HTML validity',
				figures: ['2 pages checked, 1 errors'],
				findings: [{ where: 'index.html:3:1', message: 'Stray end tag “div”.' }],
			},
		]);
		expect(report.split('\n')).toEqual([
			'Quality gates for /site/dist',
			'',
			'PASS  Links',
			'      10 internal references',
			'',
			'FAIL  HTML validity — 1 problem',
			'      2 pages checked, 1 errors',
			'      ✗ index.html:3:1: Stray end tag “div”.',
			'',
			'Failed: HTML validity.',
			'gates: 1 passed, 1 failed',
		]);
	});

	it('lists a bounded number of findings and counts the rest', () => {
		const findings = Array.from({ length: findingsShown + 3 }, (_, index) => ({
			where: `page-${index}`,
			message: 'broken',
		}));
		const lines = formatReport('d', [{ gate: 'Links', figures: [], findings }]).split('\n');
		expect(lines.filter((line) => line.includes('✗'))).toHaveLength(findingsShown);
		expect(lines).toContain('      … and 3 more');
		expect(lines.at(-1)).toBe('gates: 0 passed, 1 failed');
	});
});
