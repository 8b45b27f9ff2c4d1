import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../types.ts';

/** A message of the Nu checker's `--format json` output. */
interface VnuMessage {
	type?: string;
	subType?: string;
	url?: string;
	message?: string;
	lastLine?: number;
	firstColumn?: number;
	lastColumn?: number;
	extract?: string;
}

/**
 * The errors in the Nu HTML checker's JSON report (`{"messages": [...]}`), one finding per error with its file
 * (relative to `dist`), line and column, message and the extract it points at. Warnings and info are not errors.
 */
export function vnuFindings(json: string, dist: string): Finding[] {
	const report = JSON.parse(json) as { messages?: VnuMessage[] };
	return (report.messages ?? [])
		.filter((message) => message.type === 'error' || message.subType === 'fatal')
		.map((message) => {
			const file = message.url?.startsWith('file:')
				? relative(dist, fileURLToPath(message.url))
				: (message.url ?? '(unknown file)');
			const line =
				message.lastLine === undefined ? '' : `:${message.lastLine}:${message.firstColumn ?? message.lastColumn ?? 0}`;
			const extract = message.extract ? ` — near “${message.extract.replace(/\s+/g, ' ').trim()}”` : '';
			return { where: `${file}${line}`, message: `${message.message ?? 'error'}${extract}` };
		});
}
