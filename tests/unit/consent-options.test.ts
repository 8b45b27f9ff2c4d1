import { describe, expect, it } from 'vitest';
import newsroom from '../../integrations/newsroom/index.ts';
import { resolveOptions } from '../../integrations/newsroom/options.ts';

/** The message a bad option stops the build with. */
function error(consent: unknown): string {
	try {
		newsroom({ name: 'The Daily', consent } as Parameters<typeof newsroom>[0]);
	} catch (thrown) {
		return (thrown as Error).message;
	}
	throw new Error('expected the options to be rejected');
}

describe('newsroom({ consent }) options', () => {
	it('defaults to a lawful three-category notice', () => {
		const { consent } = resolveOptions({ name: 'The Daily' });
		expect(consent).toEqual({
			message: 'This website uses cookies.',
			policyUrl: '/privacy/',
			readMoreLabel: 'Read More',
			readMoreContext: 'about cookies on this site',
			revision: 1,
			maxAgeDays: 180,
			googleConsentMode: false,
			labels: {
				region: 'Cookie consent',
				acceptAll: 'Accept all',
				rejectAll: 'Reject all',
				settings: 'Settings',
				settingsTitle: 'Cookie settings',
				save: 'Save choices',
				close: 'Close',
				gpcNote: 'Off because your browser sends a Global Privacy Control signal.',
			},
			categories: [
				{
					id: 'necessary',
					label: 'Necessary',
					description: 'Needed for the site to work. Always on.',
					required: true,
					cookies: [],
					googleConsent: [],
					refusedByGpc: false,
				},
				{
					id: 'analytics',
					label: 'Analytics',
					description: 'Anonymous statistics that help us improve the site.',
					required: false,
					cookies: [],
					googleConsent: ['analytics_storage'],
					refusedByGpc: false,
				},
				{
					id: 'marketing',
					label: 'Marketing',
					description: 'Personalised advertising and social media.',
					required: false,
					cookies: [],
					googleConsent: ['ad_storage', 'ad_user_data', 'ad_personalization'],
					refusedByGpc: true,
				},
			],
		});
	});

	it('fills the defaults of custom categories and labels', () => {
		const { consent } = resolveOptions({
			name: 'The Daily',
			consent: { labels: { acceptAll: 'OK' }, categories: [{ id: 'essential', label: 'Essential', required: true }] },
		});
		expect(consent.labels).toMatchObject({ acceptAll: 'OK', rejectAll: 'Reject all' });
		expect(consent.categories).toEqual([
			{
				id: 'essential',
				label: 'Essential',
				description: '',
				required: true,
				cookies: [],
				googleConsent: [],
				refusedByGpc: false,
			},
		]);
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

	it('rejects a malformed cookie name', () => {
		expect(error({ categories: [{ id: 'a', label: 'A', cookies: ['_ga; Path=/'] }] })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.categories.0.cookies.0**: expected a cookie name, optionally ending in "*""
		`);
	});

	it('rejects a policy URL that is neither a site path nor an http(s) URL', () => {
		expect(error({ policyUrl: 'privacy' })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.policyUrl**: expected a site path starting with "/" or an http(s) URL"
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
