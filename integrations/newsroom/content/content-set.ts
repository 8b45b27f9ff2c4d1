import type { GetStaticPathsResult, PaginateFunction } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import config from 'virtual:newsroom/config';
import mdxComponents from 'virtual:newsroom/mdx-components';
import { buildDate } from '../core/site.ts';
import { bodyText, excerpt, excerptFromFacts, PROSE_FACTS, readingMinutes, undefinedComponents, type ProseFacts } from './excerpt.ts';
import { relatedArticles } from './related.ts';
import { currentBanner, digestOf, groupArticles, liveEntryParts, NO_ENTRY, selectPublished, sharedDigest } from './published.ts';

export type Article = CollectionEntry<'articles'>;
export type Author = CollectionEntry<'authors'>;
export type Section = CollectionEntry<'sections'>;
export type LiveEntry = CollectionEntry<'liveEntries'>;
/** The breaking-news banner as readers see it. */
export type Breaking = CollectionEntry<'breaking'>['data'];

/** Everything a page needs about the content, resolved once per build. */
export interface ContentSet {
	/** Published articles, newest first (no drafts, nothing under embargo). */
	articles: Article[];
	authors: Map<string, Author>;
	sections: Map<string, Section>;
	/** Sections in navigation order. */
	sectionList: Section[];
	/** Published articles by author id, section id and tag slug, newest first. */
	byAuthor: Map<string, Article[]>;
	bySection: Map<string, Article[]>;
	byTag: Map<string, { name: string; articles: Article[] }>;
	/** Each live blog's entries (by article id) readers may see: pinned first, then newest first. */
	liveEntries: Map<string, LiveEntry[]>;
	/**
	 * What a page showing these articles' live entries adds to its cache key (the article page, feeds): an entry
	 * added to a live blog rebuilds them, and only them.
	 */
	liveKey: (articles: readonly Article[]) => string;
	/** When the article last changed: its update, else its publication, or a newer live entry. */
	lastChanged: (article: Article) => Date;
	/** The breaking-news banner, while the build is before its expiry; else undefined. */
	breaking: Breaking | undefined;
	/**
	 * The related articles of a published article (up to 5, best first; content/related.ts has the score), computed
	 * for every article once per build. An article page's cache key includes them.
	 */
	relatedTo: (id: string) => Article[];
	/**
	 * An incremental-build cache key for a page showing `articles` (its own content): it changes when any of them
	 * changes and when the shared parts of every page (navigation, authors, the year) change. Recent Posts is
	 * not in it: reused pages get the current list after the build (see `incremental/`). `extra` adds anything
	 * else the page shows (e.g. "page 2 of 5").
	 */
	cacheKey: (articles: readonly Article[], extra?: string) => string;
	/**
	 * The paths of a paginated listing (a section, author or tag front) for `getStaticPaths`, each with its cache
	 * key: the page's articles, its place in the pagination, and `extra` (anything else the page shows).
	 */
	paginate: <Props extends Record<string, unknown>>(
		paginate: PaginateFunction,
		articles: readonly Article[],
		options: { params: Record<string, string>; props: Props; pageSize?: number; extra?: string },
	) => GetStaticPathsResult;
}

let cached: Promise<ContentSet> | undefined;

/**
 * The published set and its lookups, computed once per build and shared by every page and route.
 * Fails the build when an article names an author or section that does not exist (Astro only logs that).
 */
export function loadContentSet(): Promise<ContentSet> {
	cached ??= load();
	return cached;
}

async function load(): Promise<ContentSet> {
	const [all, authorList, sectionList, banners, entryList] = await Promise.all([
		getCollection('articles'),
		getCollection('authors'),
		getCollection('sections'),
		getCollection('breaking', (entry) => entry.id !== NO_ENTRY),
		getCollection('liveEntries', (entry) => entry.id !== NO_ENTRY),
	]);
	const breaking = currentBanner(banners.map((banner) => banner.data), buildDate);
	const authors = new Map(authorList.map((author) => [author.id, author]));
	const sections = new Map(sectionList.map((section) => [section.id, section]));
	const problems: string[] = [];
	const provided = new Set(Object.keys(mdxComponents));
	const providedList = [...provided].join(', ') || 'none';
	for (const article of all) {
		const file = article.filePath ?? article.id;
		article.data.authors.forEach((author, index) => {
			if (!authors.has(author.id)) {
				problems.push(`${file}: **authors.${index}**: unknown author "${author.id}"; expected one of ${list(authors)}`);
			}
		});
		// A Markdown file that failed to render is only logged by Astro's loader: never publish it empty.
		if (article.filePath?.endsWith('.md') && !article.rendered) {
			problems.push(`${file}: the Markdown could not be rendered (see the error logged above)`);
		}
		if (article.filePath?.endsWith('.mdx')) {
			for (const name of undefinedComponents(article.body ?? '', provided)) {
				problems.push(
					`${file}: <${name}> is not defined: import it in the article or add it to the module of the \`mdxComponents\` option (it provides: ${providedList})`,
				);
			}
		}
		if (!sections.has(article.data.section.id)) {
			problems.push(
				`${file}: **section**: unknown section "${article.data.section.id}"; expected one of ${list(sections)}`,
			);
		}
	}
	if (problems.length > 0) {
		throw new AstroError(
			`Some articles cannot be published:\n${problems.join('\n')}`,
			'Fix the id, or add the file under the content folder\'s authors/ or sections/; for a component, import it or add it to `mdxComponents`.',
		);
	}
	const articles = selectPublished(all, buildDate);
	const liveEntries = groupLiveEntries(entryList, buildDate);
	const ids = new Set(all.map((article) => article.id));
	for (const entry of entryList) {
		const { article } = liveEntryParts(entry.id);
		if (!ids.has(article)) {
			problems.push(`${entry.filePath}: no article "${article}" for this live entry (its folder must sit beside the article's file)`);
		}
		(entry.data.authors ?? []).forEach((author, index) => {
			if (!authors.has(author.id)) {
				problems.push(`${entry.filePath}: **authors.${index}**: unknown author "${author.id}"; expected one of ${list(authors)}`);
			}
		});
	}
	if (problems.length > 0) throw new AstroError(`Some live entries cannot be published:\n${problems.join('\n')}`);
	const liveKey: ContentSet['liveKey'] = (own) =>
		digestOf(own.flatMap((article) => (liveEntries.get(article.id) ?? []).map((entry) => `${entry.id}:${entry.digest ?? ''}`)));
	const shared = sharedDigest({
		authors: authorList,
		sections: sectionList,
		year: buildDate.getUTCFullYear(),
		banner: breaking && JSON.stringify(breaking),
	});
	let related: Map<string, Article[]> | undefined;
	const relatedTo = (id: string) => (related ??= relatedArticles(articles)).get(id) ?? [];
	const cacheKey: ContentSet['cacheKey'] = (own, extra = '') =>
		digestOf([shared, extra, ...own.map((article) => `${article.id}:${article.digest ?? ''}`)]);
	return {
		cacheKey,
		relatedTo,
		paginate: (paginate, list, { params, props, pageSize = 20, extra = '' }) =>
			paginate(list, { params, props, pageSize }).map((path) => {
				const page = path.props.page;
				return { ...path, cacheKey: cacheKey(page.data, `${extra}${page.currentPage}/${page.lastPage}`) };
			}),
		articles,
		...groupArticles(articles),
		authors,
		sections,
		breaking,
		liveEntries,
		liveKey,
		lastChanged: (article) => {
			const times = [(article.data.updatedDate ?? article.data.pubDate).getTime()];
			for (const entry of liveEntries.get(article.id) ?? []) times.push(entry.data.date.getTime());
			return new Date(Math.max(...times));
		},
		sectionList: [...sectionList].sort((a, b) => a.data.order - b.data.order || a.data.name.localeCompare(b.data.name)),
	};
}

function list(map: Map<string, unknown>): string {
	return [...map.keys()].map((id) => `"${id}"`).join(', ');
}

/** A Markdown article's prose facts, kept in place of its body (loaders.ts); MDX articles keep their body. */
function proseOf(article: Article): ProseFacts | undefined {
	return article.rendered?.metadata?.[PROSE_FACTS] as ProseFacts | undefined;
}

/** Minutes to read an article's body ("4 min read"): its prose, without markup or code. */
export function readingTimeOf(article: Article): number {
	const facts = proseOf(article);
	if (facts) return facts.minutes;
	return readingMinutes(bodyText(article.body ?? '', { mdx: article.filePath?.endsWith('.mdx') ?? false }));
}

const excerpts = new Map<string, string>();

/** An article's teaser (dek, else opening words), computed once per article and length per build. */
export function excerptOf(article: Article, words: number = config.recentPosts.excerptWords): string {
	const key = `${words}|${article.id}`;
	let text = excerpts.get(key);
	if (text === undefined) {
		const facts = proseOf(article);
		text = facts
			? excerptFromFacts(article.data.description, facts, words)
			: excerpt({ description: article.data.description, body: article.body, mdx: article.filePath?.endsWith('.mdx') ?? false }, words);
		excerpts.set(key, text);
	}
	return text;
}

/** Live entries by article id, those dated after the build held back: pinned first, then newest first. */
function groupLiveEntries(entries: readonly LiveEntry[], now: Date): Map<string, LiveEntry[]> {
	const byArticle = new Map<string, LiveEntry[]>();
	for (const entry of entries) {
		if (entry.data.date.getTime() > now.getTime()) continue;
		const { article } = liveEntryParts(entry.id);
		byArticle.set(article, [...(byArticle.get(article) ?? []), entry]);
	}
	for (const list of byArticle.values()) {
		list.sort(
			(a, b) =>
				Number(b.data.pinned) - Number(a.data.pinned) ||
				b.data.date.getTime() - a.data.date.getTime() ||
				(a.id < b.id ? -1 : 1),
		);
	}
	return byArticle;
}
