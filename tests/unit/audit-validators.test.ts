import { describe, expect, it } from 'vitest';
import { axeFindings } from '../../scripts/audit/a11y/axe-findings.ts';
import { axeTargets } from '../../scripts/audit/a11y/axe-targets.ts';
import { vnuFindings } from '../../scripts/audit/html/vnu-findings.ts';
import { lighthouseScores } from '../../scripts/audit/lighthouse/lighthouse-scores.ts';
import { pagePath } from '../../scripts/audit/links/page-path.ts';
import { prefixesFromUrls } from '../../scripts/audit/weight/prefixes-from-urls.ts';

describe('vnuFindings', () => {
	it('keeps the Nu checker’s errors with file, line, column and extract, and drops warnings', () => {
		const json = JSON.stringify({
			messages: [
				{
					type: 'error',
					url: 'file:/site/dist/articles/a/index.html',
					lastLine: 6,
					firstColumn: 40,
					lastColumn: 45,
					message: 'Stray end tag “div”.',
					extract: 'wrong tag.</div>\n<ul>',
				},
				{
					type: 'info',
					subType: 'warning',
					url: 'file:/site/dist/index.html',
					message: 'Consider adding a “lang” attribute.',
				},
				{
					type: 'non-document-error',
					subType: 'fatal',
					url: 'file:/site/dist/broken.html',
					message: 'Cannot read file.',
				},
			],
		});
		expect(vnuFindings(json, '/site/dist')).toEqual([
			{ where: 'articles/a/index.html:6:40', message: 'Stray end tag “div”. — near “wrong tag.</div> <ul>”' },
			{ where: 'broken.html', message: 'Cannot read file.' },
		]);
		expect(vnuFindings('{"messages":[]}', '/site/dist')).toEqual([]);
	});

	it('throws on output that is not the JSON report', () => {
		expect(() => vnuFindings('Error: Unable to access jarfile', '/d')).toThrow();
	});
});

describe('axeTargets', () => {
	const pages = [
		'index.html',
		'articles/b/index.html',
		'articles/a/index.html',
		'tags/x/index.html',
		'privacy/index.html',
	].map((file) => ({
		file,
		path: pagePath(file),
	}));

	it('takes the first page of each checked type in the given order and names the missing types', () => {
		expect(axeTargets(pages, prefixesFromUrls())).toEqual({
			targets: [
				{ file: 'index.html', path: '/' },
				{ file: 'articles/b/index.html', path: '/articles/b/' },
				{ file: 'tags/x/index.html', path: '/tags/x/' },
			],
			missing: ['section', 'author'],
		});
	});
});

describe('axeFindings', () => {
	it('names the rule, impact, help, failing elements (five at most) and the rule’s page', () => {
		const nodes = Array.from({ length: 7 }, (_, index) => ({ target: [`li:nth-child(${index + 1}) > img`] }));
		expect(
			axeFindings('/', [
				{
					id: 'image-alt',
					impact: 'critical',
					help: 'Images must have alternative text',
					helpUrl: 'https://dequeuniversity.com/rules/axe/4.14/image-alt',
					nodes,
				},
				{
					id: 'color-contrast',
					impact: null,
					help: 'Elements must meet minimum color contrast ratio thresholds',
					nodes: [{ target: ['main > p'] }],
				},
			]),
		).toEqual([
			{
				where: '/',
				message:
					'image-alt (critical): Images must have alternative text — li:nth-child(1) > img, li:nth-child(2) > img, li:nth-child(3) > img, li:nth-child(4) > img, li:nth-child(5) > img and 2 more (https://dequeuniversity.com/rules/axe/4.14/image-alt)',
			},
			{
				where: '/',
				message:
					'color-contrast (no impact given): Elements must meet minimum color contrast ratio thresholds — main > p',
			},
		]);
	});
});

describe('lighthouseScores', () => {
	it('turns category scores into 0–100 and keeps unscored categories as null', () => {
		expect(
			lighthouseScores({
				categories: {
					performance: { score: 0.987 },
					accessibility: { score: 1 },
					'best-practices': { score: null },
					seo: { score: 0.92 },
					pwa: { score: 0.1 },
				},
			}),
		).toEqual({ performance: 99, accessibility: 100, 'best-practices': null, seo: 92 });
	});
});
