/** The names of the cookies in a `document.cookie` string. */
export function cookieNames(cookies: string): string[] {
	return cookies ? cookies.split(/; */).map((pair) => pair.split('=')[0]!) : [];
}
