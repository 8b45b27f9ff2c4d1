import { describe, expect, it } from 'vitest';
import { cookieDeletions } from '../../integrations/newsroom/consent/rules.ts';
import { googleConsentState } from '../../integrations/newsroom/consent/rules.ts';
import { grantedCategories } from '../../integrations/newsroom/consent/rules.ts';
import { isConsented } from '../../integrations/newsroom/consent/rules.ts';
import { islandConfig } from '../../integrations/newsroom/consent/rules.ts';
import { siteHref as policyHref } from '../../integrations/newsroom/core/urls.ts';
import { refusedCookieNames } from '../../integrations/newsroom/consent/rules.ts';
import type { CategoryRule } from '../../integrations/newsroom/consent/rules.ts';
import { resolveOptions } from '../../integrations/newsroom/options.ts';

const rule = (id: string, rest: Partial<CategoryRule> = {}): CategoryRule => ({
	id,
	required: false,
	refusedByGpc: false,
	googleConsent: [],
	cookies: [],
	...rest,
});
const rules = [
	rule('necessary', { required: true }),
	rule('analytics', { googleConsent: ['analytics_storage'], cookies: ['_ga', '_ga_*'] }),
	rule('marketing', {
		googleConsent: ['ad_storage', 'ad_user_data', 'ad_personalization'],
		refusedByGpc: true,
		cookies: ['_fbp'],
	}),
];
const all = ['necessary', 'analytics', 'marketing'];

describe('grantedCategories', () => {
	it('always includes required categories, even when everything is rejected', () => {
		expect(grantedCategories(rules, [], false)).toEqual(['necessary']);
	});

	it('grants what was requested, in the configured order, ignoring unknown ids', () => {
		expect(grantedCategories(rules, ['marketing', 'nonsense', 'analytics'], false)).toEqual(all);
		expect(grantedCategories(rules, ['analytics'], false)).toEqual(['necessary', 'analytics']);
	});

	it('refuses categories marked refusedByGpc when the browser sends Global Privacy Control', () => {
		expect(grantedCategories(rules, all, true)).toEqual(['necessary', 'analytics']);
	});
});

describe('isConsented (gated scripts)', () => {
	it('needs every listed category', () => {
		expect(isConsented('analytics', ['necessary', 'analytics'])).toBe(true);
		expect(isConsented('marketing', ['necessary', 'analytics'])).toBe(false);
		expect(isConsented('analytics  marketing', ['analytics'])).toBe(false);
		expect(isConsented('analytics marketing', all)).toBe(true);
	});

	it('never runs a script with an empty gate', () => {
		expect(isConsented('', all)).toBe(false);
		expect(isConsented('  ', all)).toBe(false);
	});
});

describe('googleConsentState (Consent Mode v2)', () => {
	it('denies the four v2 types by default', () => {
		expect(googleConsentState(rules, ['necessary'])).toEqual({
			ad_storage: 'denied',
			ad_user_data: 'denied',
			ad_personalization: 'denied',
			analytics_storage: 'denied',
		});
	});

	it('grants the types mapped to granted categories', () => {
		expect(googleConsentState(rules, ['necessary', 'analytics'])).toMatchObject({
			analytics_storage: 'granted',
			ad_storage: 'denied',
		});
		expect(Object.values(googleConsentState(rules, all))).toEqual(['granted', 'granted', 'granted', 'granted']);
	});

	it('includes other mapped types and grants a type shared by two categories if either is granted', () => {
		const shared = [
			rule('necessary', { required: true, googleConsent: ['security_storage'] }),
			rule('a', { googleConsent: ['functionality_storage'] }),
			rule('b', { googleConsent: ['functionality_storage'] }),
		];
		expect(googleConsentState(shared, ['necessary', 'b'])).toMatchObject({
			security_storage: 'granted',
			functionality_storage: 'granted',
		});
		expect(googleConsentState(shared, ['necessary'])).toMatchObject({ functionality_storage: 'denied' });
	});
});

describe('refusedCookieNames (withdrawal)', () => {
	const existing = ['newsroom-consent', '_ga', '_ga_X1Y2', '_gat', '_fbp', 'session'];

	it('lists existing cookies configured for categories that are not granted, with prefix patterns', () => {
		expect(refusedCookieNames(rules, ['necessary'], existing)).toEqual(['_ga', '_ga_X1Y2', '_fbp']);
		expect(refusedCookieNames(rules, ['necessary', 'analytics'], existing)).toEqual(['_fbp']);
		expect(refusedCookieNames(rules, all, existing)).toEqual([]);
	});
});

describe('cookieDeletions', () => {
	it('deletes on the host and on every parent domain, path "/"', () => {
		expect(cookieDeletions('_ga', 'www.news.example')).toEqual([
			'_ga=;Max-Age=0;Path=/',
			'_ga=;Max-Age=0;Path=/;Domain=www.news.example',
			'_ga=;Max-Age=0;Path=/;Domain=news.example',
			'_ga=;Max-Age=0;Path=/;Domain=example',
		]);
		expect(cookieDeletions('x', 'localhost')).toEqual(['x=;Max-Age=0;Path=/', 'x=;Max-Age=0;Path=/;Domain=localhost']);
	});
});

describe('policyHref', () => {
	it('puts site paths under the base path and keeps absolute URLs', () => {
		expect(policyHref('/privacy/', 'https://news.example/')).toBe('/privacy/');
		expect(policyHref('/privacy/', 'https://news.example/daily/')).toBe('/daily/privacy/');
		expect(policyHref('https://group.example/cookies', 'https://news.example/')).toBe('https://group.example/cookies');
	});
});

describe('islandConfig', () => {
	it('passes the rules, not the copy, and the cookie lifetime in seconds', () => {
		const { consent } = resolveOptions({ name: 'The Daily', consent: { revision: 4, maxAgeDays: 30 } });
		expect(islandConfig(consent)).toEqual({
			revision: 4,
			maxAge: 2_592_000,
			googleConsentMode: false,
			categories: [
				rule('necessary', { required: true }),
				rule('analytics', { googleConsent: ['analytics_storage'] }),
				rule('marketing', { googleConsent: ['ad_storage', 'ad_user_data', 'ad_personalization'], refusedByGpc: true }),
			],
		});
	});
});
