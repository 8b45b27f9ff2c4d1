import { describe, expect, it } from 'vitest';
import {
	bodyText,
	excerpt,
	excerptFromFacts,
	LONGEST_EXCERPT,
	proseFacts,
	readingMinutes,
	truncateWords,
	undefinedComponents,
} from '../../integrations/newsroom/content/excerpt.ts';
import { selectRecent } from '../../integrations/newsroom/recent-posts/lists.ts';

const article = (id: string, section = 'world') => ({ id, data: { section: { id: section } } });

describe('selectRecent', () => {
	const published = [article('a', 'world'), article('b', 'travel'), article('c', 'world'), article('d', 'travel'), article('e', 'world')];

	it('takes the first N of the newest-first list', () => {
		expect(selectRecent(published, { count: 3 }).map((a) => a.id)).toEqual(['a', 'b', 'c']);
	});

	it('leaves out the current article and still fills the list', () => {
		expect(selectRecent(published, { count: 3, exclude: 'b' }).map((a) => a.id)).toEqual(['a', 'c', 'd']);
	});

	it('limits to one section', () => {
		expect(selectRecent(published, { count: 5, section: 'travel' }).map((a) => a.id)).toEqual(['b', 'd']);
		expect(selectRecent(published, { count: 2, section: 'world', exclude: 'a' }).map((a) => a.id)).toEqual(['c', 'e']);
	});

	it('returns what there is when there are fewer articles than asked for', () => {
		expect(selectRecent([article('only')], { count: 6, exclude: 'only' })).toEqual([]);
	});
});

describe('bodyText', () => {
	it('strips Markdown: links, emphasis, inline code, headings, lists and block quotes keep their words', () => {
		const md = '## Heading\n\nSee [the report](https://example.com) for **bold** and _soft_ claims about `npm ci`.\n\n- one\n- two\n\n> A quote.';
		expect(bodyText(md, { mdx: false })).toBe('Heading See the report for bold and soft claims about npm ci. one two A quote.');
	});

	it('leaves out code blocks, image alt text and raw HTML tags', () => {
		const md = 'Intro.\n\n```js\nconst secret = 1;\n```\n\n![alt junk](./photo.jpg)\n\n<div class="x">Inside <b>html</b></div>\n\nText with <span>inline</span> tag.';
		expect(bodyText(md, { mdx: false })).toBe('Intro. Inside html Text with inline tag.');
	});

	it('leaves out MDX imports, exports, expressions and component attributes but keeps component text', () => {
		const mdx = "import Factbox from '../Factbox.astro';\nexport const x = 1;\n\nLead paragraph {1 + 1} here.\n\n<Factbox title=\"Secret title\">\n  Box text.\n</Factbox>\n\nLast.";
		expect(bodyText(mdx, { mdx: true })).toBe('Lead paragraph here. Box text. Last.');
	});

	it('decodes entities to the characters a reader sees', () => {
		expect(bodyText('Fish &amp; chips &lt;3 &quot;quoted&quot; &copy;', { mdx: false })).toBe('Fish & chips <3 "quoted" ©');
	});

	it('still reads invalid MDX as Markdown', () => {
		expect(bodyText('An <unclosed tag and {brace', { mdx: true })).toBe('An <unclosed tag and {brace');
	});
});

describe('truncateWords', () => {
	it('cuts at a word boundary, keeps attached punctuation, and ends with "…"', () => {
		const text =
			'It is a desperate message to the international community: what is happening in South Yemen is not a security operation, but a struggle.';
		expect(truncateWords(text, 20)).toBe(
			'It is a desperate message to the international community: what is happening in South Yemen is not a security operation,…',
		);
	});

	it('returns a short text whole, without "…"', () => {
		expect(truncateWords('Only four words here.', 20)).toBe('Only four words here.');
		expect(truncateWords('', 20)).toBe('');
	});

	it('cuts one enormous word between characters, never inside an emoji or accented letter', () => {
		const word = 'x'.repeat(1000);
		expect(truncateWords(word, 20)).toBe(`${'x'.repeat(240)}…`);
		const emoji = '👍🏽'.repeat(300);
		const cut = truncateWords(emoji, 20, 10);
		expect(cut).toBe(`${'👍🏽'.repeat(10)}…`);
	});
});

describe('excerpt', () => {
	it('prefers the dek', () => {
		expect(excerpt({ description: 'The dek text.', body: 'Body text.', mdx: false }, 20)).toBe('The dek text.');
	});

	it('falls back to the body, cut to the word count', () => {
		expect(excerpt({ body: 'One *two* three [four](x) five six.', mdx: false }, 4)).toBe('One two three four…');
	});

	it('keeps an entity intact as its character', () => {
		expect(excerpt({ body: 'Rock &amp; roll is here to stay.', mdx: false }, 3)).toBe('Rock & roll…');
	});
});

describe('openingBlocks', () => {
	it('cuts at a blank line once it has enough characters', async () => {
		const { openingBlocks } = await import('../../integrations/newsroom/content/excerpt.ts');
		const body = 'First paragraph here.\n\nSecond paragraph.\n\nThird.';
		expect(openingBlocks(body, 10)).toBe('First paragraph here.\n\n');
		expect(openingBlocks(body, 1000)).toBe(body);
	});

	it('never cuts inside a fenced code block', async () => {
		const { openingBlocks } = await import('../../integrations/newsroom/content/excerpt.ts');
		const body = '```\nconst a = 1;\n\nconst b = 2;\n```\n\nProse after the code.\n\nMore.';
		expect(openingBlocks(body, 5)).toBe('```\nconst a = 1;\n\nconst b = 2;\n```\n\n');
	});
});

describe('excerpt of a long body', () => {
	it('is the same whether or not the body is cut before parsing', () => {
		const paragraph = 'Word '.repeat(50).trim() + '.';
		const body = `import X from './x.astro';\n\n<X prop="a" />\n\n${Array.from({ length: 30 }, () => paragraph).join('\n\n')}`;
		expect(excerpt({ body, mdx: true }, 20)).toBe(`${'Word '.repeat(20).trim()}…`);
	});

	it('reads further when the opening blocks hold too little prose', () => {
		const body = `${'```js\n' + 'x();\n'.repeat(200) + '```'}\n\nThe prose starts only here, after a long code block.`;
		expect(excerpt({ body, mdx: false }, 5)).toBe('The prose starts only here,…');
	});
});

describe('prose facts, kept in the content store in place of a Markdown body', () => {
	const bodies = [
		'One *two* three [four](x) five six.',
		'Rock &amp; roll is here to stay.',
		`${'```js\n' + 'x();\n'.repeat(200) + '```'}\n\nThe prose starts only here, after a long code block.`,
		Array.from({ length: 12 }, (_, i) => `Paragraph ${i} ${'word '.repeat(30).trim()}.`).join('\n\n'),
		`${'Exactly '.repeat(LONGEST_EXCERPT).trim()}`,
		`${'Exactly '.repeat(LONGEST_EXCERPT + 1).trim()}`,
		'# Heading\n\n![alt text](a.jpg)\n\n> Quoted words here.\n\nAnd a véry long-word-without-spaces-that-goes-on'.repeat(3),
	];

	it('give every excerpt the body gives, up to the longest, and its reading time', () => {
		for (const body of bodies) {
			const facts = proseFacts(body, { mdx: false });
			for (const words of [1, 3, 5, 20, LONGEST_EXCERPT - 1, LONGEST_EXCERPT]) {
				expect(excerptFromFacts(undefined, facts, words), `${words} words of ${body.slice(0, 30)}`).toBe(excerpt({ body, mdx: false }, words));
			}
			expect(facts.minutes).toBe(readingMinutes(bodyText(body, { mdx: false })));
		}
		expect(excerptFromFacts('The dek.', proseFacts('Body.', { mdx: false }), 20)).toBe('The dek.');
	});

	it('refuse a longer excerpt than they hold', () => {
		expect(() => excerptFromFacts(undefined, proseFacts('Body.', { mdx: false }), LONGEST_EXCERPT + 1)).toThrow(/at most 200 words; 201/);
	});
});

describe('undefinedComponents', () => {
	const provided = new Set(['Factbox']);

	it('names a component the body uses that nothing defines', () => {
		expect(undefinedComponents('Text.\n\n<Chart year={2026} />\n\nMore <Pill>x</Pill>.', provided)).toEqual(['Chart', 'Pill']);
	});

	it('accepts provided, imported and declared components, and member expressions of them', () => {
		const body = [
			"import Chart from '../../components/Chart.astro';",
			"import { Map as WorldMap, Legend } from './maps.ts';",
			'export const Note = (props) => props.children;',
			'export function Aside() { return null; }',
			'',
			'<Factbox title="Facts">x</Factbox> <Chart /> <WorldMap /> <Legend.Item /> <Note /> <Aside />',
		].join('\n');
		expect(undefinedComponents(body, provided)).toEqual([]);
	});

	it('ignores HTML elements, code and text that only looks like a tag', () => {
		const body = '<div><span>html</span></div>\n\n```jsx\n<Chart />\n```\n\nInline `<Chart />` code.';
		expect(undefinedComponents(body, provided)).toEqual([]);
	});

	it('leaves invalid MDX to the compiler, whose error is more precise', () => {
		expect(undefinedComponents('<Chart', provided)).toEqual([]);
	});
});
