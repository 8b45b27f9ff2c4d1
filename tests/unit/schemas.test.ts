import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { articleSchema, authorSchema, sectionSchema } from '../../integrations/newsroom/content/schemas.ts';
import { formatIssues } from '../../integrations/newsroom/core/errors.ts';

// Stand-ins for Astro's schema context: `image()` checks a path, `reference()` yields { collection, id }.
const image = () => z.string().endsWith('.jpg');
const ref = (collection: string) => z.string().transform((id) => ({ collection, id }));
const schema = articleSchema({
	image,
	author: ref('authors'),
	section: ref('sections'),
	timeZone: 'Asia/Kuala_Lumpur',
});

const valid = {
	title: 'Xi urges China and Central Asia to “fully unleash” potential',
	pubDate: '2023-05-19 18:30',
	authors: ['ap-journalist'],
	section: 'world',
};

function errors(input: Record<string, unknown>): string {
	const result = schema.safeParse(input);
	if (result.success) throw new Error('expected the input to be rejected');
	return formatIssues(result.error.issues);
}

describe('articleSchema', () => {
	it('accepts a minimal article and fills the defaults', () => {
		const article = schema.parse(valid);
		expect(article.pubDate.toISOString()).toBe('2023-05-19T10:30:00.000Z');
		expect(article.authors).toEqual([{ collection: 'authors', id: 'ap-journalist' }]);
		expect(article).toMatchObject({ draft: false, tags: [], corrections: [] });
	});

	it('accepts every documented field', () => {
		const article = schema.parse({
			...valid,
			description: 'The dek.',
			updatedDate: '2023-05-20T09:15:00+08:00',
			tags: ['China', 'Belt and Road'],
			hero: { image: './hero.jpg', alt: 'Trade routes', caption: 'A caption', credit: 'Photo: AP' },
			dateline: "XI'AN, China",
			draft: true,
			corrections: [{ date: '2023-05-20', text: 'Fixed a year.' }],
			canonical: 'https://elsewhere.example/story',
			aliases: ['/2023/05/19/xi-central-asia/', '/news/café.html'],
		});
		expect(article.aliases).toEqual(['/2023/05/19/xi-central-asia/', '/news/café.html']);
		expect(article.updatedDate?.toISOString()).toBe('2023-05-20T01:15:00.000Z');
		expect(article.corrections[0]?.date.toISOString()).toBe('2023-05-19T16:00:00.000Z');
	});

	it('rejects misspelt and unknown keys by name', () => {
		expect(errors({ ...valid, titel: 'x', pubdate: '2026-01-01' })).toMatchInlineSnapshot(`
			"**titel**: unknown field; did you mean "title"? (allowed: title, description, pubDate, updatedDate, authors, section, tags, dateline, draft, live, kind, corrections, canonical, aliases, hero)
			**pubdate**: unknown field; did you mean "pubDate"? (allowed: title, description, pubDate, updatedDate, authors, section, tags, dateline, draft, live, kind, corrections, canonical, aliases, hero)"
		`);
	});

	it('names each missing required field', () => {
		expect(errors({ title: 'Only a title' })).toMatchInlineSnapshot(`
			"**pubDate**: required: a date like 2026-01-28 or 2026-01-28 09:30
			**authors**: required: a list of author ids, e.g. [ap-journalist]
			**section**: required: a section id, e.g. world"
		`);
		expect(errors({ ...valid, pubDate: '2026-02-30', titel: 'x' })).toMatchInlineSnapshot(`
			"**pubDate**: "2026-02-30" is not a real date or time (check the day of the month and the hour)
			**titel**: unknown field; did you mean "title"? (allowed: title, description, pubDate, updatedDate, authors, section, tags, dateline, draft, live, kind, corrections, canonical, aliases, hero)"
		`);
	});

	it('rejects an impossible date instead of moving it to March', () => {
		expect(errors({ ...valid, pubDate: '2026-02-30' })).toBe(
			'**pubDate**: "2026-02-30" is not a real date or time (check the day of the month and the hour)',
		);
	});

	it('rejects an updatedDate before the pubDate', () => {
		expect(errors({ ...valid, updatedDate: '2023-05-18' })).toBe(
			'**updatedDate**: updatedDate (2023-05-17T16:00:00.000Z) is before pubDate (2023-05-19T10:30:00.000Z)',
		);
	});

	it('requires a non-empty hero alt text', () => {
		expect(errors({ ...valid, hero: { image: './hero.jpg' } })).toBe('**hero.alt**: required: text');
		expect(errors({ ...valid, hero: { image: './hero.jpg', alt: '   ' } })).toBe(
			'**hero.alt**: hero.alt (describe the image for readers who cannot see it) must not be empty',
		);
	});

	it('takes aliases as old site paths, and says what is wrong with each other kind', () => {
		expect(schema.parse(valid).aliases).toEqual([]);
		expect(
			errors({
				...valid,
				aliases: [
					'2019/old/',
					'https://old.example/x/',
					'//old.example/x/',
					'/',
					'/?p=12',
					'/old story/',
					'/a/../b/',
					'/tag/*',
					'/_astro/x.js',
					12,
				],
			}),
		).toMatchInlineSnapshot(`
			"**aliases.0**: "2019/old/": expected a site path starting with "/", e.g. /2019/05/old-story/
			**aliases.1**: "https://old.example/x/": expected a site path starting with "/", e.g. /2019/05/old-story/
			**aliases.2**: "//old.example/x/": expected a path on this site, not a URL starting with "//"
			**aliases.3**: "/": the home page cannot be an alias
			**aliases.4**: "/?p=12": a query string or fragment cannot be redirected by a static host; give the path only
			**aliases.5**: "/old story/": spaces are not allowed; write the path as the browser shows it, e.g. with "-"
			**aliases.6**: "/a/../b/": "." and ".." segments are not allowed
			**aliases.7**: "/tag/*": "//", "*" and ":" are not allowed (they mean patterns to the host)
			**aliases.8**: "/_astro/x.js": paths starting with "/_" belong to the build (/_astro/, /_newsroom/)
			**aliases.9**: expected an old site path starting with "/""
		`);
		expect(errors({ ...valid, aliases: ['/dup/', '/other/', '/dup/'] })).toBe('**aliases.2**: "/dup/" is listed twice');
		expect(errors({ ...valid, aliases: '/old/' })).toMatchInlineSnapshot(
			`"**aliases**: expected a list of old site paths, e.g. [/2019/05/old-story/]"`,
		);
	});

	it('requires at least one author and a real canonical URL', () => {
		expect(errors({ ...valid, authors: [] })).toBe('**authors**: list at least one author id');
		expect(errors({ ...valid, canonical: '/relative' })).toBe('**canonical**: expected an absolute http(s) URL');
	});
});

describe('authorSchema and sectionSchema', () => {
	it('accept the sample shapes', () => {
		expect(authorSchema({ image }).parse({ name: 'AP Journalist', bio: 'Keeping all readers updated.' })).toEqual({
			name: 'AP Journalist',
			bio: 'Keeping all readers updated.',
			links: [],
		});
		expect(sectionSchema.parse({ name: 'World', description: 'Diplomacy.' })).toEqual({
			name: 'World',
			description: 'Diplomacy.',
			order: 100,
		});
	});

	it('accept an author without a bio and a section without a description (an import has none yet)', () => {
		expect(authorSchema({ image }).parse({ name: 'Theme Buster' })).toEqual({ name: 'Theme Buster', links: [] });
		expect(sectionSchema.parse({ name: 'Block' })).toEqual({ name: 'Block', order: 100 });
	});

	it('reject an empty bio and a link without a URL', () => {
		const result = authorSchema({ image }).safeParse({
			name: 'X',
			bio: ' ',
			links: [{ label: 'Site', url: 'not a url' }],
		});
		expect(result.success).toBe(false);
		expect(formatIssues(result.error!.issues)).toMatchInlineSnapshot(`
			"**bio**: bio must not be empty
			**links.0.url**: Invalid URL"
		`);
	});
});
