import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, scratchRoot } from '../helpers/paths.ts';

describe('the test scratch folder', () => {
	it('is tests/.tmp by default, an absolute path', () => {
		expect(scratchRoot({})).toBe(join(repoRoot, 'tests/.tmp/'));
	});

	it('resolves a relative NEWSROOM_TEST_TMP against the repository, never against a build root', () => {
		expect(scratchRoot({ NEWSROOM_TEST_TMP: 'scratch' })).toBe(join(repoRoot, 'scratch'));
		expect(scratchRoot({ NEWSROOM_TEST_TMP: '/var/tmp/newsroom' })).toBe('/var/tmp/newsroom');
	});

	it('refuses an empty NEWSROOM_TEST_TMP instead of writing into the current folder', () => {
		expect(() => scratchRoot({ NEWSROOM_TEST_TMP: '' })).toThrow('NEWSROOM_TEST_TMP is empty');
		expect(() => scratchRoot({ NEWSROOM_TEST_TMP: '  ' })).toThrow('NEWSROOM_TEST_TMP is empty');
	});
});
