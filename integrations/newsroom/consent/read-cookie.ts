/** The value of cookie `name` in a `document.cookie` string, or undefined. */
export function readCookie(cookies: string, name: string): string | undefined {
	for (const pair of cookies.split(/; */)) {
		const split = pair.indexOf('=');
		if (pair.slice(0, split) === name) return pair.slice(split + 1);
	}
	return undefined;
}
