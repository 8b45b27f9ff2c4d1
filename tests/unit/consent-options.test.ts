import { describe, expect, it } from 'vitest';
import newsroom from '../../integrations/newsroom/index.ts';
import { resolveOptions } from '../../integrations/newsroom/options.ts';

const contact = 'privacy@daily.example';

/** The message a bad option stops the build with. */
function error(consent: object): string {
	try {
		newsroom({ name: 'The Daily', consent: { contact, ...consent } } as Parameters<typeof newsroom>[0]);
	} catch (thrown) {
		return (thrown as Error).message;
	}
	throw new Error('expected the options to be rejected');
}

describe('newsroom({ consent }) options', () => {
	it('defaults to an informed three-category notice, analytics and marketing refused under GPC', () => {
		const { consent } = resolveOptions({ name: 'The Daily', consent: { contact } });
		expect(consent).toMatchObject({
			message: 'This website uses cookies.',
			policyUrl: '/privacy/',
			contact,
			readMoreLabel: 'Read More',
			readMoreContext: 'about cookies on this site',
			revision: 1,
			maxAgeDays: 180,
			googleConsentMode: 'basic',
			labels: {
				region: 'Cookie consent',
				acceptAll: 'Accept all',
				rejectAll: 'Reject all',
				settings: 'Settings',
				settingsTitle: 'Cookie settings',
				save: 'Save choices',
				close: 'Close',
				gpcNote: 'Off because your browser sends a Global Privacy Control signal.',
				gpcHonored: 'Opt-out preference signal honored',
			},
		});
		expect(consent.logEndpoint).toBeUndefined();
		expect(consent.categories.map(({ id, required, refusedByGpc, cookies }) => ({ id, required, refusedByGpc, cookies }))).toEqual([
			{ id: 'necessary', required: true, refusedByGpc: false, cookies: [] },
			{ id: 'analytics', required: false, refusedByGpc: true, cookies: [] },
			{ id: 'marketing', required: false, refusedByGpc: true, cookies: [] },
		]);
	});

	it('fills the defaults of custom categories, their cookies and labels', () => {
		const { consent } = resolveOptions({
			name: 'The Daily',
			consent: {
				contact,
				labels: { acceptAll: 'OK' },
				categories: [
					{ id: 'essential', label: 'Essential', required: true },
					{
						id: 'stats',
						label: 'Statistics',
						cookies: [
							{ name: '_ga', provider: 'Google', purpose: 'Counts visits.', duration: '2 years' },
							{ name: 'ab', provider: 'The Daily', purpose: 'Test group.', duration: '30 days', path: '/articles/', domain: '.daily.example' },
							{ name: 'amp_*', provider: 'Amplitude', purpose: 'Product analytics.', duration: 'Persistent', type: 'localStorage' },
						],
					},
				],
			},
		});
		expect(consent.labels).toMatchObject({ acceptAll: 'OK', rejectAll: 'Reject all' });
		expect(consent.categories[0]).toEqual({
			id: 'essential',
			label: 'Essential',
			description: '',
			required: true,
			cookies: [],
			googleConsent: [],
			refusedByGpc: false,
		});
		expect(consent.categories[1]!.cookies).toEqual([
			{ name: '_ga', provider: 'Google', purpose: 'Counts visits.', duration: '2 years', type: 'cookie', path: '/' },
			{ name: 'ab', provider: 'The Daily', purpose: 'Test group.', duration: '30 days', type: 'cookie', path: '/articles/', domain: '.daily.example' },
			{ name: 'amp_*', provider: 'Amplitude', purpose: 'Product analytics.', duration: 'Persistent', type: 'localStorage', path: '/' },
		]);
	});

	it('requires the data-protection contact, as an e-mail address or an http(s) URL', () => {
		expect(() => newsroom({ name: 'The Daily' })).toThrowErrorMatchingInlineSnapshot(`
			[AstroUserError: Invalid options passed to the newsroom integration:
			**consent.contact**: required: how readers reach your data-protection contact, e.g. "privacy@example.com" or "https://example.com/contact/"]
		`);
		expect(error({ contact: 'write to us' })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.contact**: expected an e-mail address or an http(s) URL"
		`);
	});

	it('takes Google Consent Mode as basic, advanced or off', () => {
		for (const mode of ['basic', 'advanced', false] as const) {
			expect(resolveOptions({ name: 'The Daily', consent: { contact, googleConsentMode: mode } }).consent.googleConsentMode).toBe(mode);
		}
		expect(error({ googleConsentMode: true })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.googleConsentMode**: expected "basic", "advanced" or false"
		`);
	});

	it('keeps the advanced Consent Mode gate out of the categories', () => {
		expect(error({ categories: [{ id: 'consent-mode', label: 'Google' }] })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.categories.0.id**: "consent-mode" is reserved for Google Consent Mode's advanced set-up"
		`);
	});

	it('rejects a category id that cannot be a cookie-safe token', () => {
		expect(error({ categories: [{ id: 'Ads & More', label: 'Ads' }] })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.categories.0.id**: use lowercase letters, digits, "-" or "_""
		`);
	});

	it('rejects duplicate category ids', () => {
		expect(
			error({
				categories: [
					{ id: 'a', label: 'A' },
					{ id: 'a', label: 'B' },
				],
			}),
		).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.categories**: category ids must be unique"
		`);
	});

	it('rejects a required category that Global Privacy Control would refuse', () => {
		expect(error({ categories: [{ id: 'a', label: 'A', required: true, refusedByGpc: true }] })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.categories.0.refusedByGpc**: a required category cannot be refused by Global Privacy Control"
		`);
	});

	it('rejects an unknown Google Consent Mode type', () => {
		expect(error({ categories: [{ id: 'a', label: 'A', googleConsent: ['ads_storage'] }] })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.categories.0.googleConsent.0**: Invalid option: expected one of "ad_storage"|"ad_user_data"|"ad_personalization"|"analytics_storage"|"functionality_storage"|"personalization_storage"|"security_storage""
		`);
	});

	it('rejects a malformed cookie name and a cookie declared without what readers must be told', () => {
		expect(
			error({
				categories: [{ id: 'a', label: 'A', cookies: [{ name: '_ga; Path=/', provider: 'Google', purpose: 'Counts.', duration: '1 day' }] }],
			}),
		).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.categories.0.cookies.0.name**: expected a cookie or storage key name, optionally ending in "*""
		`);
		expect(error({ categories: [{ id: 'a', label: 'A', cookies: [{ name: '_ga' }] }] })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.categories.0.cookies.0.provider**: required (expected string)
			**consent.categories.0.cookies.0.purpose**: required (expected string)
			**consent.categories.0.cookies.0.duration**: required (expected string)"
		`);
		expect(error({ categories: [{ id: 'a', label: 'A', cookies: ['_ga'] }] })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.categories.0.cookies.0**: expected { name, provider, purpose, duration }, e.g. { name: "_ga", provider: "Google", purpose: "Counts visits.", duration: "2 years" }"
		`);
	});

	it('rejects a policy URL that is neither a site path nor an http(s) URL', () => {
		expect(error({ policyUrl: 'privacy' })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.policyUrl**: expected a site path starting with "/" or an http(s) URL"
		`);
	});

	it('rejects a consent log that is not on this site or https', () => {
		expect(error({ logEndpoint: 'http://log.example/consent' })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.logEndpoint**: expected a site path starting with "/" or an https URL"
		`);
	});

	it('rejects a choice kept longer than 13 months', () => {
		expect(error({ maxAgeDays: 400 })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.maxAgeDays**: expected at most 395 days (13 months)"
		`);
	});

	it('rejects no categories at all', () => {
		expect(error({ categories: [] })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.categories**: expected at least one category, e.g. { id: "necessary", label: "Necessary", required: true }"
		`);
	});
});
