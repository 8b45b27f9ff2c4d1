import { bodyText } from './body-text.ts';
import { truncateWords } from './truncate-words.ts';

/** An article's teaser: its dek (description) if it has one, else the opening words of its body. */
export function excerpt(
	article: { description?: string | undefined; body?: string | undefined; mdx: boolean },
	words: number,
): string {
	const source = article.description ?? bodyText(article.body ?? '', { mdx: article.mdx });
	return truncateWords(source, words);
}
