import type { Finding } from '../types.ts';
import type { Budget } from './budgets.ts';
import type { PageType } from './page-type.ts';
import type { PageWeight } from './page-weight.ts';

/** One finding per page and figure over its type's budget, naming both numbers. */
export function budgetFindings(weights: readonly PageWeight[], budgets: Readonly<Record<PageType, Budget>>): Finding[] {
	return weights.flatMap((weight) =>
		(['html', 'css', 'js'] as const).flatMap((figure) => {
			const budget = budgets[weight.type][figure];
			return budget !== undefined && weight[figure] > budget
				? [
						{
							where: weight.file,
							message: `${figure.toUpperCase()} is ${weight[figure]} gzip bytes, over the ${weight.type} budget of ${budget}`,
						},
					]
				: [];
		}),
	);
}
