/**
 * The article preview: the markup of the site's article page (src/layouts/ArticleLayout.astro: section link,
 * headline, dek, byline, dates, hero with caption and credit, dateline and body), styled by the site's own
 * stylesheets (the `cms.previewStylesheets` option), so the editor sees the story as readers will.
 */
import type { Immutable, PreviewProps, ReactNode } from './decap.ts';

export interface PreviewSettings {
	/** The site's locale, for the byline's "A and B" and the dates. */
	locale: string;
}

/** A preview component for Decap's `registerPreviewTemplate('articles', …)`. */
export function articlePreview({ locale }: PreviewSettings) {
	const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
	return function ArticlePreview({ entry, widgetFor, getAsset, fieldsMetaData }: PreviewProps): ReactNode {
		const h = window.h;
		const data = entry.get('data') as Immutable;
		const text = (path: string[]) => {
			const value = data.getIn(path);
			return typeof value === 'string' && value.trim() ? value : undefined;
		};
		const authorIds = (data.get('authors') as { toArray?(): unknown[] } | undefined)?.toArray?.() ?? [];
		const authors = authorIds.map((id) => referenceName(fieldsMetaData, 'authors', 'authors', String(id)));
		const section = text(['section']);
		const image = text(['hero', 'image']);
		const caption = text(['hero', 'caption']);
		const credit = text(['hero', 'credit']);
		const pubDate = text(['pubDate']);
		const updatedDate = text(['updatedDate']);
		const dateline = text(['dateline']);
		return h(
			'main',
			{ className: 'wrap' },
			h(
				'article',
				{ className: 'article' },
				h(
					'header',
					{ className: 'article-header' },
					section && h('a', { className: 'section-link', href: '#' }, referenceName(fieldsMetaData, 'section', 'sections', section)),
					h('h1', null, text(['title']) ?? 'Headline'),
					text(['description']) && h('p', { className: 'dek' }, text(['description'])),
					authors.length > 0 && h('p', { className: 'byline' }, `By ${list.format(authors)}`),
					pubDate &&
						h(
							'dl',
							{ className: 'dates' },
							h('dt', null, 'Published'),
							h('dd', null, wallClock(pubDate, locale)),
							updatedDate && h('dt', null, 'Updated'),
							updatedDate && h('dd', null, wallClock(updatedDate, locale)),
						),
				),
				image &&
					h(
						'figure',
						{ className: 'hero' },
						h('img', { src: getAsset(image)?.toString(), alt: text(['hero', 'alt']) ?? '' }),
						(caption || credit) && h('figcaption', null, caption, credit && h('span', { className: 'credit' }, ` ${credit}`)),
					),
				h('div', { className: 'article-body' }, dateline && h('p', { className: 'dateline' }, `${dateline} —`), widgetFor('body')),
			),
		);
	};
}

/** The name of a referenced author or section, when Decap has loaded it for the picker; else its id. */
function referenceName(metadata: Immutable | undefined, field: string, collection: string, id: string): string {
	const entry = metadata?.getIn([field, collection, id]) as Immutable | Record<string, unknown> | undefined;
	const name = entry && (typeof (entry as Immutable).get === 'function' ? (entry as Immutable).get('name') : (entry as Record<string, unknown>)['name']);
	return typeof name === 'string' ? name : id;
}

/** "2026-01-30 09:00" (wall-clock time in the site's zone) as the site shows it, without converting zones. */
function wallClock(value: string, locale: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(value);
	if (!match) return value;
	const [, year, month, day, hour, minute] = match;
	const instant = Date.UTC(+year!, +month! - 1, +day!, +(hour ?? 0), +(minute ?? 0));
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'long',
		...(hour ? { timeStyle: 'short' } : {}),
		timeZone: 'UTC',
	}).format(instant);
}
