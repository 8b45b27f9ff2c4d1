import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDifferences } from '../helpers/compare-dist.ts';
import { repoRoot } from '../helpers/paths.ts';

/**
 * Proof that @newsroom/astro is a plugin, not a folder of this repository: the package is packed with `npm pack`,
 * installed from the tarball into a fresh minimal Astro 7 site outside the workspace, configured the way
 * docs/using-in-another-site.md says, a WordPress export imported with its `newsroom` command (the bundle `npm pack`
 * builds: Node runs no TypeScript from node_modules), and built. Guards `files`, `exports`, `bin`, `dependencies`
 * and `peerDependencies`.
 */
const run = promisify(execFile);
const versionOf = async (name: string) =>
	(JSON.parse(await readFile(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
		.version;

let work: string;
let dist: string;
let buildLog: string;
let importLog: string;

const files: Record<string, string> = {
	'astro.config.mjs': `import { defineConfig } from 'astro/config';
import newsroom from '@newsroom/astro';

export default defineConfig({
	site: 'https://packed.example',
	integrations: [
		newsroom({
			name: 'The Packed Times',
			timeZone: 'Europe/London',
			now: '2026-01-29T12:00:00Z',
			consent: { contact: 'privacy@packed.example' },
		}),
	],
});
`,
	'src/content.config.ts': `import { defineNewsroomCollections } from '@newsroom/astro/content';

export const collections = defineNewsroomCollections();
`,
	'src/content/authors/ada.yaml': 'name: Ada Reporter\nbio: Covers the city.\n',
	'src/content/sections/city.yaml': 'name: City\ndescription: News from the city.\n',
	'src/content/articles/2026/01/bridge-reopens.md': `---
title: The old bridge reopens
description: Two years of repairs end on Thursday.
pubDate: 2026-01-28 09:00
authors: [ada]
section: city
tags: [Transport]
---

The bridge reopened to traffic on Thursday morning.
`,
	'src/layouts/Page.astro': `---
import { CookieConsent, SeoHead } from '@newsroom/astro/components';
import type { PageSeo } from '@newsroom/astro/seo';
interface Props { title: string; description: string; seo?: PageSeo }
const { title, description, seo = {} } = Astro.props;
---
<html lang="en-GB">
	<head><SeoHead title={title} description={description} {...seo} /></head>
	<body>
		<CookieConsent />
		<main><slot /></main>
	</body>
</html>
`,
	'src/pages/articles/[...slug].astro': `---
import { render } from 'astro:content';
import { FormattedDate, RecentPosts } from '@newsroom/astro/components';
import { loadContentSet, type Article } from '@newsroom/astro/content';
import { articleSeo } from '@newsroom/astro/seo';
import { urls } from '@newsroom/astro/urls';
import Page from '../../layouts/Page.astro';

export async function getStaticPaths() {
	const { articles } = await loadContentSet();
	return articles.map((article) => ({ params: { slug: article.id }, props: { article } }));
}
const { article } = Astro.props as { article: Article };
const { Content } = await render(article);
---
<Page title={article.data.title} description={article.data.description ?? ''} seo={await articleSeo(article)}>
	<h1>{article.data.title}</h1>
	<FormattedDate date={article.data.pubDate} />
	<Content />
	<a href={urls.section(article.data.section.id)}>Section</a>
	<RecentPosts current={article.id} />
</Page>
`,
	'src/pages/index.astro': `---
import { RecentPosts } from '@newsroom/astro/components';
import { homeSeo } from '@newsroom/astro/seo';
import Page from '../layouts/Page.astro';
---
<Page title="The Packed Times" description="News." seo={homeSeo()}><h1>The Packed Times</h1><RecentPosts /></Page>
`,
	'src/pages/privacy.astro': `---
import Page from '../layouts/Page.astro';
---
<Page title="Privacy" description="Cookies."><h1>Privacy</h1></Page>
`,
};

beforeAll(async () => {
	work = await mkdtemp(join(tmpdir(), 'newsroom-packed-'));
	const { stdout } = await run('npm', [
		'pack',
		join(repoRoot, 'integrations/newsroom'),
		'--pack-destination',
		work,
		'--silent',
	]);
	const tarball = join(work, stdout.trim().split('\n').at(-1)!);
	const site = join(work, 'site');
	for (const [path, contents] of Object.entries(files)) {
		await mkdir(dirname(join(site, path)), { recursive: true });
		await writeFile(join(site, path), contents);
	}
	await mkdir(join(site, 'public'), { recursive: true });
	await copyFile(join(repoRoot, 'public/logo.png'), join(site, 'public/logo.png'));
	await writeFile(
		join(site, 'package.json'),
		JSON.stringify({
			name: 'packed-site',
			private: true,
			type: 'module',
			dependencies: {
				'@newsroom/astro': `file:${tarball}`,
				astro: await versionOf('astro'),
				sharp: await versionOf('sharp'),
			},
			overrides: { vite: await versionOf('vite') },
			allowScripts: { esbuild: true, sharp: true },
		}),
	);
	await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], {
		cwd: site,
		maxBuffer: 16 * 1024 * 1024,
	});
	const imported = await run(
		'npx',
		[
			'newsroom',
			'import',
			'wordpress',
			join(repoRoot, 'tests/fixtures/wordpress/export.xml'),
			'--time-zone',
			'Europe/London',
			'--report',
			join(work, 'report.json'),
		],
		{ cwd: site, env: { ...process.env, CI: '1' }, maxBuffer: 16 * 1024 * 1024 },
	);
	importLog = imported.stdout;
	// One clock for both builds below (the wall clock, read once), so their output can be compared.
	const clock = { SOURCE_DATE_EPOCH: String(Math.floor(Date.now() / 1000)) };
	const build = await run(process.execPath, [join(site, 'node_modules/astro/bin/astro.mjs'), 'build'], {
		cwd: site,
		env: { ...process.env, ...clock, NO_COLOR: '1' },
		maxBuffer: 16 * 1024 * 1024,
	});
	buildLog = build.stdout + build.stderr;
	dist = join(site, 'dist');
	// The same site built by the package's `newsroom build` (its bundled command) in two worker processes.
	await run(
		'npx',
		['newsroom', 'build', '--workers', '2', '--out-dir', join(work, 'parallel-dist'), '--log-level', 'warn'],
		{
			cwd: site,
			env: { ...process.env, ...clock },
			maxBuffer: 16 * 1024 * 1024,
		},
	);
}, 600_000);

afterAll(async () => {
	if (work) await rm(work, { recursive: true, force: true });
});

describe('@newsroom/astro installed from its npm tarball into a fresh Astro site', () => {
	it('builds the same files, byte for byte, with `newsroom build --workers 2` as with `astro build`', async () => {
		expect(
			await distDifferences(dist, join(work, 'parallel-dist'), ['astro build', 'newsroom build --workers 2']),
		).toEqual([]);
	});

	it('installs only what the package declares: its own files, no test or fixture', async () => {
		const installed = join(work, 'site/node_modules/@newsroom/astro');
		const entries = await readdir(installed, { recursive: true });
		expect(entries).toContain('index.ts');
		expect(entries.filter((entry) => /(^|\/)(tests?|fixtures|node_modules)(\/|$)|\.test\.ts$/.test(entry))).toEqual([]);
	});

	it('builds the article page with its metadata, Recent Posts on the home page and the consent island', async () => {
		const { document } = parseHTML(await readFile(join(dist, 'articles/2026/01/bridge-reopens/index.html'), 'utf8'));
		expect(document.querySelector('h1')?.textContent).toBe('The old bridge reopens');
		expect(document.querySelector('link[rel=canonical]')?.getAttribute('href')).toBe(
			'https://packed.example/articles/2026/01/bridge-reopens/',
		);
		expect(document.querySelector('script[type="application/ld+json"]')?.textContent).toContain('"NewsArticle"');
		expect(document.querySelector('time')?.getAttribute('datetime')).toBe('2026-01-28T09:00:00Z');
		const consent = document.querySelector('newsroom-consent');
		expect(consent?.querySelector('button[value=all]')?.textContent).toBe('Accept all');
		// The island's script, inlined by Astro (it is small) or linked.
		const island = document.querySelector('script[type="module"]');
		const src = island?.getAttribute('src');
		const code = src ? await readFile(join(dist, src), 'utf8') : (island?.textContent ?? '');
		expect(code).toMatch(/customElements\.define\(.newsroom-consent.,/);
		const home = parseHTML(await readFile(join(dist, 'index.html'), 'utf8')).document;
		// With the imported WordPress posts (below), newest first.
		expect([...home.querySelectorAll('.recent-posts h3 a')].map((a) => a.textContent)).toEqual([
			'The old bridge reopens',
			'Café culture on the quay',
			'Storm report',
			'Ferry timetable changes for winter',
		]);
	});

	it('writes the feeds and the sitemaps', async () => {
		const xml = new XMLParser();
		const rss = xml.parse(await readFile(join(dist, 'rss.xml'), 'utf8'));
		expect(rss.rss.channel.title).toBe('The Packed Times');
		expect(rss.rss.channel.item[0].guid).toBe('https://packed.example/articles/2026/01/bridge-reopens/');
		const sitemap = xml.parse(await readFile(join(dist, 'sitemap-0.xml'), 'utf8'));
		const locs = [sitemap.urlset.url].flat().map((url: { loc: string }) => url.loc);
		expect(locs).toContain('https://packed.example/articles/2026/01/bridge-reopens/');
		const news = xml.parse(await readFile(join(dist, 'news-sitemap.xml'), 'utf8'));
		expect(news.urlset.url.loc).toBe('https://packed.example/articles/2026/01/bridge-reopens/');
		expect(await readFile(join(dist, '_headers'), 'utf8')).toContain('Cache-Control');
	});

	it('runs `npx newsroom import wordpress` from the tarball, and builds the imported articles with their old URLs redirected', async () => {
		expect(importLog).toContain('Articles: 3 published, 2 drafts, 1 embargoed (future)');
		const installed = join(work, 'site/node_modules/@newsroom/astro');
		expect(await readdir(join(installed, 'dist'))).toEqual(['cli.mjs']);
		const { document } = parseHTML(
			await readFile(join(dist, 'articles/2024/03/ferry-timetable-winter/index.html'), 'utf8'),
		);
		expect(document.querySelector('h1')?.textContent).toBe('Ferry timetable changes for winter');
		expect(await readFile(join(dist, '_redirects'), 'utf8')).toContain(
			'/2024/03/04/ferry-timetable-winter/ /articles/2024/03/ferry-timetable-winter/ 301',
		);
		const fallback = parseHTML(
			await readFile(join(dist, '2024/03/04/ferry-timetable-winter/index.html'), 'utf8'),
		).document;
		expect(fallback.querySelector('main a')?.getAttribute('href')).toBe('/articles/2024/03/ferry-timetable-winter/');
	});

	it('builds without a warning', () => {
		expect(buildLog).not.toMatch(/\[WARN\]|\[ERROR\]/);
	});
});
