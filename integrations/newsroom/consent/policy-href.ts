/** The cookie policy link: an absolute URL as given, a site path ("/privacy/") under the site's base path. */
export function policyHref(policyUrl: string, site: string): string {
	if (/^https?:\/\//.test(policyUrl)) return policyUrl;
	return `${new URL(site).pathname}${policyUrl.replace(/^\//, '')}`;
}
