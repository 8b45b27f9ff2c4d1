import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { page, text } from '../helpers/parse.ts';
import { repoRoot, tmpRoot } from '../helpers/paths.ts';

const good = `---
title: A good article
pubDate: 2026-01-10 09:00
authors: [reporter]
section: world
---

Body text.
`;

/** Writes a small content folder (one author, one section, one good article) plus `files`, relative to it. */
async function contentWith(name: string, files: Record<string, string | Buffer>): Promise<string> {
	const dir = join(tmpRoot, 'bad-input', name, 'content');
	await rm(dirname(dir), { recursive: true, force: true });
	const all = {
		'authors/reporter.yaml': 'name: Reporter\nbio: Writes things.\n',
		'sections/world.yaml': 'name: World\ndescription: The world.\n',
		'articles/2026/01/good.md': good,
		...files,
	};
	for (const [path, contents] of Object.entries(all)) {
		await mkdir(dirname(join(dir, path)), { recursive: true });
		await writeFile(join(dir, path), contents);
	}
	return dir;
}

/** Builds the real site over that content and returns the error it fails with (message + location). */
async function failure(name: string, files: Record<string, string | Buffer>): Promise<string> {
	const dir = await contentWith(name, files);
	try {
		await buildSite({ name: `bad-input/${name}`, env: { NEWSROOM_CONTENT_DIR: relative(repoRoot, dir) } });
	} catch (error) {
		const { message, loc } = error as { message: string; loc?: { file?: string; line?: number; column?: number } };
		return `${message}\n${loc?.file ? `Location: ${relative(repoRoot, loc.file)}${loc.line ? `:${loc.line}:${loc.column}` : ''}` : ''}`;
	}
	throw new Error(`the build of "${name}" succeeded; it should have failed`);
}

const article = (frontmatter: string, body = 'Body text.') => `---\n${frontmatter}\n---\n\n${body}\n`;
const base = 'title: Bad\npubDate: 2026-01-12 09:00\nauthors: [reporter]\nsection: world';
const bad = 'articles/2026/01/bad.md';
const badInputDir = relative(repoRoot, join(tmpRoot, 'bad-input'));
const location = `Location: ${badInputDir}`;

describe('bad input fails the build with the file, the field and what was expected', () => {
	it('passes with only good content (the control case)', async () => {
		const dir = await contentWith('control', {});
		const out = await buildSite({ name: 'bad-input/control', env: { NEWSROOM_CONTENT_DIR: relative(repoRoot, dir) } });
		// The helper's content really was built: its one article has a page with its headline and body.
		const document = await page('/articles/2026/01/good/', out);
		expect(text(document.querySelector('h1'))).toBe('A good article');
		expect(text(document.querySelector('.article-body'))).toContain('Body text.');
	});

	it('a schema violation (a title that is not text)', async () => {
		const error = await failure('schema', { [bad]: article(base.replace('title: Bad', 'title: [1, 2]')) });
		expect(error).toContain('articles → 2026/01/bad');
		expect(error).toContain('**title**: expected text');
		expect(error).toContain(`${location}/schema/content/${bad}`);
	});

	it('an unknown author reference', async () => {
		const error = await failure('author', { [bad]: article(base.replace('[reporter]', '[reporter, nobody]')) });
		expect(error).toContain(`/author/content/${bad}: **authors.1**: unknown author "nobody"; expected one of "reporter"`);
	});

	it('an unknown section reference', async () => {
		const error = await failure('section', { [bad]: article(base.replace('section: world', 'section: sport')) });
		expect(error).toContain(`/section/content/${bad}: **section**: unknown section "sport"; expected one of "world"`);
	});

	it('a hero without alt text', async () => {
		const error = await failure('alt', {
			[bad]: article(`${base}\nhero:\n  image: ./hero.jpg`),
			'articles/2026/01/hero.jpg': await import('sharp').then(({ default: sharp }) =>
				sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).jpeg().toBuffer(),
			),
		});
		expect(error).toContain('**hero.alt**: required: text');
		expect(error).toContain(`${location}/alt/content/${bad}`);
	});

	it('a hero image file that does not exist', async () => {
		const error = await failure('image', { [bad]: article(`${base}\nhero:\n  image: ./missing.jpg\n  alt: A photo`) });
		expect(error).toContain(`${badInputDir}/image/content/${bad}: **hero.image**: image file "./missing.jpg" not found`);
		expect(error).toContain(`/image/content/${bad}`);
	});

	it('an impossible date', async () => {
		const error = await failure('date', { [bad]: article(base.replace('2026-01-12 09:00', '2026-02-30')) });
		expect(error).toContain('**pubDate**: "2026-02-30" is not a real date or time');
		expect(error).toContain(`${location}/date/content/${bad}`);
	});

	it('an updatedDate before the pubDate', async () => {
		const error = await failure('updated', { [bad]: article(`${base}\nupdatedDate: 2026-01-11`) });
		expect(error).toContain('**updatedDate**: updatedDate (2026-01-10T16:00:00.000Z) is before pubDate (2026-01-12T01:00:00.000Z)');
		expect(error).toContain(`${location}/updated/content/${bad}`);
	});

	it('misspelt frontmatter keys', async () => {
		const error = await failure('keys', { [bad]: article(base.replace('title:', 'titel:').replace('pubDate:', 'pubdate:')) });
		expect(error).toContain('**titel**: unknown field; did you mean "title"?');
		expect(error).toContain('**pubdate**: unknown field; did you mean "pubDate"?');
		expect(error).toContain(`${location}/keys/content/${bad}`);
	});

	it('broken YAML', async () => {
		const error = await failure('yaml', { [bad]: article(`${base}\ntags: [unclosed`) });
		// The parser's own words for what it expected, where, and the file.
		expect(error).toContain('unexpected end of the stream within a flow collection');
		// Line 6 is the `tags:` line.
		expect(error).toContain(`${location}/yaml/content/${bad}:6:`);
	});

	it('two articles resolving to the same URL', async () => {
		const error = await failure('duplicate', {
			'articles/2026/01/good.mdx': article(base),
		});
		const dir = `${badInputDir}/duplicate/content/articles`;
		expect(error).toContain(
			`Two articles resolve to the same URL: "${dir}/2026/01/good.md" and "${dir}/2026/01/good.mdx" (id "2026/01/good", URL /articles/2026/01/good/).`,
		);
	});

	it('an author file with a schema error', async () => {
		const error = await failure('author-file', { 'authors/reporter.yaml': 'name: Reporter\nbio: [a, list]\n' });
		expect(error).toContain('authors → reporter');
		expect(error).toContain('**bio**: expected text');
		expect(error).toContain(`${location}/author-file/content/authors/reporter.yaml`);
	});

	it('an MDX article using a component nobody provides', async () => {
		const error = await failure('mdx-component', {
			'articles/2026/01/chart.mdx': article(base, 'Numbers:\n\n<TurnoutChart year={2026} />'),
		});
		expect(error).toContain(
			`${badInputDir}/mdx-component/content/articles/2026/01/chart.mdx: <TurnoutChart> is not defined: import it in the article or add it to the module of the \`mdxComponents\` option (it provides: Factbox, ConsentEmbed)`,
		);
	});

	it('makes `npm run build` exit non-zero and print the file', async () => {
		const dir = await contentWith('cli', { [bad]: article(base.replace('2026-01-12 09:00', '2026-02-30')) });
		const run = promisify(execFile)('npm', ['run', 'build', '--', '--outDir', join(tmpRoot, 'bad-input', 'cli', 'dist')], {
			cwd: repoRoot,
			env: { ...process.env, NEWSROOM_CONTENT_DIR: relative(repoRoot, dir) },
		});
		const result = await run.then(
			() => ({ code: 0, output: '' }),
			(error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
		);
		expect(result.code).not.toBe(0);
		expect(result.output).toContain('2026-02-30');
		expect(result.output).toContain(`content/${bad}`);
	});
});
