import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
	ORIGINAL_FILE,
	readFrontMatterFile,
	readYamlFile,
	writeFrontMatterFile,
	writeYamlFile,
} from '../../integrations/newsroom/cms/front-matter.ts';
import { repoRoot } from '../helpers/paths.ts';

/**
 * The CMS's file writer (cms/front-matter.ts): what an editor did not change stays byte for byte, a new file is in
 * the house style, and nothing the schemas refuse ("" for an optional field) or Decap's own keys reach the file.
 */
const sample = readFileSync(join(repoRoot, 'src/content/articles/2023/05/xi-central-asia-potential.md'), 'utf8');
const order = ['title', 'description', 'pubDate', 'updatedDate', 'authors', 'section', 'tags', 'dateline', 'draft', 'hero'];

/** What the CMS hands the writer after an editor changed `changes` in the file `text`. */
function edited(text: string, changes: Record<string, unknown>) {
	return { ...readFrontMatterFile(text), ...changes, [ORIGINAL_FILE]: text };
}

describe('writing back an edited article', () => {
	it('leaves an unchanged article byte for byte', () => {
		expect(writeFrontMatterFile(edited(sample, {}), order)).toBe(sample);
	});

	it('changes only the headline line when the headline changes, keeping its quoting', () => {
		const quoted = sample.replace(/^title: .*$/m, 'title: "Xi: potential must be “fully unleashed”"');
		const out = writeFrontMatterFile(edited(quoted, { title: 'Xi says # of deals: 54' }), order);
		expect(out).toBe(quoted.replace(/^title: .*$/m, 'title: "Xi says # of deals: 54"'));
	});

	it('writes hostile text so it reads back as written', () => {
		for (const title of ['a: b', '- list?', '#hash', "it's \"quoted\"", '{braces}', '  spaced  ', 'yes', '2026-01-28']) {
			const out = writeFrontMatterFile(edited(sample, { title }), order);
			expect(readFrontMatterFile(out)['title']).toBe(title);
			expect(out.replace(/^title: .*$/m, '')).toBe(sample.replace(/^title: .*$/m, ''));
		}
	});

	it('changes a nested value in place (the hero’s alt text)', () => {
		const data = readFrontMatterFile(sample) as { hero: Record<string, string> };
		const out = writeFrontMatterFile(edited(sample, { hero: { ...data.hero, alt: 'A new description' } }), order);
		expect(out).toBe(sample.replace(/^ {2}alt: .*$/m, '  alt: A new description'));
	});

	it('keeps the body byte for byte unless it changed, and the front matter when only the body changed', () => {
		const out = writeFrontMatterFile(edited(sample, { body: 'One new paragraph.' }), order);
		expect(out).toBe(`${sample.slice(0, sample.indexOf('\n---\n') + 5)}\nOne new paragraph.\n`);
	});

	it('drops an optional field the editor emptied, and adds a new one in the form’s order', () => {
		const out = writeFrontMatterFile(edited(sample, { dateline: '', draft: true }), order);
		const front = yaml.load(out.split('---\n')[1]!, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>;
		expect(front['dateline']).toBeUndefined();
		expect(Object.keys(front)).toEqual([
			'title',
			'description',
			'pubDate',
			'updatedDate',
			'authors',
			'section',
			'tags',
			'draft',
			'hero',
			'corrections',
		]);
		// Lists keep their inline style.
		expect(out).toContain('tags: [China, Central Asia, Belt and Road, Xi Jinping]');
	});

	it('never writes the keys Decap is handed for the file name', () => {
		const out = writeFrontMatterFile(edited(sample, { newsroom_year: '2023', newsroom_month: '05' }), order);
		expect(out).toBe(sample);
	});
});

describe('writing a new article', () => {
	it('writes the house style: form order, short lists inline, no empty values, the body after a blank line', () => {
		const out = writeFrontMatterFile(
			{
				body: 'The rains reached the capital on Tuesday.',
				section: 'world',
				title: 'Monsoon arrives early',
				description: '',
				pubDate: '2026-01-28 10:00',
				authors: ['ap-journalist'],
				tags: ['Weather', 'Kuala Lumpur'],
				hero: { image: '', alt: '' },
				draft: false,
				newsroom_year: '2026',
				newsroom_month: '01',
			},
			order,
		);
		expect(out).toBe(`---
title: Monsoon arrives early
pubDate: 2026-01-28 10:00
authors: [ap-journalist]
section: world
tags: [Weather, Kuala Lumpur]
draft: false
---

The rains reached the capital on Tuesday.
`);
	});
});

describe('YAML files (authors, sections)', () => {
	const author = 'name: Ada Reporter\n# The desk she works on\nrole: City desk\nbio: Covers the city.\nlinks: []\n';

	it('reads timestamps as text and changes one line, keeping comments', () => {
		expect(readYamlFile('since: 2026-01-28\n')).toEqual({ since: '2026-01-28' });
		const out = writeYamlFile({ ...readYamlFile(author), role: 'Night editor', [ORIGINAL_FILE]: author });
		expect(out).toBe(author.replace('role: City desk', 'role: Night editor'));
	});

	it('writes a new file in the form’s order', () => {
		expect(writeYamlFile({ bio: 'Covers the city.', name: 'Ada Reporter', role: '' }, ['name', 'role', 'bio'])).toBe(
			'name: Ada Reporter\nbio: Covers the city.\n',
		);
	});
});
