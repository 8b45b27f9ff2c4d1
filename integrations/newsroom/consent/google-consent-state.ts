import type { CategoryRule } from './types.ts';

/**
 * The Google Consent Mode v2 state for the granted categories: the four v2 types (and any other mapped type)
 * are "denied" unless a granted category maps to them.
 */
export function googleConsentState(rules: readonly CategoryRule[], granted: readonly string[]): Record<string, string> {
	const state: Record<string, string> = {
		ad_storage: 'denied',
		ad_user_data: 'denied',
		ad_personalization: 'denied',
		analytics_storage: 'denied',
	};
	for (const rule of rules) {
		for (const type of rule.googleConsent) {
			if (state[type] !== 'granted') state[type] = granted.includes(rule.id) ? 'granted' : 'denied';
		}
	}
	return state;
}
