import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { repoRoot, tmpRoot } from '../helpers/paths.ts';

/**
 * Astro keeps parsed entries between builds and re-parses only the files that changed. Entries parsed by an older
 * newsroom (its schema then without a field a newer one adds) must not survive an upgrade: a new schema starts the
 * content store afresh. Simulated on the DST fixture: the cached store gets an older schema's fingerprint and a
 * headline no file holds; the next build must show the file's headline.
 */
const root = join(repoRoot, 'tests/fixtures/dst-site');
const name = 'content-cache';
const store = join(tmpRoot, name, 'cache', 'data-store.json');

describe('the content cache across a newsroom upgrade', () => {
	it('re-parses every entry when the content schemas changed, keeps them when they did not', async () => {
		const dist = await buildSite({ root, name, env: { SOURCE_DATE_EPOCH: String(Date.parse('2026-12-01T00:00:00Z') / 1000) } });
		const headline = async () => (await readFile(join(dist, 'articles/2026/03/skipped-time/index.html'), 'utf8')).match(/<h1[^>]*>([^<]*)</)?.[1];
		const real = await headline();
		expect(real).toBeTruthy();
		const cached = await readFile(store, 'utf8');
		expect(cached).toContain('"newsroom-schema"');
		const stale = (text: string) => text.replaceAll(JSON.stringify(real), JSON.stringify('A headline from a stale cache'));

		// Same schema: Astro keeps the cached entry (the file did not change), so a tampered cache shows: the check
		// below is not vacuous.
		await writeFile(store, stale(cached));
		await buildSite({ root, name, incremental: true, env: { SOURCE_DATE_EPOCH: String(Date.parse('2026-12-01T00:00:00Z') / 1000) } });
		expect(await headline()).toBe('A headline from a stale cache');

		// An older schema's fingerprint: every entry is parsed again from its file.
		await writeFile(store, stale(cached).replace(/("newsroom-schema",)"[0-9a-f]{64}"/, `$1"${'0'.repeat(64)}"`));
		await buildSite({ root, name, incremental: true, env: { SOURCE_DATE_EPOCH: String(Date.parse('2026-12-01T00:00:00Z') / 1000) } });
		expect(await headline()).toBe(real);
	});
});
