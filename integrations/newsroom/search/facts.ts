import config from 'virtual:newsroom/config';
import type { Article } from '../content/content-set.ts';
import { formatDate, toZonedIso } from '../core/dates.ts';

/**
 * The attributes that make an article page searchable, for the element holding its headline, dek, byline and body
 * (`<article {...searchAttributes(article)}>`): Pagefind indexes only pages with `data-pagefind-body`, reads the
 * year filter and the date to sort and show by from them. The section and author filters are their links' text
 * (`data-pagefind-filter="section"` on the section link, `"author"` on each byline link).
 */
export function searchAttributes(article: Article): Record<string, string> {
	const { pubDate } = article.data;
	const { locale, timeZone } = config;
	const iso = toZonedIso(pubDate, timeZone);
	return {
		'data-pagefind-body': '',
		'data-pagefind-filter': 'year[data-year]',
		'data-pagefind-sort': 'date[data-published]',
		'data-pagefind-meta': 'date[data-date-label]',
		'data-year': iso.slice(0, 4),
		// UTC, so that dates sort as text whatever their offset.
		'data-published': pubDate.toISOString(),
		'data-date-label': formatDate(pubDate, { locale, timeZone, dateStyle: 'long' }),
	};
}
