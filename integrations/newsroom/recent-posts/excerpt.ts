import { bodyText } from './body-text.ts';
import { openingBlocks } from './opening-blocks.ts';
import { truncateWords } from './truncate-words.ts';

/** An article's teaser: its dek (description) if it has one, else the opening words of its body. */
export function excerpt(
	article: { description?: string | undefined; body?: string | undefined; mdx: boolean },
	words: number,
): string {
	if (article.description) return truncateWords(article.description, words);
	const body = article.body ?? '';
	// Only the opening blocks are parsed (~12 characters a word, twice what English prose needs: usually the first
	// paragraph alone), unless they hold too few words of prose (a long code block or component first), then the
	// whole body is.
	const opening = openingBlocks(body, words * 12);
	let text = bodyText(opening, { mdx: article.mdx });
	if (opening.length < body.length && text.split(/\s+/).length <= words) text = bodyText(body, { mdx: article.mdx });
	return truncateWords(text, words);
}
