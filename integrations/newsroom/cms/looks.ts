import type { FieldLook } from './schema-fields.ts';

/**
 * How each collection's fields look to an editor: labels and help text, by field path. Only presentation lives
 * here; which fields exist and what they accept comes from the schemas (`tests/unit/cms-config.test.ts` fails on a
 * look for a field the schema does not have).
 */
export const looks: Record<'articles' | 'authors' | 'sections' | 'breaking', Record<string, FieldLook>> = {
	articles: {
		title: { label: 'Headline' },
		description: {
			label: 'Dek',
			widget: 'text',
			hint: 'One or two sentences under the headline, also shown in lists and feeds.',
		},
		pubDate: {
			label: 'Publish date',
			hint: 'A date after the next build holds the article back until a build after it (embargo).',
		},
		updatedDate: { label: 'Updated', hint: 'Only when the story changed materially; not before the publish date.' },
		authors: { label: 'Authors' },
		section: { label: 'Section' },
		tags: { label: 'Tags', hint: 'Separated by commas.' },
		dateline: { label: 'Dateline', hint: 'Where the story was filed from, e.g. "TIRANA, Albania".' },
		kind: {
			label: 'Kind of story',
			hint: 'Analysis, opinion, review and sponsored stories carry a visible label; sponsored content also a disclosure.',
		},
		live: { label: 'Live blog', hint: 'Only for live coverage; its entries are files in the folder <article>.live/ beside it.' },
		'live.status': { label: 'Status', hint: 'live while it is updated; ended once coverage stops.' },
		'live.endedAt': { label: 'Ended at', hint: 'When coverage ended; defaults to the newest entry.' },
		draft: { label: 'Draft', hint: 'A draft is never published, whatever its date.' },
		corrections: { label: 'Corrections', summary: '{{fields.date}}: {{fields.text}}' },
		'corrections[].date': { label: 'Date' },
		'corrections[].text': { label: 'Correction', widget: 'text' },
		canonical: { label: 'Canonical URL', hint: 'Only when the article first ran elsewhere: its absolute URL.' },
		hero: { label: 'Hero image' },
		'hero.image': { label: 'Image' },
		'hero.alt': {
			label: 'Alt text',
			hint: 'Describe the image for readers who cannot see it. Required with an image.',
		},
		'hero.caption': { label: 'Caption' },
		'hero.credit': { label: 'Credit', hint: 'e.g. "Photo by Jane Doe / Agency".' },
	},
	authors: {
		name: { label: 'Name' },
		role: { label: 'Role', hint: 'e.g. "Asia-Pacific correspondent".' },
		bio: { label: 'Biography', widget: 'text' },
		avatar: { label: 'Photo' },
		links: { label: 'Links', summary: '{{fields.label}}' },
		'links[].label': { label: 'Link text' },
		'links[].url': { label: 'URL' },
	},
	sections: {
		name: { label: 'Name' },
		description: { label: 'Description', widget: 'text' },
		order: { label: 'Order', hint: 'Position in the navigation, lowest first.' },
	},
	breaking: {
		text: { label: 'Text', hint: 'One line, shown on every page above the masthead.' },
		link: { label: 'Link', hint: 'A site path such as /articles/2026/01/story/, or an https URL.' },
		expires: { label: 'Expires', hint: 'The first build after this time drops the banner; a past time takes it down now.' },
	},
};
