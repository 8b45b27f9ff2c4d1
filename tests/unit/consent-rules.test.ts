import { describe, expect, it } from 'vitest';
import {
	deletionScopes,
	disclosedCategories,
	islandConfig,
	noticeDetails,
	revisionOf,
	thirdParties,
} from '../../integrations/newsroom/consent/disclosure.ts';
import {
	googleConsentState,
	grantedCategories,
	isConsented,
	matches,
	refusedItems,
	storedChoice,
	type CategoryRule,
	type StoredItem,
} from '../../integrations/newsroom/consent/rules.ts';
import { siteHref as policyHref } from '../../integrations/newsroom/core/urls.ts';
import { resolveOptions } from '../../integrations/newsroom/options.ts';

const cookie = (name: string, rest: Partial<StoredItem> = {}): StoredItem => ({ name, type: 'cookie', scopes: [';Path=/'], ...rest });
const rule = (id: string, rest: Partial<CategoryRule> = {}): CategoryRule => ({
	id,
	required: false,
	refusedByGpc: false,
	googleConsent: [],
	stored: [],
	...rest,
});
const rules = [
	rule('necessary', { required: true }),
	rule('analytics', {
		googleConsent: ['analytics_storage'],
		stored: [cookie('_ga'), cookie('_ga_*'), cookie('amp_*', { type: 'localStorage' })],
	}),
	rule('marketing', {
		googleConsent: ['ad_storage', 'ad_user_data', 'ad_personalization'],
		refusedByGpc: true,
		stored: [cookie('_fbp')],
	}),
];
const all = ['necessary', 'analytics', 'marketing'];
const contact = 'privacy@daily.example';

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

describe('isConsented (gated scripts and embeds)', () => {
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

const v2 = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage'];

describe('googleConsentState (Consent Mode v2)', () => {
	it('denies every type the build lists by default', () => {
		expect(googleConsentState(rules, v2, ['necessary'])).toEqual({
			ad_storage: 'denied',
			ad_user_data: 'denied',
			ad_personalization: 'denied',
			analytics_storage: 'denied',
		});
	});

	it('grants the types mapped to granted categories', () => {
		expect(googleConsentState(rules, v2, ['necessary', 'analytics'])).toMatchObject({
			analytics_storage: 'granted',
			ad_storage: 'denied',
		});
		expect(Object.values(googleConsentState(rules, v2, all))).toEqual(['granted', 'granted', 'granted', 'granted']);
	});

	it('includes other mapped types and grants a type shared by two categories if either is granted', () => {
		const shared = [
			rule('necessary', { required: true, googleConsent: ['security_storage'] }),
			rule('a', { googleConsent: ['functionality_storage'] }),
			rule('b', { googleConsent: ['functionality_storage'] }),
		];
		expect(googleConsentState(shared, [...v2, 'security_storage', 'functionality_storage'], ['necessary', 'b'])).toMatchObject({
			security_storage: 'granted',
			functionality_storage: 'granted',
		});
		expect(googleConsentState(shared, [...v2, 'security_storage', 'functionality_storage'], ['necessary'])).toMatchObject({ functionality_storage: 'denied' });
	});
});

describe('what a refusal deletes', () => {
	it('lists the cookies and storage keys of every category not granted', () => {
		expect(refusedItems(rules, ['necessary']).map((item) => item.name)).toEqual(['_ga', '_ga_*', 'amp_*', '_fbp']);
		expect(refusedItems(rules, ['necessary', 'analytics']).map((item) => item.name)).toEqual(['_fbp']);
		expect(refusedItems(rules, all)).toEqual([]);
	});

	it('matches declared names exactly or by prefix', () => {
		expect(['_ga', '_ga_X1Y2', '_gat', 'x_ga'].filter((name) => matches('_ga_*', name))).toEqual(['_ga_X1Y2']);
		expect(['_ga', '_ga_X1Y2'].filter((name) => matches('_ga', name))).toEqual(['_ga']);
	});

	it('deletes a cookie on "/" and its declared path, for the page host, the site host, its parents and a declared domain', () => {
		expect(deletionScopes('www.news.example')).toEqual([
			';Path=/',
			';Path=/;Domain=www.news.example',
			';Path=/;Domain=news.example',
		]);
		expect(deletionScopes('news.example', '/articles/', '.corp.example')).toEqual([
			';Path=/',
			';Path=/;Domain=news.example',
			';Path=/;Domain=.corp.example',
			';Path=/articles/',
			';Path=/articles/;Domain=news.example',
			';Path=/articles/;Domain=.corp.example',
		]);
		expect(deletionScopes('localhost')).toEqual([';Path=/']);
	});
});

describe('storedChoice (a stored choice still counts)', () => {
	const value = '1.abc123|2026-01-01T00:00:00.000Z|5f0c6a1e-9b2d|necessary+analytics|';
	const day = 86_400;
	const now = Date.parse('2026-01-31T00:00:00Z');

	it('needs the current revision and a choice younger than the configured lifetime', () => {
		expect(storedChoice(value, '1.abc123', 180 * day, now)).toEqual({
			revision: '1.abc123',
			timestamp: '2026-01-01T00:00:00.000Z',
			id: '5f0c6a1e-9b2d',
			categories: ['necessary', 'analytics'],
			gpc: false,
		});
		expect(storedChoice(value, '2.abc123', 180 * day, now)).toBeUndefined();
		expect(storedChoice(value, '1.abc123', 30 * day, now)).toBeUndefined();
		expect(storedChoice(value, '1.abc123', 31 * day, now)).toBeDefined();
		expect(storedChoice(undefined, '1.abc123', 180 * day, now)).toBeUndefined();
	});
});

describe('policyHref', () => {
	it('puts site paths under the base path and keeps absolute URLs', () => {
		expect(policyHref('/privacy/', 'https://news.example/')).toBe('/privacy/');
		expect(policyHref('/privacy/', 'https://news.example/daily/')).toBe('/daily/privacy/');
		expect(policyHref('https://group.example/cookies', 'https://news.example/')).toBe('https://group.example/cookies');
	});
});

describe('islandConfig and the revision', () => {
	it('passes the rules, not the copy, the lifetime in seconds and the consent log', () => {
		const { consent } = resolveOptions({ name: 'The Daily', consent: { contact, revision: 4, maxAgeDays: 30 } });
		expect(islandConfig(consent, 'https://daily.example/', '/consent-log')).toEqual({
			revision: revisionOf(consent),
			maxAge: 2_592_000,
			googleConsentMode: 'basic',
			googleTypes: ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage'],
			log: '/consent-log',
			categories: [
				rule('necessary', { required: true }),
				rule('analytics', { googleConsent: ['analytics_storage'], refusedByGpc: true }),
				rule('marketing', { googleConsent: ['ad_storage', 'ad_user_data', 'ad_personalization'], refusedByGpc: true }),
			],
		});
		expect(revisionOf(consent)).toMatch(/^4\.[0-9a-f]{6}$/);
	});

	it('changes when a category or a cookie is added, so every reader is asked again', () => {
		const base = resolveOptions({ name: 'The Daily', consent: { contact } }).consent;
		const withCategory = resolveOptions({
			name: 'The Daily',
			consent: { contact, categories: [...base.categories, { id: 'social', label: 'Social media' }] },
		}).consent;
		const withCookie = resolveOptions({
			name: 'The Daily',
			consent: {
				contact,
				categories: base.categories.map((category) =>
					category.id === 'analytics'
						? { ...category, cookies: [{ name: '_ga', provider: 'Google', purpose: 'Counts.', duration: '2 years' }] }
						: category,
				),
			},
		}).consent;
		const reworded = resolveOptions({ name: 'The Daily', consent: { contact, message: 'Cookies here.' } }).consent;
		expect(new Set([revisionOf(base), revisionOf(withCategory), revisionOf(withCookie)]).size).toBe(3);
		expect(revisionOf(reworded)).toBe(revisionOf(base));
	});
});

describe('what readers are told', () => {
	const { consent } = resolveOptions({
		name: 'The Daily',
		consent: {
			contact,
			categories: [
				{ id: 'necessary', label: 'Necessary', required: true },
				{
					id: 'analytics',
					label: 'Analytics',
					purpose: 'audience measurement',
					cookies: [
						{ name: '_ga', provider: 'Google', purpose: 'Counts visits.', duration: '2 years' },
						{ name: 'pref', provider: 'The Daily', purpose: 'Remembers the font size.', duration: '1 year' },
					],
				},
				{
					id: 'marketing',
					label: 'Marketing',
					cookies: [
						{ name: '_fbp', provider: 'Meta', purpose: 'Ads.', duration: '90 days' },
						{ name: 'IDE', provider: 'Google', purpose: 'Ads.', duration: '13 months' },
					],
				},
			],
		},
	});

	it('lists the consent cookie itself under the first required category', () => {
		const [necessary] = disclosedCategories(consent, 'The Daily');
		expect(necessary!.items).toEqual([
			{ name: 'newsroom-consent', type: 'cookie', provider: 'The Daily', purpose: 'Remembers your cookie choices.', duration: '180 days' },
		]);
	});

	it('names the purposes and the third parties in the first layer, as lists in the site language', () => {
		expect(thirdParties(disclosedCategories(consent, 'The Daily'), 'The Daily')).toEqual(['Google', 'Meta']);
		expect(noticeDetails(consent, 'The Daily', 'en-US')).toEqual([
			'With your consent we also use them for audience measurement and Marketing.',
			'Third parties involved: Google and Meta.',
		]);
		expect(noticeDetails(consent, 'The Daily', 'es')[1]).toBe('Third parties involved: Google y Meta.');
	});
});
