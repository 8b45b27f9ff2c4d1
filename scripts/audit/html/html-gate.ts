import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import type { AuditContext, GateResult } from '../types.ts';
import { vnuFindings } from './vnu-findings.ts';

/** The Nu HTML checker's jar, from the npm package `vnu-jar` (its main export is the jar's path). */
export const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

/**
 * HTML validity gate: the W3C Nu HTML checker (system Java) on every page of dist/, in one JVM (it starts slowly)
 * given the folder itself: 0 errors allowed.
 */
export async function htmlGate({ dist, pages }: AuditContext): Promise<GateResult> {
	const args = ['-jar', vnuJar, '--errors-only', '--format', 'json', '--skip-non-html', dist];
	const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
		// vnu exits 1 when it found errors: that is a result, not a failure to run.
		execFile('java', args, { maxBuffer: 256 * 1024 * 1024 }, (error, out, err) => {
			if (error && typeof error.code !== 'number')
				reject(new Error(`could not run java -jar ${vnuJar}: ${error.message}`));
			else resolve({ stdout: out, stderr: err });
		});
	});
	const json = stderr.trim() || stdout.trim();
	let findings;
	try {
		findings = vnuFindings(json, dist);
	} catch {
		throw new Error(`the Nu HTML checker did not print a JSON report:\n${stderr}${stdout}`);
	}
	return {
		gate: 'HTML validity (W3C Nu HTML checker)',
		figures: [`${pages.length} pages checked, ${findings.length} errors`],
		findings,
	};
}
