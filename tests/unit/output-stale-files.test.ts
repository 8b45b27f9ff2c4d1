import { describe, expect, it } from 'vitest';
import { staleFiles } from '../../integrations/newsroom/incremental/output.ts';
import { builtFiles } from '../../integrations/newsroom/core/wiring.ts';

describe('staleFiles', () => {
	const start = 1_000;
	const files = [
		{ path: 'articles/kept/index.html', changedMs: 10 }, // reused page: old, but produced
		{ path: 'articles/withdrawn/index.html', changedMs: 10 }, // no longer produced
		{ path: '_astro/new.css', changedMs: 1_500 }, // written by this build
		{ path: '_astro/old.css', changedMs: 20 },
		{ path: 'sitemap-1.xml', changedMs: 30 },
		{ path: '.git/HEAD', changedMs: 5 },
		{ path: 'robots.txt', changedMs: start }, // written in the very tick the build started
	];

	it('keeps what this build produced or wrote and deletes the rest', () => {
		expect(staleFiles(files, new Set(['articles/kept/index.html']), start)).toEqual([
			'articles/withdrawn/index.html',
			'_astro/old.css',
			'sitemap-1.xml',
		]);
	});

	it('deletes nothing when everything is current', () => {
		expect(staleFiles(files.slice(2, 3), new Set(), start)).toEqual([]);
	});
});

describe('the files a build wrote', () => {
	it('are listed once each, though an incremental build lists a reused page twice', () => {
		const page = (path: string) => new URL(path, 'file:///site/dist/');
		const assets = new Map([
			['/articles/[...slug]', [page('articles/a/index.html'), page('articles/b/index.html'), page('articles/a/index.html')]],
			['/rss.xml', [page('rss.xml')]],
		]);
		expect(builtFiles(assets).map((file) => file.pathname)).toEqual([
			'/site/dist/articles/a/index.html',
			'/site/dist/articles/b/index.html',
			'/site/dist/rss.xml',
		]);
		expect(builtFiles(assets, { html: true })).toHaveLength(2);
	});
});
