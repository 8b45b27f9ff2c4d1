import { describe, expect, it } from 'vitest';
import newsroom from '../../integrations/newsroom/index.ts';
import { resolveOptions } from '../../integrations/newsroom/options.ts';

/** The message a bad option stops the build with (the way Starlight tests its config errors). */
function error(options: unknown): string {
	try {
		// Every site must give its data-protection contact; set it here so each case shows only its own problem.
		newsroom({ consent: { contact: 'privacy@daily.example' }, ...(options as object) } as Parameters<typeof newsroom>[0]);
	} catch (thrown) {
		const { message, hint } = thrown as { message: string; hint?: string };
		return `${message}\nHint: ${hint}`;
	}
	throw new Error('expected the options to be rejected');
}

describe('newsroom() options', () => {
	it('fills every default from just a name', () => {
		const options = resolveOptions({ name: 'The Daily', consent: { contact: 'privacy@daily.example' } });
		expect(options).toMatchObject({
			name: 'The Daily',
			locale: 'en-US',
			timeZone: 'UTC',
			recentPosts: { count: 6, excerptWords: 20, heading: 'Recent Posts', readMoreLabel: 'Read More', dateStyle: 'long' },
			feeds: { items: 50 },
			consent: { message: 'This website uses cookies.', revision: 1, googleConsentMode: 'basic' },
			redirects: { wordpressArchives: false },
		});
		expect(options.consent.categories.map((category) => category.id)).toEqual(['necessary', 'analytics', 'marketing']);
	});

	it('returns an Astro integration', () => {
		const integration = newsroom({ name: 'The Daily', consent: { contact: 'privacy@daily.example' } });
		expect(integration.name).toBe('@newsroom/astro');
		expect(Object.keys(integration.hooks)).toContain('astro:config:setup');
	});

	it('requires a name', () => {
		expect(error({})).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**name**: required (expected string)
			Hint: Check the newsroom({ ... }) call in astro.config.mjs; docs/configuration.md lists every option."
		`);
	});

	it('rejects an unknown time zone', () => {
		expect(error({ name: 'The Daily', timeZone: 'Asia/Kuala Lumpur' })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**timeZone**: expected an IANA time zone such as "Asia/Kuala_Lumpur"
			Hint: Check the newsroom({ ... }) call in astro.config.mjs; docs/configuration.md lists every option."
		`);
	});

	it('rejects a malformed locale', () => {
		expect(error({ name: 'The Daily', locale: 'english!' })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**locale**: expected a BCP 47 locale such as "en-US"
			Hint: Check the newsroom({ ... }) call in astro.config.mjs; docs/configuration.md lists every option."
		`);
	});

	it('rejects a Recent Posts count that is not a positive whole number', () => {
		expect(error({ name: 'The Daily', recentPosts: { count: 0 } })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**recentPosts.count**: Too small: expected number to be >=1
			Hint: Check the newsroom({ ... }) call in astro.config.mjs; docs/configuration.md lists every option."
		`);
		expect(error({ name: 'The Daily', recentPosts: { count: 2.5 } })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**recentPosts.count**: Invalid input: expected int, received number
			Hint: Check the newsroom({ ... }) call in astro.config.mjs; docs/configuration.md lists every option."
		`);
	});

	it('rejects a redirects option that is not a boolean, or misspelt', () => {
		expect(error({ name: 'The Daily', redirects: { wordpressArchives: 'yes', wordpress: true } })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**redirects.wordpressArchives**: Invalid input: expected boolean, received string
			**redirects.wordpress**: unknown option (check the spelling)
			Hint: Check the newsroom({ ... }) call in astro.config.mjs; docs/configuration.md lists every option."
		`);
	});

	it('rejects a misspelt option', () => {
		expect(error({ name: 'The Daily', recentPost: { count: 3 } })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**recentPost**: unknown option (check the spelling)
			Hint: Check the newsroom({ ... }) call in astro.config.mjs; docs/configuration.md lists every option."
		`);
	});

	it('rejects an unknown date style', () => {
		expect(error({ name: 'The Daily', recentPosts: { dateStyle: 'fancy' } })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**recentPosts.dateStyle**: Invalid option: expected one of "full"|"long"|"medium"|"short"
			Hint: Check the newsroom({ ... }) call in astro.config.mjs; docs/configuration.md lists every option."
		`);
	});

	it('requires the data-protection contact of the privacy policy', () => {
		expect(error({ name: 'The Daily', consent: {} })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**consent.contact**: required: how readers reach your data-protection contact, e.g. "privacy@example.com" or "https://example.com/contact/"
			Hint: Check the newsroom({ ... }) call in astro.config.mjs; docs/configuration.md lists every option."
		`);
	});

	it('rejects a `now` that is not an ISO instant with offset', () => {
		expect(error({ name: 'The Daily', now: '2026-01-29' })).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**now**: expected an ISO 8601 instant, e.g. "2026-01-29T06:00:00Z"
			Hint: Check the newsroom({ ... }) call in astro.config.mjs; docs/configuration.md lists every option."
		`);
	});
	it('rejects a CMS repository that is not "owner/name", and a media folder outside the project', () => {
		expect(
			error({
				name: 'The Daily',
				cms: { backend: { name: 'github', repo: 'just-a-name' }, mediaFolder: '../elsewhere' },
			}),
		).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**cms.backend.repo**: expected "owner/name", e.g. "asiapacific-daily/site"
			**cms.mediaFolder**: expected a folder inside the project, relative to its root, e.g. "src/assets/images"
			Hint: Check the newsroom({ ... }) call in astro.config.mjs; docs/configuration.md lists every option."
		`);
	});

	it('rejects a CMS without a backend, and an unknown backend', () => {
		expect(error({ name: 'The Daily', cms: {} } as never)).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**cms.backend**: required (expected object)
			Hint: Check the newsroom({ ... }) call in astro.config.mjs; docs/configuration.md lists every option."
		`);
		expect(error({ name: 'The Daily', cms: { backend: { name: 'bitbucket', repo: 'a/b' } } } as never)).toMatchInlineSnapshot(`
			"Invalid options passed to the newsroom integration:
			**cms.backend.name**: Invalid option: expected one of "github"|"gitlab"
			Hint: Check the newsroom({ ... }) call in astro.config.mjs; docs/configuration.md lists every option."
		`);
	});
});
