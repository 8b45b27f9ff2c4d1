import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentIntegration } from '../../integrations/newsroom/content/integration.ts';
import {
	archiveSize,
	splitStoreLiteral,
	storageFor,
	storeCharacters,
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

/** The value of an ES module of the form `export default <expression>` (Astro's store modules). */
const valueOf = (code: string): unknown => new Function(code.replace(/^export default /, 'return '))();
/** Astro's two store modules (`astro/dist/content/vite-plugin-content-virtual-mod.js`), made as Astro makes them. */
const oneFile = (json: string) => `export default JSON.parse(${JSON.stringify(json)})`;
const chunk = (text: string) => `export default ${JSON.stringify(text)}`;

describe('the content store’s modules with their long string literals split', () => {
	// What escaping must survive: quotes, backslashes before commas, line and paragraph separators, control
	// characters, characters outside the BMP (surrogate pairs, which a cut may separate) and lone surrogates.
	const alphabet = ['a', ',', '"', '\\', '\\,', '",', '\n', '\u2028', '\u2029', '\u0000', '\u001f', 'é', '“', '📰', '\ud83d', '\udcf0', '</script>', '${x}', '`'];
	const seeded = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

	it('keeps the value of every module while writing it as parts (random texts, cut at every size)', () => {
		const random = seeded(20);
		let splits = 0;
		for (let round = 0; round < 400; round++) {
			const text = Array.from({ length: 1 + Math.floor(random() * 120) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
			const part = 1 + Math.floor(random() * 12);
			const store = JSON.stringify({ articles: [[text, { html: text }]], n: round });
			for (const [code, literal, expected] of [
				[oneFile(store), JSON.stringify(store), JSON.parse(store)],
				[chunk(text), JSON.stringify(text), text],
			] as const) {
				const split = splitStoreLiteral(code, part);
				if (split === undefined) {
					// Only a literal already as short as a part stays as it is.
					expect(literal.length - 2).toBeLessThanOrEqual(part);
					continue;
				}
				splits++;
				expect(split).toMatch(/\]\.join\(""\)\)?$/);
				expect(valueOf(split)).toEqual(expected);
			}
		}
		expect(splits).toBeGreaterThan(780);
	});

	it('writes literals of about the part’s length, each ending before a comma', () => {
		const store = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ id: `story-${i}`, title: 'Caf\u00e9 “news”' })));
		const split = splitStoreLiteral(oneFile(store), 1000)!;
		const parts = split.slice('export default JSON.parse(['.length, -'].join(""))'.length).split(',\n');
		expect(parts.length).toBeGreaterThan(store.length / 1100);
		for (const literal of parts.slice(0, -1)) {
			expect(literal.length).toBeGreaterThan(1000);
			expect(literal.length).toBeLessThan(1100);
		}
		expect(parts.slice(1).every((literal) => literal.startsWith('",'))).toBe(true);
		expect(valueOf(split)).toEqual(JSON.parse(store));
	});

	it('leaves alone what is not one long literal in Astro’s forms', () => {
		const long = 'x,'.repeat(100);
		for (const code of [
			'export default new Map()',
			`export default{"articles":[(await import("astro:data-layer-content-chunk:0123456789abcdef.txt"))]}`,
			oneFile('[1,2]'), // short
			`export default JSON.parse("${long}" + "${long}")`, // two literals
			`export default "${long}\\"`, // its closing quote escaped
			`export default JSON.parse("${long}").map(f)`,
			`const x = 1; export default "${long}"`,
		]) {
			expect(splitStoreLiteral(code, 16)).toBeUndefined();
		}
	});
});
