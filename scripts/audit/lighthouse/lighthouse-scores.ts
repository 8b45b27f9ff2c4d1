/** The four Lighthouse categories the audit prints, in Lighthouse's own order. */
export const lighthouseCategories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** A Lighthouse result's category scores as 0–100 (null when Lighthouse could not score a category). */
export function lighthouseScores(lhr: {
	categories: Record<string, { score: number | null } | undefined>;
}): Record<(typeof lighthouseCategories)[number], number | null> {
	const score = (id: string) => {
		const value = lhr.categories[id]?.score;
		return value === null || value === undefined ? null : Math.round(value * 100);
	};
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		'best-practices': score('best-practices'),
		seo: score('seo'),
	};
}
