import { describe, expect, it } from 'vitest';
import { consentCookie, cookieJar, serializeChoice, storedChoice } from '../../integrations/newsroom/consent/rules.ts';

const choice = {
	revision: '3.a1b2c3',
	timestamp: '2026-01-29T06:00:00.000Z',
	id: '5f0c6a1e9b2d4c7f8e3a1b2c3d4e5f60',
	categories: ['necessary', 'analytics'],
	gpc: false,
};

describe('the stored consent choice', () => {
	it('serializes to a compact, cookie-safe value with the decision id', () => {
		expect(serializeChoice(choice)).toBe('3.a1b2c3|2026-01-29T06:00:00.000Z|5f0c6a1e9b2d4c7f8e3a1b2c3d4e5f60|necessary+analytics|');
		expect(serializeChoice({ ...choice, gpc: true })).toMatch(/\|gpc$/);
		// Cookie values may not hold white space, '"', ',', ';' or '\'.
		expect(serializeChoice(choice)).toMatch(/^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]+$/);
	});

	const read = (value: string | undefined) => storedChoice(value, '3.a1b2c3', 180 * 86_400, Date.parse('2026-02-01T00:00:00Z'));

	it('reads back what it serialized', () => {
		expect(read(serializeChoice(choice))).toEqual(choice);
		const none = { ...choice, categories: [] };
		expect(read(serializeChoice(none))).toEqual(none);
		const ids = { ...choice, categories: ['necessary', 'ads_2', 'social-media'], gpc: true };
		expect(read(serializeChoice(ids))).toEqual(ids);
	});

	it('treats a missing, malformed, earlier-format or hostile value as no choice', () => {
		for (const value of [
			undefined,
			'',
			'garbage',
			'3.a1b2c3|2026-01-29T06:00:00.000Z|necessary',
			'1|2026-01-29T06:00:00.000Z|id|necessary|',
			'3.a1b2c3|yesterday|id|necessary|',
			'3.a1b2c3|2026-13-45T99:00:00.000Z|id|necessary|',
			'3.a1b2c3|2026-01-29T06:00:00.000Z||necessary|',
			'3.a1b2c3|2026-01-29T06:00:00.000Z|id;Domain=evil.example|necessary|',
			'%7B%22revision%22%3A1%7D',
		]) {
			expect(read(value), String(value)).toBeUndefined();
		}
	});

	it('reads a long hostile value quickly', () => {
		const started = performance.now();
		expect(read(`3.a1b2c3|2026-01-29T06:00:00.000Z|${'a'.repeat(50_000)}!|x|`)).toBeUndefined();
		expect(performance.now() - started).toBeLessThan(100);
	});

	it('is written as one first-party cookie for the whole site', () => {
		expect(consentCookie(choice, 15_552_000, false)).toBe(
			'newsroom-consent=3.a1b2c3|2026-01-29T06:00:00.000Z|5f0c6a1e9b2d4c7f8e3a1b2c3d4e5f60|necessary+analytics|;Path=/;Max-Age=15552000;SameSite=Lax',
		);
		expect(consentCookie(choice, 60, true)).toMatch(/;Secure$/);
	});
});

describe('reading document.cookie', () => {
	const cookies = 'a=1; newsroom-consent=1.x|2026-01-29T06:00:00.000Z|id|necessary|; newsroom-consent-x=2; b=x=y; flag';

	it('gives each cookie by its exact name, and their names', () => {
		const jar = cookieJar(cookies);
		expect(jar['newsroom-consent']).toBe('1.x|2026-01-29T06:00:00.000Z|id|necessary|');
		expect(jar['b']).toBe('x=y');
		expect(jar['newsroom']).toBeUndefined();
		expect(Object.keys(jar)).toEqual(['a', 'newsroom-consent', 'newsroom-consent-x', 'b']);
		expect(cookieJar('')).toEqual({});
	});
});
