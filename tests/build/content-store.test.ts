import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { type Plugin, parseSync, Visitor } from 'vite';
import { describe, expect, it } from 'vitest';
import { LITERAL_PART } from '../../integrations/newsroom/content/storage.ts';
import { generate } from '../../scripts/bench/generate.mjs';
import { buildSite } from '../helpers/build-site.ts';
import { page, text } from '../helpers/parse.ts';
import { repoRoot, testBuildTime, tmpRoot } from '../helpers/paths.ts';

// Astro bundles the content store as one string literal, which Node compiles in time quadratic in its length (111 s
// of a 50 000-article rebuild); newsroom writes it as short literals joined when the module runs
// (`content/storage.ts`). This builds a site whose store is several parts long and reads what was bundled.
const folder = join(tmpRoot, 'content-store');
const content = join(folder, 'content');
// Characters the store's escaping must carry through the cut literals.
const oddTitle = 'Quotes "here", a back\\slash, \u2028a line separator, café “curly”, 📰 and `${x}`';
const oddBody = 'Paths like C:\\new\\table, café “curly, with commas”, and 📰📰,\u2029then more, é.';

/** Every string literal of the module `code`, and each `[…literals].join("")` joined. */
function literalsOf(code: string): { literals: string[]; joined: string[] } {
	const literals: string[] = [];
	const joined: string[] = [];
	const { program, errors } = parseSync('chunk.js', code);
	expect(errors).toEqual([]);
	new Visitor({
		Literal(node) {
			if (typeof node.value === 'string') literals.push(node.value);
		},
		CallExpression(node) {
			const { callee } = node;
			if (callee.type !== 'MemberExpression' || callee.object.type !== 'ArrayExpression') return;
			if (callee.property.type !== 'Identifier' || callee.property.name !== 'join') return;
			const parts = callee.object.elements.map((element) => (element?.type === 'Literal' ? element.value : null));
			if (parts.every((value) => typeof value === 'string')) joined.push(parts.join(''));
		},
	}).visit(program);
	return { literals, joined };
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
const longest = (found: { literals: string[] }[]) => Math.max(...found.flatMap(({ literals }) => literals.map((literal) => literal.length)));

describe('the content store as Node loads it', () => {
	it('is bundled as short literals whose joined text is the store Astro wrote, and the pages read it intact', async () => {
		await rm(folder, { recursive: true, force: true });
		await generate(content, 300, { heroShare: 0 });
		await mkdir(join(content, 'articles/2025/06'), { recursive: true });
		await writeFile(
			join(content, 'articles/2025/06/odd-characters.md'),
			`---\ntitle: ${JSON.stringify(oddTitle)}\npubDate: 2025-06-02 09:30\nauthors: [reporter-1]\nsection: sports\ntags: [Culture]\n---\n\n${oddBody}\n`,
		);
		const dist = await buildSite({ name: 'content-store', env, inline: { vite: { plugins: [bundles] } } });

		const store = await readFile(join(folder, 'cache', 'data-store.json'), 'utf8');
		expect(store.length).toBeGreaterThan(4 * LITERAL_PART);
		const found = chunks.splice(0).map(literalsOf);
		// No literal anywhere near the store's length: the longest is one part, LITERAL_PART characters.
		expect(longest(found)).toBe(LITERAL_PART);
		// What the module parses is exactly the text Astro stored.
		expect(found.flatMap(({ joined }) => joined).filter((joined) => joined === store)).toHaveLength(1);

		const odd = await page('/articles/2025/06/odd-characters/', dist);
		expect(text(odd.querySelector('h1'))).toBe(oddTitle.replace(/\s+/g, ' '));
		expect(text(odd.querySelector('article'))).toContain(oddBody.replace(/\s+/g, ' '));
	}, 600_000);

	it('is bundled so in Astro’s chunked storage too (each part of the store its own module)', async () => {
		await buildSite({ name: 'content-store-chunked', env, inline: { vite: { plugins: [bundles] }, experimental: { collectionStorage: 'chunked' } } });
		const parts = await readdir(join(tmpRoot, 'content-store-chunked', 'cache', 'data-store'));
		const texts = await Promise.all(
			parts.filter((name) => name.endsWith('.txt')).map((name) => readFile(join(tmpRoot, 'content-store-chunked', 'cache', 'data-store', name), 'utf8')),
		);
		expect(texts.reduce((sum, part) => sum + part.length, 0)).toBeGreaterThan(4 * LITERAL_PART);
		const found = chunks.splice(0).map(literalsOf);
		expect(longest(found)).toBe(LITERAL_PART);
		const joined = found.flatMap(({ joined }) => joined);
		for (const part of texts.filter((part) => part.length > LITERAL_PART)) expect(joined).toContain(part);
	}, 600_000);
});
