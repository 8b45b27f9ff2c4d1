/**
 * Redirects, in the `_redirects` format Netlify and Cloudflare Pages read: every `aliases:` path of a published
 * article to the article (301), and, with the `redirects.wordpressArchives` option, WordPress's archive URLs to
 * the matching section, tag, author and feed. Pure: the artefact route gives it the content, the integration
 * writes the file.
 */

/** One redirect: `from` and `to` are site paths (with the base path), as readers' browsers ask for them. */
export interface RedirectRule {
	from: string;
	to: string;
}

/** An alias of a published article: its old path, the article's path, and where it was written. */
export interface AliasEntry {
	from: string;
	to: string;
	/** The article file and field, for error messages: "src/content/articles/x.md (aliases.0)". */
	source: string;
}

/** The build artefact `/_newsroom/redirects.json`, from the published set to `astro:build:done`. */
export interface RedirectsData {
	aliases: AliasEntry[];
	archives: RedirectRule[];
	/** The artefact only: the site paths of live blogs that are live (short caching in `_headers`). */
	live?: string[];
}

interface AliasedArticle {
	file: string;
	/** The article's own path on the site. */
	url: string;
	aliases: readonly string[];
}

/** A path without its trailing slash: `/x/` and `/x` are one page to Astro and to the hosts. */
export const pathKey = (path: string) => (path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);

/**
 * The aliases of `articles` (every article, drafts and embargoed ones too: a clash is a clash before it goes
 * live), each as a site path (`sitePath` adds the base path), with the problems that must stop the build: an alias
 * claimed by two articles, or one that is another article's URL. Each problem names both files.
 */
export function collectAliases(
	articles: readonly AliasedArticle[],
	sitePath: (alias: string) => string,
): { aliases: (AliasEntry & { key: string })[]; problems: string[] } {
	const byUrl = new Map(articles.map((article) => [pathKey(article.url), article.file]));
	const claimed = new Map<string, string>();
	const aliases: (AliasEntry & { key: string })[] = [];
	const problems: string[] = [];
	for (const article of articles) {
		article.aliases.forEach((alias, index) => {
			const from = sitePath(alias);
			const key = pathKey(from);
			const source = `${article.file} (aliases.${index})`;
			const page = byUrl.get(key);
			const other = claimed.get(key);
			if (page !== undefined)
				problems.push(
					`${source}: "${alias}" is the URL of the article ${page}; an alias must be an old path no page uses`,
				);
			else if (other !== undefined)
				problems.push(
					`${source}: "${alias}" is also an alias of ${other}; an old path can redirect to one article only`,
				);
			else {
				claimed.set(key, source);
				aliases.push({ from, to: article.url, source, key });
			}
		});
	}
	return { aliases, problems };
}

/** WordPress's archive URLs for the sections, tags and authors a build has, and its feeds. */
export function wordpressArchiveRules({
	base,
	feed,
	sections,
	tags,
	authors,
}: {
	/** The site's base path ("/" or "/news/"): the old URLs are read below it. */
	base: string;
	feed: string;
	sections: readonly { id: string; url: string; feed: string }[];
	tags: readonly { slug: string; url: string }[];
	authors: readonly { id: string; url: string }[];
}): RedirectRule[] {
	return [
		{ from: `${base}feed/`, to: feed },
		...sections.flatMap((section) => [
			{ from: `${base}category/${section.id}/feed/`, to: section.feed },
			{ from: `${base}category/${section.id}/`, to: section.url },
		]),
		...tags.map((tag) => ({ from: `${base}tag/${tag.slug}/`, to: tag.url })),
		...authors.map((author) => ({ from: `${base}author/${author.id}/`, to: author.url })),
	];
}

/** Cloudflare Pages reads at most 2 000 static redirects (Netlify has no such limit). */
export const CLOUDFLARE_STATIC_REDIRECTS = 2000;

/**
 * A `_redirects` file: one `from to 301` line per rule, paths percent-encoded as browsers send them (an alias
 * "/café/" is requested as "/caf%C3%A9/"). A site's own rules (`public/_redirects`) come first: the hosts apply
 * the first rule that matches.
 */
export function formatRedirects(rules: readonly RedirectRule[], own = ''): string {
	const lines = rules.map((rule) => `${encodePath(rule.from)} ${encodePath(rule.to)} 301`);
	const header = '# Redirects written by @newsroom/astro at build time: old paths (aliases:) and archive URLs.';
	return `${own ? `${own.trimEnd()}\n\n` : ''}${header}\n${lines.join('\n')}\n`;
}

/** A path as a browser sends it: non-ASCII and unsafe characters percent-encoded, existing escapes kept. */
export function encodePath(path: string): string {
	return encodeURI(path).replace(/%25([0-9A-Fa-f]{2})/g, '%$1');
}

/**
 * The top-level folders of the build (names, decoded) that hold nothing but fallback pages at old paths: the first
 * segment of an alias that no other page of the build shares. `pages` are the built pages' paths (with the base).
 */
export function redirectOnlyFolders(aliases: readonly string[], pages: readonly string[], base: string): Set<string> {
	const first = (path: string) => path.slice(base.length).split('/')[0] ?? '';
	const aliasKeys = new Set(aliases.map(pathKey));
	const folders = new Set(aliases.map(first).filter(Boolean));
	for (const page of pages) if (!aliasKeys.has(pathKey(page))) folders.delete(first(page));
	return folders;
}
