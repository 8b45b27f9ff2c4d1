import type { Finding } from '../types.ts';

/**
 * The errors `xmllint --noout` printed for `files` (dist-relative; `prefix` is what was put before them on its
 * command line): one finding per "file:line: message", with the source line and caret xmllint prints after it.
 */
export function xmllintFindings(output: string, files: readonly string[], prefix: string): Finding[] {
	const findings: Finding[] = [];
	const lines = output.split('\n');
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index] ?? '';
		const file = files.find((name) => line.startsWith(`${prefix}${name}:`));
		if (!file) continue;
		const match = /^:(\d+): (.*)$/.exec(line.slice(prefix.length + file.length));
		if (!match) continue;
		const source = lines[index + 1]?.trim();
		findings.push({
			where: `${file}:${match[1]}`,
			message: `${(match[2] ?? '').replace(/\s+/g, ' ').trim()}${source ? ` — near “${source.slice(0, 120)}”` : ''}`,
		});
	}
	return findings;
}
