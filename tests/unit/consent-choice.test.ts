import { describe, expect, it } from 'vitest';
import { consentCookie } from '../../integrations/newsroom/consent/rules.ts';
import { cookieNames } from '../../integrations/newsroom/consent/rules.ts';
import { parseChoice } from '../../integrations/newsroom/consent/rules.ts';
import { readCookie } from '../../integrations/newsroom/consent/rules.ts';
import { serializeChoice } from '../../integrations/newsroom/consent/rules.ts';

const choice = { revision: 3, timestamp: '2026-01-29T06:00:00.000Z', categories: ['necessary', 'analytics'] };

describe('the stored consent choice', () => {
	it('serializes to a compact, cookie-safe value', () => {
		expect(serializeChoice(choice)).toBe('3|2026-01-29T06:00:00.000Z|necessary+analytics');
		// Cookie values may not hold white space, '"', ',', ';' or '\'.
		expect(serializeChoice(choice)).toMatch(/^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]+$/);
	});

	it('parses what it serialized', () => {
		expect(parseChoice(serializeChoice(choice))).toEqual(choice);
		const none = { ...choice, categories: [] };
		expect(parseChoice(serializeChoice(none))).toEqual(none);
		const ids = { ...choice, categories: ['necessary', 'ads_2', 'social-media'] };
		expect(parseChoice(serializeChoice(ids))).toEqual(ids);
	});

	it('treats a missing or malformed value as no choice', () => {
		for (const value of [
			undefined,
			'',
			'garbage',
			'1|2026-01-29T06:00:00.000Z',
			'x|2026-01-29T06:00:00.000Z|necessary',
			'1|yesterday|necessary',
			'1|2026-13-45T99:00:00.000Z|necessary',
			'1|2026-01-29T06:00:00.000Z|Necessary',
			'1|2026-01-29T06:00:00.000Z|necessary++analytics',
			'1|2026-01-29T06:00:00.000Z|necessary|extra',
			'%7B%22revision%22%3A1%7D',
		]) {
			expect(parseChoice(value), String(value)).toBeUndefined();
		}
	});

	it('rejects a long hostile value quickly (no catastrophic backtracking)', () => {
		expect(parseChoice(`1|2026-01-29T06:00:00.000Z|${'a'.repeat(50_000)}!`)).toBeUndefined();
	});

	it('is written as one first-party cookie for the whole site', () => {
		expect(consentCookie(choice, 15_552_000, false)).toBe(
			'newsroom-consent=3|2026-01-29T06:00:00.000Z|necessary+analytics;Path=/;Max-Age=15552000;SameSite=Lax',
		);
		expect(consentCookie(choice, 60, true)).toMatch(/;Secure$/);
	});
});

describe('reading document.cookie', () => {
	const cookies = 'a=1; newsroom-consent=1|2026-01-29T06:00:00.000Z|necessary; newsroom-consent-x=2; b=x=y';

	it('finds a cookie by its exact name', () => {
		expect(readCookie(cookies, 'newsroom-consent')).toBe('1|2026-01-29T06:00:00.000Z|necessary');
		expect(readCookie(cookies, 'b')).toBe('x=y');
		expect(readCookie(cookies, 'newsroom')).toBeUndefined();
		expect(readCookie('', 'a')).toBeUndefined();
	});

	it('lists the cookie names', () => {
		expect(cookieNames(cookies)).toEqual(['a', 'newsroom-consent', 'newsroom-consent-x', 'b']);
		expect(cookieNames('')).toEqual([]);
	});
});
