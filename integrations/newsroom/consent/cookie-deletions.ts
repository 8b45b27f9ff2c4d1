/**
 * `document.cookie` assignments that delete cookie `name` on path "/" whether it was set for the host alone or
 * for a parent domain (analytics tags set theirs on the registrable domain): one per domain suffix of `hostname`.
 */
export function cookieDeletions(name: string, hostname: string): string[] {
	const domains = hostname.split('.').map((_, index, labels) => `;Domain=${labels.slice(index).join('.')}`);
	return ['', ...domains].map((domain) => `${name}=;Max-Age=0;Path=/${domain}`);
}
