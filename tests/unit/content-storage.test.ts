import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentIntegration } from '../../integrations/newsroom/content/integration.ts';
import {
	archiveSize,
	chunkModule,
	joinedLiterals,
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

/** The value of an expression, or of an ES module of the form `export default <expression>`. */
const valueOf = (code: string): unknown => new Function(`return ${code.replace(/^export default /, '')}`)();

describe('the content store’s modules with their long string literals split', () => {
	// What escaping must survive: quotes, backslashes, line and paragraph separators, control characters,
	// characters outside the BMP (surrogate pairs, which a cut may separate) and lone surrogates.
	const alphabet = ['a', ',', '"', '\\', '\\,', '\n', '\u2028', '\u2029', '\u0000', '\u001f', 'é', '“', '📰', '\ud83d', '\udcf0', '</script>', '${x}', '`'];
	const seeded = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

	it('writes any text as literals of at most the part’s length that join into that text (random texts, every cut)', () => {
		const random = seeded(20);
		for (let round = 0; round < 400; round++) {
			const text = Array.from({ length: Math.floor(random() * 120) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
			const part = 1 + Math.floor(random() * 12);
			const expression = joinedLiterals(text, part);
			expect(valueOf(expression)).toBe(text);
			const literals = valueOf(expression.replace(/\.join\(""\)$/, '')) as string[];
			expect(literals).toHaveLength(Math.ceil(text.length / part));
			expect(literals.every((literal) => literal.length <= part)).toBe(true);
		}
	});

	it('rewrites a part of Astro’s chunked store with the same value, and leaves any other code alone', () => {
		const text = JSON.stringify([{ id: 'story-1', html: '<p>Caf\u00e9 “news”, 📰</p>\u2028' }]).repeat(50);
		const astros = `export default ${JSON.stringify(text)}`; // as Astro writes each part
		const rewritten = chunkModule(astros, 64)!;
		expect(rewritten).toMatch(/^export default \[/);
		expect(valueOf(rewritten)).toBe(text);
		for (const code of [
			'export default new Map()',
			`export default{"articles":[(await import("astro:data-layer-content-chunk:0123456789abcdef.txt"))]}`,
			`export default "a" + "b"`, // two literals
			`export default "a\\"`, // its closing quote escaped
			`export default "a".repeat(3)`,
			`const x = 1; export default "a"`,
		]) {
			expect(chunkModule(code, 16)).toBeUndefined();
		}
	});
});
