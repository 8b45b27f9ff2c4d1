import type { NewsroomOptions } from '../options.ts';
import type { IslandConfig } from './types.ts';

/** What the browser island needs from the `consent` options: no copy, only rules (keeps the page small). */
export function islandConfig(consent: NewsroomOptions['consent']): IslandConfig {
	return {
		revision: consent.revision,
		maxAge: consent.maxAgeDays * 86_400,
		googleConsentMode: consent.googleConsentMode,
		categories: consent.categories.map(({ id, required, refusedByGpc, googleConsent, cookies }) => ({
			id,
			required,
			refusedByGpc,
			googleConsent,
			cookies,
		})),
	};
}
