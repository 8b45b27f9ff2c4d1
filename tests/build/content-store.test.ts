import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Plugin, parseSync, Visitor } from 'vite';
import { describe, expect, it } from 'vitest';
import { generate } from '../../scripts/bench/generate.mjs';
import { buildSite } from '../helpers/build-site.ts';
import { page, text } from '../helpers/parse.ts';
import { repoRoot, testBuildTime, tmpRoot } from '../helpers/paths.ts';

// Astro bundles the content store as one string literal, which Node compiles in time quadratic in its length (111 s
// of a 50 000-article rebuild); in newsroom's builds prerendered pages read it from Astro's file instead
// (`content/storage.ts`). This builds a site whose store is far longer than any literal may be, and reads what was
// bundled.
const folder = join(tmpRoot, 'content-store');
const content = join(folder, 'content');
// Characters the store must carry through to the page.
const oddTitle = 'Quotes "here", a back\\slash, \u2028a line separator, café “curly”, 📰 and `${x}`';
const oddBody = 'Paths like C:\\new\\table, café “curly, with commas”, and 📰📰,\u2029then more, é.';
/** Longer than any string the site's own code bundles, far shorter than the store. */
const LONG = 100_000;

/** Every string literal of the module `code`. */
function literalsOf(code: string): string[] {
	const literals: string[] = [];
	const { program, errors } = parseSync('chunk.js', code);
	expect(errors).toEqual([]);
	new Visitor({
		Literal(node) {
			if (typeof node.value === 'string') literals.push(node.value);
		},
	}).visit(program);
	return literals;
}

const env = { NEWSROOM_CONTENT_DIR: relative(repoRoot, content), SOURCE_DATE_EPOCH: String(Date.parse(testBuildTime) / 1000) };
/** The code of every chunk the builds bundle (a test takes what its build added). */
const chunks: string[] = [];
const bundles: Plugin = {
	name: 'test:bundled-chunks',
	generateBundle(_options, bundle) {
		for (const file of Object.values(bundle)) if (file.type === 'chunk') chunks.push(file.code);
	},
};
const longest = (literals: string[]) => Math.max(...literals.map((literal) => literal.length));

/** An article written with the odd characters. */
async function writeOddArticle() {
	await mkdir(join(content, 'articles/2025/06'), { recursive: true });
	await writeFile(
		join(content, 'articles/2025/06/odd-characters.md'),
		`---\ntitle: ${JSON.stringify(oddTitle)}\npubDate: 2025-06-02 09:30\nauthors: [reporter-1]\nsection: sports\ntags: [Culture]\n---\n\n${oddBody}\n`,
	);
}

/** Its page in a build shows its title and body. */
async function expectOddPage(dist: string) {
	const odd = await page('/articles/2025/06/odd-characters/', dist);
	expect(text(odd.querySelector('h1'))).toBe(oddTitle.replace(/\s+/g, ' '));
	expect(text(odd.querySelector('article'))).toContain(oddBody.replace(/\s+/g, ' '));
}

describe('the content store as prerendered pages read it', () => {
	it('is read from Astro’s file, not bundled, and the pages read it intact', async () => {
		await rm(folder, { recursive: true, force: true });
		await generate(content, 300, { heroShare: 0 });
		await writeOddArticle();
		const dist = await buildSite({ name: 'content-store', env, inline: { vite: { plugins: [bundles] } } });

		const store = join(folder, 'cache', 'data-store.json');
		expect((await readFile(store, 'utf8')).length).toBeGreaterThan(10 * LONG);
		const code = chunks.splice(0);
		// No literal anywhere near the store's length: the store is not in the bundle.
		expect(longest(code.flatMap(literalsOf))).toBeLessThan(LONG);
		// One module reads the file (the pages below show what it holds), named with its version.
		expect(code.flatMap(literalsOf).filter((literal) => literal.startsWith(`${pathToFileURL(store).href}?version=`))).toHaveLength(1);
		await expectOddPage(dist);
	}, 600_000);

	it('is read so in Astro’s chunked storage too, each part from its file', async () => {
		const dist = await buildSite({ name: 'content-store-chunked', env, inline: { vite: { plugins: [bundles] }, experimental: { collectionStorage: 'chunked' } } });
		const parts = join(tmpRoot, 'content-store-chunked', 'cache', 'data-store');
		const files = (await readdir(parts)).filter((name) => name.endsWith('.txt')).map((name) => join(parts, name));
		const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
		expect(texts.reduce((sum, part) => sum + part.length, 0)).toBeGreaterThan(10 * LONG);
		const literals = chunks.splice(0).flatMap(literalsOf);
		expect(longest(literals)).toBeLessThan(LONG);
		const read = literals.filter((literal) => literal.includes('?version=')).map((literal) => fileURLToPath(literal.replace(/\?.*/, '')));
		expect(read.sort()).toEqual(files.sort());
		await expectOddPage(dist);
	}, 600_000);
});
