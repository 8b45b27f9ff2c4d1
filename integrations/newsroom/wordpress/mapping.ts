import { toString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { InvalidDateError, parseZonedDate, toZonedIso } from '../core/dates.ts';
import { tagSlug, urlSegment } from '../core/urls.ts';
import type { WxrAuthor, WxrItem, WxrTerm } from './wxr.ts';

/**
 * How a WordPress item becomes an article: which items are articles and in what state (published, draft,
 * embargoed), where the file goes (`articles/YYYY/MM/<slug>.md`, the month in the site's time zone), its dates,
 * author, section, tags, old permalink and headline. Pure: the importer reads the export and writes the files.
 */

/** A problem with one item of the export: the import stops and names every one. */
export interface ItemProblem {
	id: number;
	title: string;
	line: number;
	message: string;
}

/** What the article's state is, from WordPress's post status. */
export type ArticleState = 'published' | 'draft' | 'embargoed';

/** Where and how an item is imported, decided from the item alone (the first pass). */
export interface PostPlan {
	id: number;
	/** Path below the content folder: `articles/2013/01/markup-image-alignment.md`. */
	file: string;
	/** The article's id (its URL below /articles/): `2013/01/markup-image-alignment`. */
	articleId: string;
	state: ArticleState;
	/** Why a published post is held back as a draft (a password-protected post). */
	heldBack?: string;
	pubDate: Date;
	updatedDate: Date | undefined;
	/** WordPress's last modification (GMT), recorded in the file for `--update`. */
	modified: Date | undefined;
	author: string;
	/** The author's login in the export. */
	authorLogin: string;
	/** The old site path of the post (its permalink), if it can be redirected. */
	alias: string | undefined;
	/** Why the permalink cannot be redirected (a query-string URL), if so. */
	aliasProblem?: string;
}

/** WordPress post statuses and what they become. `trash`, `auto-draft` and `inherit` (revisions) are skipped. */
const STATES: Record<string, ArticleState> = {
	publish: 'published',
	future: 'embargoed',
	draft: 'draft',
	pending: 'draft',
	private: 'draft',
};

/** The kinds of items the report counts; only posts become articles. */
export type ItemKind = 'post' | 'page' | 'attachment' | 'nav_menu_item' | 'revision' | 'other';

export function itemKind(item: WxrItem): ItemKind {
	if (['post', 'page', 'attachment', 'nav_menu_item', 'revision'].includes(item.type)) return item.type as ItemKind;
	return 'other';
}

/** Whether a post of this status is imported (trash, auto-drafts and revisions are not). */
export function isImported(item: WxrItem): boolean {
	return item.type === 'post' && item.status in STATES;
}

const ZERO_DATE = /^0000-00-00/;

/** A WordPress date ("2013-01-05 18:00:20"), GMT or in the site's zone; `undefined` for WordPress's zero date. */
export function wordpressDate(text: string, timeZone: string): Date | undefined {
	if (!text || ZERO_DATE.test(text)) return undefined;
	// A GMT date is read with its offset: no time-zone rules to look up.
	return parseZonedDate(timeZone === 'UTC' ? `${text.replace(' ', 'T')}Z` : text.replace(' ', 'T'), timeZone);
}

/**
 * The plan of a post, or the problems that stop it: an invalid date, an author missing from the export.
 * `timeZone` is the site's: the article's folder month and the dates written are in it.
 */
export function planPost(
	item: WxrItem,
	{ timeZone, authors, blogUrl }: { timeZone: string; authors: ReadonlyMap<string, WxrAuthor>; blogUrl: string },
): PostPlan | ItemProblem[] {
	const problems: string[] = [];
	const date = (text: string, zone: string, field: string) => {
		try {
			return wordpressDate(text, zone);
		} catch (error) {
			if (!(error instanceof InvalidDateError)) throw error;
			problems.push(`<${field}> "${text}" is not a valid date`);
			return undefined;
		}
	};
	const gmt = date(item.postDateGmt, 'UTC', 'wp:post_date_gmt');
	// Drafts often have no GMT date (0000-00-00): their local date is read in the site's zone.
	const pubDate =
		gmt ?? date(item.postDate, timeZone, 'wp:post_date') ?? date(item.modifiedGmt, 'UTC', 'wp:post_modified_gmt');
	const modified =
		date(item.modifiedGmt, 'UTC', 'wp:post_modified_gmt') ?? date(item.modified, timeZone, 'wp:post_modified');
	if (!pubDate && problems.length === 0) problems.push('has no date (<wp:post_date_gmt> and <wp:post_date> are empty)');
	const login = findAuthor(item.creator, authors);
	if (login === undefined)
		problems.push(
			`its author "${item.creator}" (<dc:creator>) is not among the export's authors (<wp:author>: ${[...authors.keys()].map((login) => `"${login}"`).join(', ') || 'none'})`,
		);
	if (problems.length > 0 || !pubDate) return problems.map((message) => ({ ...itemName(item), message }));
	let state = STATES[item.status]!;
	let heldBack: string | undefined;
	if (item.password && state === 'published') {
		state = 'draft';
		heldBack = 'password-protected in WordPress';
	}
	const month = toZonedIso(pubDate, timeZone).slice(0, 7).replace('-', '/');
	const slug =
		urlSegment(decodePercent(item.slug)) ||
		urlSegment(plainText(item.title)).slice(0, 80).replace(/-+$/, '') ||
		`post-${item.id}`;
	const articleId = `${month}/${slug}`;
	const { alias, aliasProblem } = permalinkPath(item.link, blogUrl);
	return {
		id: item.id,
		file: `articles/${articleId}.md`,
		articleId,
		state,
		...(heldBack ? { heldBack } : {}),
		pubDate,
		updatedDate: modified && modified.getTime() > pubDate.getTime() ? modified : undefined,
		modified,
		author: authorId(login!),
		authorLogin: login!,
		alias,
		...(aliasProblem ? { aliasProblem } : {}),
	};
}

/** The item as a problem names it. */
export function itemName(item: WxrItem): { id: number; title: string; line: number } {
	return { id: item.id, title: plainText(item.title) || '(no title)', line: item.line };
}

/**
 * The old site path of a permalink, for `aliases:`: "/2013/01/05/markup-title-with-markup/" (decoded). A plain
 * permalink ("/?p=123") is a query string: no static host can redirect it, so it is reported instead.
 */
export function permalinkPath(link: string, blogUrl: string): { alias: string | undefined; aliasProblem?: string } {
	if (!link) return { alias: undefined };
	let url: URL;
	try {
		url = new URL(link, blogUrl || undefined);
	} catch {
		return { alias: undefined, aliasProblem: `"${link}" is not a URL` };
	}
	if (url.search || url.pathname === '/')
		return {
			alias: undefined,
			aliasProblem: `"${link}" is a query-string permalink, which static hosts cannot redirect`,
		};
	return { alias: decodePercent(url.pathname) };
}

/**
 * The export's author of a post: its `<dc:creator>` login, read as WordPress reads logins (`sanitize_user`, strict:
 * only letters, digits, space, "_", ".", "-" and "@"), so a stray character around it still finds the author.
 */
export function findAuthor(creator: string, authors: ReadonlyMap<string, WxrAuthor>): string | undefined {
	if (authors.has(creator)) return creator;
	const wanted = sanitizeLogin(creator);
	if (!wanted) return undefined;
	for (const login of authors.keys()) if (sanitizeLogin(login) === wanted) return login;
	return undefined;
}

function sanitizeLogin(login: string): string {
	return login
		.replace(/<[^>]*>/g, '')
		.replace(/&[a-z0-9#]+;/gi, '')
		.replace(/[^a-z0-9 _.@-]/gi, '')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
}

/** An author's id (file name and URL): WordPress's author slug, derived from the login as WordPress does. */
export function authorId(login: string): string {
	return urlSegment(login) || 'author';
}

/** A section's id: the category's slug, as in WordPress's `/category/<slug>/`. */
export function sectionId(slug: string): string {
	return urlSegment(decodePercent(slug)) || 'uncategorized';
}

/** The post's section (its first category) and tags (the other categories, then its tags), without repeats. */
export function sectionAndTags(item: WxrItem): { section: { slug: string; name: string }; tags: string[] } {
	const categories = item.categories.filter((category) => category.domain === 'category');
	const first = categories[0];
	const section = first
		? { slug: sectionId(first.nicename), name: first.name || first.nicename }
		: { slug: 'uncategorized', name: 'Uncategorized' };
	const names = [
		...categories.slice(1).map((category) => category.name),
		...item.categories.filter((category) => category.domain === 'post_tag').map((tag) => tag.name),
	];
	const seen = new Set<string>();
	const tags: string[] = [];
	for (const name of names.map((name) => plainText(name)).filter(Boolean)) {
		const key = tagSlug(name);
		if (!key || seen.has(key)) continue;
		seen.add(key);
		tags.push(name);
	}
	return { section, tags };
}

/** WordPress tags whose archive URL slug differs from the tag page's: their old `/tag/…/` cannot be derived. */
export function tagArchiveMismatch(term: WxrTerm): { from: string; to: string } | undefined {
	const slug = decodePercent(term.slug);
	const page = tagSlug(plainText(term.name));
	return slug && page && slug !== page ? { from: `/tag/${slug}/`, to: `/tags/${page}/` } : undefined;
}

const htmlParser = unified().use(rehypeParse, { fragment: true });

/** Text of an HTML fragment (a title or excerpt may hold markup and entities), whitespace collapsed. */
export function plainText(html: string): string {
	if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
	return toString(htmlParser.parse(html)).replace(/\s+/g, ' ').trim();
}

export const TITLE_LIMIT = 200;

/**
 * The headline: the title as text. A post without a title gets its opening sentence (never text from nowhere),
 * one over 200 characters is cut at a word; both are listed in the report for an editor to check.
 */
export function headline(item: WxrItem, bodyText: () => string): { title: string; note?: 'no title' | 'shortened' } {
	const title = plainText(item.title);
	if (!title) {
		const text = bodyText();
		const sentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
		return { title: shorten(sentence, 120) || `Post ${item.id}`, note: 'no title' };
	}
	if (title.length <= TITLE_LIMIT) return { title };
	return { title: shorten(title, TITLE_LIMIT), note: 'shortened' };
}

function shorten(text: string, limit: number): string {
	if (text.length <= limit) return text;
	const cut = text.slice(0, limit - 1);
	return `${cut.slice(0, cut.lastIndexOf(' ') > limit / 2 ? cut.lastIndexOf(' ') : cut.length).trimEnd()}…`;
}

export function decodePercent(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}
