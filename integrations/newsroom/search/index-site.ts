import { copyFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** The folder of the search index in the build output, and its URL path below the site's base. */
export const SEARCH_BUNDLE = 'pagefind';
/** The search page's script, copied into the bundle folder so that it loads Pagefind's module from beside it. */
export const SEARCH_SCRIPT = 'newsroom-search.js';

export interface IndexSiteOptions {
	/** Which HTML files to read, relative to `dist` (a glob): the article pages. */
	glob?: string;
}

export interface IndexSiteResult {
	pages: number;
	files: number;
	bytes: number;
	ms: number;
}

/**
 * Builds the Pagefind search index of a finished build folder into `<dist>/pagefind/`, replacing any earlier one.
 * Only pages that mark their content with `data-pagefind-body` (the article pages) are indexed, so the index holds
 * exactly what the build published. A site-wide step over the whole output: run it once, after every page is written
 * (and after an incremental build has pruned withdrawn pages).
 */
export async function indexSite(dist: string, { glob = 'articles/**/*.html' }: IndexSiteOptions = {}): Promise<IndexSiteResult> {
	const started = performance.now();
	const outputPath = join(dist, SEARCH_BUNDLE);
	await rm(outputPath, { recursive: true, force: true });
	try {
		// At most 1 000 fragment files (Pagefind bundles the rest): one file per article would put 10 000 files beside
		// 10 000 pages, against CDNs' limits on files per deployment (Cloudflare Pages: 20 000).
		const { index, errors } = await pagefind.createIndex({ maxFragments: 1000 });
		if (!index) throw new Error(errors.join('\n'));
		const added = await index.addDirectory({ path: dist, glob });
		if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length > 0) throw new Error(written.errors.join('\n'));
		await copyFile(new URL('./browser/search-page.js', import.meta.url), join(outputPath, SEARCH_SCRIPT));
		const { files, bytes } = await folderSize(outputPath);
		return { pages: added.page_count, files, bytes, ms: Math.round(performance.now() - started) };
	} finally {
		await pagefind.close();
	}
}

async function folderSize(folder: string): Promise<{ files: number; bytes: number }> {
	const entries = await readdir(folder, { recursive: true, withFileTypes: true });
	let bytes = 0;
	let files = 0;
	for (const entry of entries.filter((candidate) => candidate.isFile())) {
		bytes += (await stat(join(entry.parentPath, entry.name))).size;
		files++;
	}
	return { files, bytes };
}
