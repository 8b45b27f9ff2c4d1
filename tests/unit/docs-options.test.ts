import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newsroomOptionsSchema } from '../../integrations/newsroom/options.ts';

/**
 * docs/configuration.md documents every option of `newsroom()` in one table; this keeps the table and the schema
 * telling the same story: an option without a row, or a row for an option that does not exist, fails.
 */

type Node = { def: { type: string; shape?: Record<string, Node>; innerType?: Node; in?: Node; element?: Node; options?: Node[] } };

/** The dotted paths of every option: nested objects by their keys, array items as `[]`. */
function optionPaths(schema: Node, prefix = ''): string[] {
	const { def } = schema;
	switch (def.type) {
		case 'optional':
		case 'default':
		case 'prefault':
		case 'nullable':
			return optionPaths(def.innerType!, prefix);
		case 'pipe':
			return optionPaths(def.in!, prefix);
		case 'object':
			return Object.entries(def.shape!).flatMap(([key, value]) => {
				const path = prefix ? `${prefix}.${key}` : key;
				const nested = optionPaths(value, path);
				return [path, ...nested];
			});
		case 'union':
			// An option that is either off (`false`) or an object: the object's fields.
			return [...new Set(def.options!.flatMap((option) => optionPaths(option, prefix)))];
		case 'array': {
			const items = optionPaths(def.element!, `${prefix}[]`);
			return items;
		}
		default:
			return [];
	}
}

/** The first cell of each row of the options table: the option's dotted path in backticks. */
function documentedPaths(markdown: string): string[] {
	return [...markdown.matchAll(/^\|\s*`([^`]+)`\s*\|/gm)].map((match) => match[1]!);
}

describe('docs/configuration.md', () => {
	const documented = new Set(documentedPaths(readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8')));
	const options = optionPaths(newsroomOptionsSchema as unknown as Node);

	it('reads the schema (a sanity check on the walk itself)', () => {
		expect(options).toContain('recentPosts.count');
		expect(options).toContain('consent.categories[].id');
		expect(options).toContain('consent.labels.acceptAll');
	});

	it('has a row for every option in the schema', () => {
		expect(options.filter((path) => !documented.has(path))).toEqual([]);
	});

	it('documents no option the schema does not have', () => {
		const known = new Set(options);
		expect([...documented].filter((path) => !known.has(path))).toEqual([]);
	});
});
