import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractFrontmatter } from 'astro/markdown';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../integrations/newsroom/cli.ts';
import { ImportError, importWordPress } from '../../integrations/newsroom/wordpress/import.ts';
import { listFiles } from '../../integrations/newsroom/wordpress/output.ts';
import type { ImportReport } from '../../integrations/newsroom/wordpress/report.ts';
import { repoRoot, tmpRoot } from '../helpers/paths.ts';

/**
 * `newsroom import wordpress` on a small export written for these tests (tests/fixtures/wordpress/export.xml: one
 * item per case) with a copy of its uploads: the files it writes, what it reports, and that running it again
 * changes nothing, `--update` rewrites only what WordPress changed, and nothing is ever deleted.
 */
const fixture = join(repoRoot, 'tests/fixtures/wordpress');
const exportFile = join(fixture, 'export.xml');
const work = join(tmpRoot, 'wordpress-import');
const out = join(work, 'content');
let report: ImportReport;

const frontMatter = async (path: string) =>
	yaml.load(extractFrontmatter(await readFile(join(out, path), 'utf8'))!, { schema: yaml.CORE_SCHEMA }) as Record<
		string,
		unknown
	>;
const options = { file: exportFile, out, uploads: join(fixture, 'uploads'), timeZone: 'Asia/Kuala_Lumpur' };

beforeAll(async () => {
	await rm(work, { recursive: true, force: true });
	report = await importWordPress(options);
});

afterAll(async () => {
	await rm(work, { recursive: true, force: true });
});

describe('importing a WordPress export', () => {
	it('writes articles under articles/YYYY/MM/ (the month in the site zone), authors, sections and copied images', async () => {
		expect(await listFiles(out)).toEqual([
			'articles/2024/03/budget-draft.md',
			'articles/2024/03/ferry-timetable-winter.md',
			'articles/2024/03/gutenberg-storm-report.md',
			'articles/2024/03/members-only.md',
			// 20:50 GMT on March 31 is April 1 in Kuala Lumpur; the percent-encoded slug is decoded.
			'articles/2024/04/café-culture.md',
			'articles/2099/06/festival-programme.md',
			'assets/wordpress/2024/03/gallery-one.jpg',
			'assets/wordpress/2024/03/gallery-two.jpg',
			'assets/wordpress/2024/03/harbour.jpg',
			'assets/wordpress/2024/03/market.jpg',
			'authors/desk.yaml',
			'authors/maria-lopez.yaml',
			'sections/city.yaml',
			'sections/port.yaml',
			'sections/uncategorized.yaml',
		]);
		expect(await readFile(join(out, 'authors/maria-lopez.yaml'), 'utf8')).toBe(
			'name: María López\nbio: Covers the port and the city council.\n',
		);
		expect(await readFile(join(out, 'authors/desk.yaml'), 'utf8')).toBe('name: News Desk\n');
		expect(await readFile(join(out, 'sections/port.yaml'), 'utf8')).toBe('name: Port & Ships\n');
		expect(await readFile(join(out, 'sections/city.yaml'), 'utf8')).toBe(
			'name: City\ndescription: The council, the streets, the people.\n',
		);
	});

	it('maps a published post: dates in the site zone, excerpt, first category as section, the rest and tags as tags, hero, alias', async () => {
		expect(await frontMatter('articles/2024/03/ferry-timetable-winter.md')).toEqual({
			title: 'Ferry timetable changes for winter',
			description: 'Boats every forty minutes.',
			pubDate: '2024-03-04T09:15:00+08:00',
			updatedDate: '2024-03-06T10:00:00+08:00',
			authors: ['maria-lopez'],
			section: 'port',
			tags: ['City', 'Ferries', 'Weather'],
			hero: {
				image: '../../../assets/wordpress/2024/03/harbour.jpg',
				alt: 'Fishing boats moored in the harbour at dawn',
				caption: 'The harbour at dawn',
			},
			aliases: ['/2024/03/04/ferry-timetable-winter/'],
		});
		expect(await frontMatter('articles/2024/04/café-culture.md')).toMatchObject({
			section: 'uncategorized',
			aliases: ['/2024/03/31/café-culture/'],
		});
	});

	it('maps statuses: draft (no GMT date) and password-protected as drafts, future as an embargo; trash is skipped', async () => {
		expect(await frontMatter('articles/2024/03/budget-draft.md')).toMatchObject({
			pubDate: '2024-03-07T12:00:00+08:00',
			draft: true,
		});
		expect(await frontMatter('articles/2024/03/members-only.md')).toMatchObject({ draft: true });
		const future = await frontMatter('articles/2099/06/festival-programme.md');
		expect(future['pubDate']).toBe('2099-06-01T08:00:00+08:00');
		expect(future['draft']).toBeUndefined();
		expect(report.articles).toMatchObject({ published: 3, drafts: 2, embargoed: 1 });
		expect(report.articles.heldBack).toEqual([
			expect.objectContaining({ id: 105, reason: 'password-protected in WordPress' }),
		]);
		expect(report.items).toEqual({
			post: { publish: 4, draft: 1, future: 1, trash: 1 },
			page: { publish: 1 },
			nav_menu_item: { publish: 1 },
			attachment: { inherit: 4 },
			wp_block: { publish: 1 },
		});
		expect(report.comments).toBe(2);
	});

	it('never invents alt text: a featured image without it is left out of hero, commented, and listed', async () => {
		const source = await readFile(join(out, 'articles/2024/03/gutenberg-storm-report.md'), 'utf8');
		const data = await frontMatter('articles/2024/03/gutenberg-storm-report.md');
		expect(data['hero']).toBeUndefined();
		expect(source).toContain(
			'# The featured image has no alt text in WordPress. Describe it, then uncomment the hero:\n# hero:\n#   image: ../../../assets/wordpress/2024/03/market.jpg\n#   alt:\n',
		);
		expect(report.altTextToWrite.map((entry) => [entry.id, entry.where, entry.image])).toEqual([
			[102, 'hero', '../../../assets/wordpress/2024/03/market.jpg'],
			[102, 'body', '../../../assets/wordpress/2024/03/market.jpg'],
		]);
	});

	it('reports images not found, kept blocks and shortcodes, dropped blocks, unredirectable permalinks and tag archives', () => {
		expect(report.images).toEqual({
			copied: 4,
			unchanged: 0,
			notFound: [{ url: 'https://cdn.elsewhere.example/chart.png', posts: [101] }],
		});
		expect(report.keptAsHtml).toEqual({
			'[contact-form]': { count: 1, posts: [101] },
			'jetpack/markdown': { count: 1, posts: [102] },
		});
		expect(report.dropped).toEqual({ 'core/latest-posts': { count: 1, posts: [102] } });
		expect(report.redirects.aliases).toBe(5);
		expect(report.redirects.notRedirectable).toEqual([
			expect.objectContaining({
				id: 104,
				reason: '"https://old.example/?p=104" is a query-string permalink, which static hosts cannot redirect',
			}),
		]);
		expect(report.redirects.tagArchives).toEqual([{ from: '/tag/weather-2/', to: '/tags/weather/' }]);
		expect(report.authors.withoutBio).toEqual([`${out}/authors/desk.yaml`]);
		expect(report.advice[0]).toContain('redirects: { wordpressArchives: true }');
	});

	it('changes no file when run again', async () => {
		const before = await Promise.all(
			(await listFiles(out)).map(async (file) => [file, (await stat(join(out, file))).mtimeMs]),
		);
		const again = await importWordPress(options);
		expect(again.articles).toMatchObject({ written: [], updated: [], kept: [], unchanged: 6 });
		expect(again.images).toMatchObject({ copied: 0, unchanged: 4 });
		const after = await Promise.all(
			(await listFiles(out)).map(async (file) => [file, (await stat(join(out, file))).mtimeMs]),
		);
		expect(after).toEqual(before);
	});

	it('keeps an edited article; --update rewrites only a post WordPress modified since, and deletes nothing', async () => {
		const edited = join(out, 'articles/2024/03/gutenberg-storm-report.md');
		await writeFile(edited, (await readFile(edited, 'utf8')).replace('The storm reached', 'The big storm reached'));
		const extra = join(out, 'articles/2024/03/written-here.md');
		await writeFile(extra, '---\ntitle: Written here\n---\n');
		const modified = join(work, 'modified.xml');
		await writeFile(
			modified,
			(await readFile(exportFile, 'utf8')).replace(
				'<wp:post_modified_gmt><![CDATA[2024-03-06 02:00:00]]></wp:post_modified_gmt>',
				'<wp:post_modified_gmt><![CDATA[2024-03-09 02:00:00]]></wp:post_modified_gmt>',
			),
		);
		const plain = await importWordPress({ ...options, file: modified });
		expect(plain.articles.kept).toEqual([
			`${out}/articles/2024/03/ferry-timetable-winter.md`,
			`${out}/articles/2024/03/gutenberg-storm-report.md`,
		]);
		const updated = await importWordPress({ ...options, file: modified, update: true });
		expect(updated.articles.updated).toEqual([`${out}/articles/2024/03/ferry-timetable-winter.md`]);
		expect(updated.articles.kept).toEqual([`${out}/articles/2024/03/gutenberg-storm-report.md`]);
		expect(await frontMatter('articles/2024/03/ferry-timetable-winter.md')).toMatchObject({
			updatedDate: '2024-03-09T10:00:00+08:00',
		});
		expect(await readFile(edited, 'utf8')).toContain('The big storm reached');
		expect(await readFile(extra, 'utf8')).toBe('---\ntitle: Written here\n---\n');
	});

	it('writes published pages to pages/ with --pages, for the operator to place', async () => {
		const pages = join(work, 'pages');
		await importWordPress({ ...options, out: pages, pages: true });
		expect(await readFile(join(pages, 'pages/about.md'), 'utf8')).toBe(
			"---\n# WordPress page 110: not an article. Move it into your site's pages (see docs/migrating-from-wordpress.md).\ntitle: About us\npermalink: /about/\n---\n\nWe are the harbour's newspaper since 1901.\n",
		);
	});
});

describe('bad input: a clear error naming the item and the line, and nothing written', () => {
	const bad = join(work, 'bad');
	const attempt = async (name: string, xml: string) => {
		const file = join(bad, `${name}.xml`);
		const target = join(bad, `${name}-content`);
		await mkdir(bad, { recursive: true });
		await writeFile(file, xml);
		const error = await importWordPress({ file, out: target, timeZone: 'UTC' }).then(
			() => undefined,
			(thrown: unknown) => thrown,
		);
		expect(error).toBeInstanceOf(ImportError);
		// Nothing half-written: neither the content folder nor a staging folder beside it.
		expect((await listFiles(bad)).filter((path) => !path.endsWith('.xml'))).toEqual([]);
		return (error as Error).message.replace(`${file}: `, '');
	};
	const channel = (body: string, version = '1.2') =>
		`<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/${version}/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">\n<channel>\n<title>T</title>\n<wp:wxr_version>${version}</wp:wxr_version>\n<wp:base_blog_url>https://old.example</wp:base_blog_url>\n<wp:author><wp:author_login>ann</wp:author_login><wp:author_display_name>Ann</wp:author_display_name></wp:author>\n${body}</channel>\n</rss>\n`;
	const post = (id: number, fields: string) =>
		`<item>\n<title>Post ${id}</title>\n<link>https://old.example/p${id}/</link>\n<wp:post_id>${id}</wp:post_id>\n<wp:post_type>post</wp:post_type>\n<wp:status>publish</wp:status>\n${fields}\n</item>\n`;
	const good = '<dc:creator>ann</dc:creator><wp:post_date_gmt>2024-01-02 10:00:00</wp:post_date_gmt>';

	it('not XML, truncated XML, not a WXR, an unknown WXR version', async () => {
		expect(await attempt('not-xml', 'Export of my site: posts, pages…')).toMatchInlineSnapshot(`
			"the import stopped before writing anything:
			  line 1, column 32: not XML: text data outside of root node."
		`);
		expect(await attempt('truncated', channel(post(1, good)).slice(0, 420))).toMatchInlineSnapshot(`
			"the import stopped before writing anything:
			  line 7, column 95: unclosed tag: wp:author_display_name"
		`);
		expect(
			await attempt(
				'not-wxr',
				'<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title><item><title>x</title></item></channel></rss>',
			),
		).toMatchInlineSnapshot(`
			"the import stopped before writing anything:
			  line 1, column 76: not a WordPress export: the channel has no <wp:wxr_version>"
		`);
		expect(await attempt('html', '<html><body>hi</body></html>')).toMatchInlineSnapshot(`
			"the import stopped before writing anything:
			  line 1, column 6: not a WordPress export: the root element is <html>, expected <rss>"
		`);
		expect(await attempt('version', channel(post(1, good), '9.9'))).toMatchInlineSnapshot(`
			"the import stopped before writing anything:
			  line 8, column 6: unknown WXR version "9.9"; this importer reads WXR 1.0, 1.1, 1.2"
		`);
	});

	it('refuses entity expansion attacks: a billion laughs and an external entity', async () => {
		const laughs = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n]>\n<rss><channel><title>&lol3;</title></channel></rss>`;
		expect(await attempt('laughs', laughs)).toMatchInlineSnapshot(`
			"the import stopped before writing anything:
			  line 6, column 2: the file has a DOCTYPE, which a WordPress export never has: entity declarations are refused (no external entities or entity expansion)"
		`);
		const external = `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<rss><channel><title>&secret;</title></channel></rss>`;
		expect(await attempt('external', external)).toMatchInlineSnapshot(`
			"the import stopped before writing anything:
			  line 2, column 61: the file has a DOCTYPE, which a WordPress export never has: entity declarations are refused (no external entities or entity expansion)"
		`);
		// Without a DOCTYPE, an undeclared entity is an error too, not an expansion.
		expect(await attempt('undeclared', channel(post(1, `${good}<content:encoded>&secret;</content:encoded>`))))
			.toMatchInlineSnapshot(`
			"the import stopped before writing anything:
			  line 14, column 109: undefined entity. (in post 1 "Post 1", whose <item> starts at line 8)"
		`);
	});

	it('duplicate slugs in one month, an author missing from the export, invalid dates: every problem at once', async () => {
		const items = [
			post(1, `${good}<wp:post_name>same</wp:post_name>`),
			post(2, `${good}<wp:post_name>same</wp:post_name>`),
			post(3, '<dc:creator>bob</dc:creator><wp:post_date_gmt>2024-01-02 10:00:00</wp:post_date_gmt>'),
			post(4, '<dc:creator>ann</dc:creator><wp:post_date_gmt>2024-02-30 10:00:00</wp:post_date_gmt>'),
			post(5, '<dc:creator>ann</dc:creator><wp:post_date_gmt>yesterday</wp:post_date_gmt>'),
		].join('');
		expect(await attempt('items', channel(items))).toMatchInlineSnapshot(`
			"the import stopped before writing anything:
			  line 16: post 2 "Post 2": its slug "same" is also the slug of post 1 "Post 1" (line 8) in the same month: both would be articles/2024/01/same.md. Give one of them another slug in WordPress and export again
			  line 24: post 3 "Post 3": its author "bob" (<dc:creator>) is not among the export's authors (<wp:author>: "ann")
			  line 32: post 4 "Post 4": <wp:post_date_gmt> "2024-02-30 10:00:00" is not a valid date
			  line 40: post 5 "Post 5": <wp:post_date_gmt> "yesterday" is not a valid date"
		`);
	});
});

describe('the newsroom command', () => {
	const run = async (...argv: string[]) => {
		let stdout = '';
		let stderr = '';
		const code = await main(argv, {
			stdout: { write: (text: string) => (stdout += text) },
			stderr: { write: (text: string) => (stderr += text) },
			env: { CI: '1' },
		});
		return { code, stdout, stderr };
	};

	it('imports, prints the report with plain progress lines in CI, and saves it as JSON', async () => {
		const reportFile = join(work, 'cli-report.json');
		const { code, stdout, stderr } = await run(
			'import',
			'wordpress',
			exportFile,
			'--out',
			join(work, 'cli'),
			'--time-zone',
			'Asia/Kuala_Lumpur',
			'--report',
			reportFile,
		);
		expect(code).toBe(0);
		expect(stderr).toContain('Converting and writing: 100% (6 items)\n');
		expect(stderr).not.toContain('\r');
		expect(stdout).toContain('Articles: 3 published, 2 drafts, 1 embargoed (future)');
		expect(stdout).toContain('Images: 0 copied, 0 already there, 6 not found in the uploads (kept as URLs)');
		expect(JSON.parse(await readFile(reportFile, 'utf8'))).toMatchObject({ articles: { published: 3 } });
	});

	it('exits 2 with the usage on a bad command line, 1 on bad input', async () => {
		expect(await run()).toMatchObject({ code: 2 });
		expect((await run('export', 'x')).stderr).toContain('newsroom: unknown command "export"');
		expect((await run('import', 'joomla', 'x.xml')).stderr).toContain('unknown source "joomla"');
		expect((await run('import', 'wordpress')).stderr).toContain('give one export file (got 0)');
		expect((await run('import', 'wordpress', 'x.xml', '--time-zone', 'Mars/Olympus')).stderr).toContain(
			'is not an IANA time zone',
		);
		expect((await run('import', 'wordpress', 'x.xml', '--outt', 'y')).stderr).toContain("Unknown option '--outt'");
		const missing = await run('import', 'wordpress', join(work, 'missing.xml'));
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('the file does not exist or cannot be read');
	});
});
