import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.ts';

/** Paths of build output, caches and scratch folders: none may be tracked by git. */
const ARTEFACT = /(^|\/)(dist|dist-parts|\.astro|cache|\.cache|node_modules|\.tmp|\.work)\/|(^|\/)incremental-build\.json$/;

/** The files git tracks, as it lists them (working-tree additions included once staged). */
const tracked = () =>
	execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
		.split('\0')
		.filter(Boolean);

describe('the repository', () => {
	it('tracks no build output, cache or test scratch folder', () => {
		expect(tracked().filter((path) => ARTEFACT.test(path))).toEqual([]);
	});

	it('recognises what it guards against (so the check above cannot pass vacuously)', () => {
		expect(['site/cache/incremental-build.json', 'dist/index.html', 'tests/.tmp/x', 'dist-parts/1/part.json', 'src/index.ts'].filter((p) => ARTEFACT.test(p))).toEqual([
			'site/cache/incremental-build.json',
			'dist/index.html',
			'tests/.tmp/x',
			'dist-parts/1/part.json',
		]);
	});
});
