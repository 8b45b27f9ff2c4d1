import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { page, text } from '../helpers/parse.ts';
import { repoRoot, siteDist } from '../helpers/paths.ts';

describe('consent in the built sample site', () => {
	it('serves /.well-known/gpc.json, saying the site honours Global Privacy Control', async () => {
		expect(JSON.parse(await readFile(join(siteDist, '.well-known/gpc.json'), 'utf8'))).toEqual({ gpc: true });
	});

	it('discloses every category, what it stores and the contact on the privacy page, from the options', async () => {
		const privacy = await page('/privacy/');
		const details = privacy.querySelector('.consent-details')!;
		expect([...details.querySelectorAll('h3')].map((heading) => text(heading))).toEqual(['Necessary', 'Analytics', 'Marketing']);
		// The consent cookie itself, in the necessary category's table.
		const rows = [...details.querySelectorAll('section:first-of-type tbody tr')].map((row) =>
			[...row.querySelectorAll('td')].map((cell) => text(cell)),
		);
		expect(rows).toEqual([['newsroom-consent', 'Asia Pacific Daily', 'Remembers your cookie choices.', '180 days']]);
		expect(text(details)).toContain('Global Privacy Control');
		const contact = details.querySelector('a[href^="mailto:"]');
		expect(contact?.getAttribute('href')).toBe('mailto:privacy@asiapacific-news.example');
		expect(details.querySelector('button[data-consent-open]')).not.toBeNull();
	});

	it('names the purposes of the optional categories in the banner, after the site’s own message', async () => {
		const banner = (await page('/')).querySelector('newsroom-consent section')!;
		expect(text(banner.querySelector('p'))).toBe(
			'This website uses cookies. With your consent we also use them for audience measurement and personalised advertising. Read More about cookies on this site',
		);
	});
});

describe('third-party iframes outside a consent embed', () => {
	it('fail the build, naming the page and the iframe', async () => {
		const error = await buildSite({ name: 'ungated-embed', root: join(repoRoot, 'tests/fixtures/ungated-embed-site/') }).then(
			() => undefined,
			(thrown: Error) => thrown,
		);
		expect(error?.message).toBe(
			'Third-party content would load before the reader\'s consent:\n/articles/video/index.html: <iframe src="https://www.youtube.com/embed/xyz">',
		);
		expect((error as { hint?: string }).hint).toContain('<ConsentEmbed');
	});
});
