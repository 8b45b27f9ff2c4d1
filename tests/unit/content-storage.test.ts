import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroConfig } from 'astro';
import { describe, expect, it } from 'vitest';
import { contentIntegration } from '../../integrations/newsroom/content/integration.ts';
import {
	archiveSize,
	fileModule,
	fileVersion,
	storageFor,
	storeCharacters,
	storeFilesOf,
} from '../../integrations/newsroom/content/storage.ts';
import { createVirtualModules } from '../../integrations/newsroom/core/wiring.ts';
import { resolveOptions } from '../../integrations/newsroom/options.ts';

describe('the content store for the archive', () => {
	it('stays one file up to the benchmark’s 50 000 articles and is kept in parts at 100 000', () => {
		// The benchmark's articles: 38.8 MB of Markdown per 10 000 (scripts/bench/generate.mjs), whose store with
		// the bodies was 88 010 348 characters once escaped for bundling.
		const archive = (articles: number) => ({ files: articles, bytes: (articles / 10_000) * 38.77e6 });
		expect(storeCharacters(archive(10_000))).toBeGreaterThan(88_010_348);
		expect(storeCharacters(archive(10_000))).toBeLessThan(1.1 * 88_010_348);
		expect(storageFor({ files: 0, bytes: 0 })).toBe('single-file');
		expect(storageFor(archive(50_000))).toBe('single-file');
		expect(storageFor(archive(100_000))).toBe('chunked');
		// Many short articles: the entries' own share decides.
		expect(storageFor({ files: 300_000, bytes: 300_000 * 500 })).toBe('chunked');
	});

	it('counts the Markdown and MDX files below the folder, live entries included, and nothing else', async () => {
		const folder = await mkdtemp(join(tmpdir(), 'newsroom-storage-'));
		try {
			await mkdir(join(folder, '2026/05/election.live'), { recursive: true });
			await writeFile(join(folder, '2026/05/story.md'), 'a'.repeat(100));
			await writeFile(join(folder, '2026/05/feature.MDX'), 'b'.repeat(20));
			await writeFile(join(folder, '2026/05/election.live/entry-1.md'), 'c'.repeat(3));
			await writeFile(join(folder, '2026/05/photo.jpg'), 'd'.repeat(1000));
			expect(await archiveSize(folder)).toEqual({ files: 3, bytes: 123 });
			expect(await archiveSize(join(folder, 'missing'))).toEqual({ files: 0, bytes: 0 });
		} finally {
			await rm(folder, { recursive: true, force: true });
		}
	});
});

describe('the content feature with a large archive', () => {
	it('turns on Astro’s chunked storage, unless the site already chose it, and says why', async () => {
		const root = await mkdtemp(join(tmpdir(), 'newsroom-archive-'));
		try {
			// Sparse files: sizes of an archive too large for one string, without the disk space.
			await mkdir(join(root, 'news/articles/2026'), { recursive: true });
			for (const name of ['a.md', 'b.md']) {
				await writeFile(join(root, 'news/articles/2026', name), '');
				await truncate(join(root, 'news/articles/2026', name), 200e6);
			}
			const options = resolveOptions({ name: 'The Daily', contentDir: 'news', consent: { contact: 'privacy@daily.example' } });
			const setup = async (collectionStorage: string) => {
				const updates: unknown[] = [];
				const infos: string[] = [];
				const hook = contentIntegration(options, createVirtualModules()).hooks['astro:config:setup']!;
				await hook({
					config: { root: pathToFileURL(`${root}/`), integrations: [{ name: '@astrojs/mdx', hooks: {} }], experimental: { collectionStorage } },
					updateConfig: (update: unknown) => updates.push(update),
					logger: { info: (line: string) => infos.push(line) },
				} as never);
				return { updates, infos };
			};
			const chosen = await setup('single-file');
			expect(chosen.updates).toEqual([{ experimental: { collectionStorage: 'chunked' } }]);
			expect(chosen.infos).toEqual([expect.stringMatching(/^2 article files, 400 MB: the content store is kept in parts/)]);
			expect((await setup('chunked')).updates).toEqual([]);
		} finally {
			await rm(root, { recursive: true, force: true });
		}
	});
});

/** The value of an expression, or of an ES module of the form `export default <expression>`. */
describe('the content store’s module, read from Astro’s file when pages are prerendered', () => {
	it('reads the file’s text or JSON value as it is, whatever the file’s name holds', async () => {
		const folder = await mkdtemp(join(tmpdir(), 'newsroom-store-'));
		try {
			// A name with quotes, a backslash, a space and non-ASCII letters: the path is written into the module's code.
			const file = pathToFileURL(join(folder, 'a "quoted\\" café.json'));
			const value = [{ articles: 1 }, 'Quotes "here", \u2028, 📰, </script>, ${x}', 3.5, null];
			await writeFile(file, JSON.stringify(value));
			const load = async (code: string) =>
				((await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown }).default;
			const version = (await fileVersion(file))!;
			expect(version).toMatch(/^\d+:\d+:\d+$/);
			expect(await load(fileModule(file, { json: true, version }))).toEqual(value);
			expect(await load(fileModule(file, { json: false, version }))).toBe(JSON.stringify(value));
			// Written again, the file is another version, and so is the module's code.
			await writeFile(file, JSON.stringify([...value, 'more']));
			const next = (await fileVersion(file))!;
			expect(next).not.toBe(version);
			expect(fileModule(file, { json: true, version: next })).not.toBe(fileModule(file, { json: true, version }));
			expect(await fileVersion(pathToFileURL(join(folder, 'missing.json')))).toBeUndefined();
		} finally {
			await rm(folder, { recursive: true, force: true });
		}
	});

	it('knows where each storage keeps the store, and leaves it bundled for a site with an adapter', () => {
		const config = (collectionStorage?: 'chunked' | 'single-file', adapter?: { name: string }) =>
			({ cacheDir: new URL('file:///site/node_modules/.astro/'), experimental: { collectionStorage }, adapter }) as unknown as AstroConfig;
		expect(storeFilesOf(config())).toEqual({ oneFile: new URL('file:///site/node_modules/.astro/data-store.json') });
		expect(storeFilesOf(config('single-file'))?.oneFile?.href).toBe('file:///site/node_modules/.astro/data-store.json');
		expect(storeFilesOf(config('chunked'))).toEqual({ partsFolder: new URL('file:///site/node_modules/.astro/data-store/') });
		// Cloudflare's adapter prerenders pages in workerd, which cannot read the build's files.
		expect(storeFilesOf(config(undefined, { name: '@astrojs/cloudflare' }))).toBeUndefined();
		expect(storeFilesOf(config('chunked', { name: '@astrojs/node' }))).toBeUndefined();
	});
});
