import { formatTable } from '../report/format-table.ts';
import type { Budget } from './budgets.ts';
import { type PageType, pageTypes } from './page-type.ts';
import type { PageWeight } from './page-weight.ts';

/** The figures per page type: how many pages, and the largest HTML, CSS and JS in gzip bytes, each beside its budget. */
export function weightTable(weights: readonly PageWeight[], budgets: Readonly<Record<PageType, Budget>>): string[] {
	const rows = pageTypes.flatMap((type) => {
		const ofType = weights.filter((weight) => weight.type === type);
		if (ofType.length === 0) return [];
		const figure = (name: keyof Budget) => {
			const largest = Math.max(...ofType.map((weight) => weight[name]));
			const budget = budgets[type][name];
			return budget === undefined ? String(largest) : `${largest} ≤ ${budget}`;
		};
		return [[type, String(ofType.length), figure('html'), figure('css'), figure('js')]];
	});
	return formatTable(['page type', 'pages', 'HTML (max)', 'CSS (max)', 'JS (max)'], rows);
}
