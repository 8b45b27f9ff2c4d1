import type { NewsroomOptions } from '../options.ts';

/**
 * The consent rules, shared by the page (`CookieConsent.astro`) and the browser island (`consent-element.ts`):
 * the stored choice and its cookie, which categories a choice grants (Global Privacy Control included), which
 * gated scripts may run, which cookies a refusal deletes, and the Google Consent Mode state. Pure functions: the
 * island ships them to every page, so every byte counts.
 */

/** A reader's stored choice: the categories they allowed, under which policy revision, and when. */
export interface ConsentChoice {
	revision: number;
	/** When the reader chose, as an ISO 8601 instant. */
	timestamp: string;
	/** Ids of the allowed categories, required ones included, in the configured order. */
	categories: string[];
}

/** What the browser island needs to know about one category (the options, minus copy). */
export interface CategoryRule {
	id: string;
	/** Always allowed (e.g. "necessary"). */
	required: boolean;
	/** Refused whenever the browser sends Global Privacy Control. */
	refusedByGpc: boolean;
	/** Google Consent Mode types granted with this category, e.g. ["analytics_storage"]. */
	googleConsent: string[];
	/** Cookie names (a trailing "*" matches a prefix) deleted while this category is refused. */
	cookies: string[];
}

/** The island's configuration, serialized into `<newsroom-consent data-config>`. */
export interface IslandConfig {
	revision: number;
	/** Lifetime of the consent cookie, in seconds. */
	maxAge: number;
	googleConsentMode: boolean;
	categories: CategoryRule[];
}

/** The one first-party cookie that holds the reader's choice. */
export const CONSENT_COOKIE = 'newsroom-consent';

/**
 * A choice as a cookie value, `revision|timestamp|id+id`, e.g. `1|2026-01-29T06:00:00.000Z|necessary+analytics`
 * (only cookie-safe characters: category ids are lowercase letters, digits, "-" and "_").
 */
export function serializeChoice(choice: ConsentChoice): string {
	return `${choice.revision}|${choice.timestamp}|${choice.categories.join('+')}`;
}

/** Reads a cookie value written by `serializeChoice`; anything malformed counts as "no choice yet". */
export function parseChoice(value: string | undefined): ConsentChoice | undefined {
	const match = /^(\d+)\|(\d{4}-\d\d-\d\dT[\d:.]+Z)\|([a-z][\w-]*(?:\+[a-z][\w-]*)*)?$/.exec(value ?? '');
	if (!match || Number.isNaN(Date.parse(match[2]!))) return undefined;
	return { revision: Number(match[1]), timestamp: match[2]!, categories: match[3]?.split('+') ?? [] };
}

/** The `document.cookie` assignment storing a choice: first-party, whole site, `maxAge` seconds, SameSite=Lax. */
export function consentCookie(choice: ConsentChoice, maxAge: number, secure: boolean): string {
	return `${CONSENT_COOKIE}=${serializeChoice(choice)};Path=/;Max-Age=${maxAge};SameSite=Lax${secure ? ';Secure' : ''}`;
}

/** The value of cookie `name` in a `document.cookie` string, or undefined. */
export function readCookie(cookies: string, name: string): string | undefined {
	for (const pair of cookies.split(/; */)) {
		const split = pair.indexOf('=');
		if (pair.slice(0, split) === name) return pair.slice(split + 1);
	}
	return undefined;
}

/** The names of the cookies in a `document.cookie` string. */
export function cookieNames(cookies: string): string[] {
	return cookies ? cookies.split(/; */).map((pair) => pair.split('=')[0]!) : [];
}

/**
 * `document.cookie` assignments that delete cookie `name` on path "/" whether it was set for the host alone or
 * for a parent domain (analytics tags set theirs on the registrable domain): one per domain suffix of `hostname`.
 */
export function cookieDeletions(name: string, hostname: string): string[] {
	const domains = hostname.split('.').map((_, index, labels) => `;Domain=${labels.slice(index).join('.')}`);
	return ['', ...domains].map((domain) => `${name}=;Max-Age=0;Path=/${domain}`);
}

/**
 * The categories a choice allows: every required one, plus the requested ones the browser's Global Privacy
 * Control signal (`gpc`) does not refuse, in the configured order.
 */
export function grantedCategories(
	rules: readonly CategoryRule[],
	requested: readonly string[],
	gpc: boolean,
): string[] {
	return rules
		.filter((rule) => rule.required || (requested.includes(rule.id) && !(gpc && rule.refusedByGpc)))
		.map((rule) => rule.id);
}

/** Whether a gated script may run: every category in its `data-consent` (space-separated) is granted. */
export function isConsented(gate: string, granted: readonly string[]): boolean {
	const needed = gate.split(' ').filter(Boolean);
	return needed.length > 0 && needed.every((id) => granted.includes(id));
}

/** The `existing` cookies configured for a category that is not granted ("_ga_*" matches "_ga_X1"). */
export function refusedCookieNames(
	rules: readonly CategoryRule[],
	granted: readonly string[],
	existing: readonly string[],
): string[] {
	const patterns = rules.filter((rule) => !granted.includes(rule.id)).flatMap((rule) => rule.cookies);
	return existing.filter((name) =>
		patterns.some((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern)),
	);
}

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
