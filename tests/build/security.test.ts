import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { repoRoot } from '../helpers/paths.ts';

// What the Content-Security-Policy would silently block in the reader's browser fails the build instead, naming the
// page and what to do (tests/fixtures/csp-mistakes-site/).
const root = join(repoRoot, 'tests/fixtures/csp-mistakes-site/');
const failure = (mistake: string) =>
	buildSite({ name: `csp-mistakes-${mistake}`, root, env: { MISTAKE: mistake } }).then(
		() => undefined,
		(thrown: Error & { hint?: string }) => thrown,
	);

describe('mistakes the Content-Security-Policy would punish in the browser', () => {
	it('builds the fixture without them', async () => {
		expect(await failure('none')).toBeUndefined();
	});

	it('fail the build: consent-gated scripts the policy does not allow, with their hash or host', async () => {
		const error = await failure('gated-scripts');
		expect(error?.message).toBe(
			[
				'Consent-gated scripts the Content-Security-Policy would block once the reader consents:',
				`/index.html: a gated inline script (analytics, "window.handWritten = true;") has the hash 'sha256-bryS0izbEFZPF0uwEPDq/+W3kZ3EDFYukk8nyNzRinQ=', which script-src does not list`,
				'/index.html: the gated script "https://tags.example/ads.js" (marketing) loads from https://tags.example, which script-src does not allow',
			].join('\n'),
		);
		expect(error?.hint).toContain('consent.scripts');
		expect(error?.hint).toContain('Astro.csp.insertScriptHash');
		expect(error?.hint).toContain('security.scriptHosts');
	});

	it('fail the build: a consent embed from a host that is not in security.embeds', async () => {
		const error = await failure('embed-host');
		expect(error?.message).toContain(
			'<ConsentEmbed src="https://video.example/embed/1"> on /: the address is not on an allowed embed host (www.youtube-nocookie.com, player.vimeo.com, datawrapper.dwcdn.net, flo.uri.sh), so the Content-Security-Policy would block it.',
		);
		expect(error?.hint).toContain('security.embeds');
	});
});
