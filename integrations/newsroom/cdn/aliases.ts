import { getCollection } from 'astro:content';
import { AstroError } from 'astro/errors';
import config from 'virtual:newsroom/config';
import { loadContentSet } from '../content/content-set.ts';
import { urls } from '../core/site.ts';
import { collectAliases, wordpressArchiveRules, type RedirectsData } from './redirects.ts';

let cached: Promise<RedirectsData> | undefined;

/**
 * The redirects of this build, once per build, for the fallback pages and the `_redirects` artefact: the aliases
 * of published articles (an alias clash anywhere, drafts included, fails the build naming both files) and, with
 * `redirects.wordpressArchives`, WordPress's archive URLs of the sections, tags and authors that have pages.
 */
export function loadRedirects(): Promise<RedirectsData> {
	cached ??= load();
	return cached;
}

async function load(): Promise<RedirectsData> {
	const [all, content] = await Promise.all([getCollection('articles'), loadContentSet()]);
	const { aliases, problems } = collectAliases(
		all.map((article) => ({
			file: article.filePath ?? article.id,
			url: urls.article(article.id),
			aliases: article.data.aliases,
		})),
		(alias) => urls.href(alias),
	);
	if (problems.length > 0) {
		throw new AstroError(
			`Some aliases cannot redirect:\n${problems.join('\n')}`,
			'Remove the alias from one of the two files: an old path leads to one article, and never to a path a page uses.',
		);
	}
	const published = new Set(content.articles.map((article) => urls.article(article.id)));
	return {
		aliases: aliases.filter((alias) => published.has(alias.to)).map(({ from, to, source }) => ({ from, to, source })),
		archives: config.redirects.wordpressArchives
			? wordpressArchiveRules({
					base: urls.home,
					feed: urls.feed,
					sections: [...content.bySection.keys()].sort().map((id) => ({
						id,
						url: urls.section(id),
						feed: urls.sectionFeed(id),
					})),
					tags: [...content.byTag.keys()].sort().map((slug) => ({ slug, url: urls.tag(slug) })),
					authors: [...content.byAuthor.keys()].sort().map((id) => ({ id, url: urls.author(id) })),
				})
			: [],
	};
}
