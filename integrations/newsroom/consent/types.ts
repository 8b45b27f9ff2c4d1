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
