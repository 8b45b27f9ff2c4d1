import { createHash } from 'node:crypto';
import type { NewsroomOptions } from '../options.ts';
import { CONSENT_COOKIE, type IslandConfig } from './rules.ts';

/**
 * What the build derives from the `consent` options: the island's configuration (rules, no copy), the policy
 * revision, and what the banner, the settings dialog and the privacy page disclose: each category's purposes and
 * the cookies and storage keys it sets, by whom and for how long, and the third parties involved.
 */

type ConsentOptions = NewsroomOptions['consent'];

/**
 * The policy revision a choice must answer: the `revision` option and a hash of the categories and what they store,
 * so adding a category or a cookie asks every reader again without anyone remembering to bump the number.
 */
export function revisionOf(consent: ConsentOptions): string {
	const shape = consent.categories.map(({ id, required, refusedByGpc, googleConsent, cookies }) => [
		id,
		required,
		refusedByGpc,
		googleConsent,
		cookies.map((cookie) => [cookie.name, cookie.type, cookie.provider]),
	]);
	const hash = createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 6);
	return `${consent.revision}.${hash}`;
}

/** What the browser island needs from the `consent` options: no copy, only rules (keeps the page small). */
export function islandConfig(consent: ConsentOptions, site: string, log: string | null = null): IslandConfig {
	const hostname = new URL(site).hostname;
	return {
		revision: revisionOf(consent),
		maxAge: consent.maxAgeDays * 86_400,
		googleConsentMode: consent.googleConsentMode,
		googleTypes: [
			...new Set([
				...['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage'],
				...consent.categories.flatMap((category) => category.googleConsent),
			]),
		],
		log,
		categories: consent.categories.map(({ id, required, refusedByGpc, googleConsent, cookies }) => ({
			id,
			required,
			refusedByGpc,
			googleConsent,
			stored: cookies.map(({ name, type, path, domain }) => ({
				name,
				type,
				scopes: type === 'cookie' ? deletionScopes(hostname, path, domain) : [],
			})),
		})),
	};
}

/**
 * Every `;Path=…;Domain=…` a cookie may have been set with: on "/" and its declared path, for the page's host alone
 * (no Domain), for the site's host and each parent domain (analytics tags set theirs on the registrable domain), and
 * for its declared domain. A cookie is deleted only by an expired one with the same path and domain.
 */
export function deletionScopes(hostname: string, path = '/', domain?: string): string[] {
	const labels = hostname.split('.');
	const domains = labels.slice(0, -1).map((_, index) => `;Domain=${labels.slice(index).join('.')}`);
	if (domain) domains.push(`;Domain=${domain}`);
	return [...new Set(['/', path])].flatMap((scope) => [`;Path=${scope}`, ...domains.map((d) => `;Path=${scope}${d}`)]);
}

/** A cookie or storage key as readers see it disclosed: who sets it, why, and for how long. */
export interface DisclosedItem {
	name: string;
	type: 'cookie' | 'localStorage' | 'sessionStorage';
	provider: string;
	purpose: string;
	duration: string;
}

/**
 * The categories as the banner, the dialog and the privacy page disclose them, with every item they store. The
 * consent cookie itself is listed under the first required category unless the site declared it.
 */
export function disclosedCategories(consent: ConsentOptions, publication: string) {
	const declared = consent.categories.some((category) => category.cookies.some((cookie) => cookie.name === CONSENT_COOKIE));
	const firstRequired = consent.categories.findIndex((category) => category.required);
	return consent.categories.map((category, index) => {
		const items: DisclosedItem[] = category.cookies.map(({ name, type, provider, purpose, duration }) => ({
			name,
			type,
			provider,
			purpose,
			duration,
		}));
		if (!declared && index === firstRequired) {
			items.unshift({
				name: CONSENT_COOKIE,
				type: 'cookie',
				provider: publication,
				purpose: consent.labels.consentCookiePurpose,
				duration: consent.labels.days.replace('{days}', String(consent.maxAgeDays)),
			});
		}
		return { ...category, items };
	});
}

/** The third parties that store something once the reader consents: every provider but the publication. */
export function thirdParties(categories: ReturnType<typeof disclosedCategories>, publication: string): string[] {
	const providers = categories
		.filter((category) => !category.required)
		.flatMap((category) => category.items.map((item) => item.provider));
	return [...new Set(providers)].filter((provider) => provider !== publication);
}

/**
 * The sentences after the site's own `message` in the banner's first layer: what the optional categories are for
 * and which third parties are involved, in the site's language (lists through `Intl.ListFormat`).
 */
export function noticeDetails(consent: ConsentOptions, publication: string, locale: string): string[] {
	const list = new Intl.ListFormat(locale, { type: 'conjunction' });
	const optional = consent.categories.filter((category) => !category.required);
	const details: string[] = [];
	if (optional.length > 0) {
		const purposes = list.format(optional.map((category) => category.purpose ?? category.label));
		details.push(consent.labels.purposes.replace('{purposes}', purposes));
	}
	const providers = thirdParties(disclosedCategories(consent, publication), publication);
	if (providers.length > 0) details.push(consent.labels.thirdParties.replace('{providers}', list.format(providers)));
	return details;
}
