/**
 * The consent rules the browser island (`consent-element.ts`) runs on every page: the stored choice and its cookie,
 * which categories a choice grants (Global Privacy Control included), which gated scripts and embeds may run, what a
 * refusal deletes, and the Google Consent Mode state. Pure, small and browser-safe: every byte ships to every page.
 */

/** A reader's stored choice: the categories they allowed, under which policy revision, when, and its proof. */
export interface ConsentChoice {
	/** The policy revision the choice answers (`revisionOf`). */
	revision: string;
	/** When the reader chose, as an ISO 8601 instant. */
	timestamp: string;
	/** A random id for this decision: what the site's consent log records, and nothing else identifies the reader. */
	id: string;
	/** Ids of the allowed categories, required ones included, in the configured order. */
	categories: string[];
	/** Global Privacy Control overrode part of this choice (categories it refuses were dropped). */
	gpc: boolean;
}

/** Something a category stores on the reader's device, as the island deletes it. */
export interface StoredItem {
	/** Its name; a trailing "*" matches a prefix ("_ga_*"). */
	name: string;
	type: 'cookie' | 'localStorage' | 'sessionStorage';
	/**
	 * Cookies: the `;Path=…;Domain=…` attributes of every way it may have been set (see `deletionScopes`), each
	 * deleted by an expired cookie with the same attributes.
	 */
	scopes: string[];
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
	/** What this category stores, deleted while it is refused or withdrawn. */
	stored: StoredItem[];
}

/** The island's configuration, serialized into `<newsroom-consent data-config>`. */
export interface IslandConfig {
	revision: string;
	/** Lifetime of a choice, in seconds: older choices are asked again. */
	maxAge: number;
	googleConsentMode: false | 'basic' | 'advanced';
	/** The Consent Mode types the state names: the four v2 types, then any other a category maps. */
	googleTypes: string[];
	/** Where each new decision is sent (`navigator.sendBeacon`), if the site keeps a consent log. */
	log: string | null;
	categories: CategoryRule[];
}

/** The one first-party cookie that holds the reader's choice. */
export const CONSENT_COOKIE = 'newsroom-consent';

/**
 * The gate of scripts that run before any choice under Google Consent Mode's advanced set-up (`googleConsentMode:
 * 'advanced'`): `<script type="text/plain" data-consent="consent-mode">`. Never shown as a category, and disclosed
 * on the privacy page; with any other mode such scripts never run.
 */
export const CONSENT_MODE_GATE = 'consent-mode';

/**
 * A choice as a cookie value, `revision|timestamp|id|id+id|gpc`, e.g.
 * `1.3f9a2c|2026-01-29T06:00:00.000Z|5f0c…|necessary+analytics|` (only cookie-safe characters).
 */
export function serializeChoice(choice: ConsentChoice): string {
	return `${choice.revision}|${choice.timestamp}|${choice.id}|${choice.categories.join('+')}|${choice.gpc ? 'gpc' : ''}`;
}

/**
 * The reader's current choice from the consent cookie's value: one written by `serializeChoice` under the current
 * `revision`, younger than `maxAge` seconds at `now`. Anything else (missing, malformed, older) is "no choice yet".
 * Category ids are not checked here: `grantedCategories` keeps only configured ones.
 */
export function storedChoice(
	value: string | undefined,
	revision: string,
	maxAge: number,
	now: number,
): ConsentChoice | undefined {
	const [stored, timestamp = '', id, categories, gpc] = (value ?? '').split('|');
	// NaN (a malformed time) compares false, so it never counts as current.
	if (stored !== revision || gpc === undefined || !/^[\w-]+$/.test(id ?? '') || !(now - Date.parse(timestamp) < maxAge * 1000)) {
		return undefined;
	}
	return { revision, timestamp, id: id!, categories: categories ? categories.split('+') : [], gpc: gpc === 'gpc' };
}

/** The `document.cookie` assignment storing a choice: first-party, whole site, `maxAge` seconds, SameSite=Lax. */
export function consentCookie(choice: ConsentChoice, maxAge: number, secure: boolean): string {
	return `${CONSENT_COOKIE}=${serializeChoice(choice)};Path=/;Max-Age=${maxAge};SameSite=Lax${secure ? ';Secure' : ''}`;
}
/** The cookies of a `document.cookie` string, by name. */
export function cookieJar(cookies: string): Record<string, string> {
	const jar: Record<string, string> = {};
	for (const pair of cookies.split(/; */)) {
		const split = pair.indexOf('=');
		if (split > 0) jar[pair.slice(0, split)] = pair.slice(split + 1);
	}
	return jar;
}

/** Whether `name` matches a declared name ("_ga_*" matches "_ga_X1"). */
export function matches(pattern: string, name: string): boolean {
	return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
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

/** Whether a gated script or embed may run: every category in its gate (space-separated) is granted. */
export function isConsented(gate: string, granted: readonly string[]): boolean {
	const needed = gate.split(' ').filter(Boolean);
	return needed.length > 0 && needed.every((id) => granted.includes(id));
}

/** What the refused categories (those not `granted`) store: what the island deletes on every page load. */
export function refusedItems(rules: readonly CategoryRule[], granted: readonly string[]): StoredItem[] {
	return rules.filter((rule) => !granted.includes(rule.id)).flatMap((rule) => rule.stored);
}

/**
 * The Google Consent Mode state for the granted categories: each of `types` (the four v2 types and any other a
 * category maps, listed by the build in `IslandConfig.googleTypes`) is "granted" when a granted category maps to it.
 */
export function googleConsentState(
	rules: readonly CategoryRule[],
	types: readonly string[],
	granted: readonly string[],
): Record<string, string> {
	return Object.fromEntries(
		types.map((type) => [
			type,
			rules.some((rule) => granted.includes(rule.id) && rule.googleConsent.includes(type)) ? 'granted' : 'denied',
		]),
	);
}
