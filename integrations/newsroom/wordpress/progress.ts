/**
 * Progress of a long import: a bar redrawn in place on a terminal, plain lines (every 10 %) elsewhere, so a CI log
 * stays readable. Measured in bytes of the export read, the one figure known up front.
 */

export interface Progress {
	update(bytes: number, items: number): void;
	done(items: number): void;
}

interface Output {
	write(text: string): unknown;
	isTTY?: boolean;
	columns?: number;
}

export function createProgress(label: string, total: number, output: Output, { ci = false } = {}): Progress {
	const interactive = Boolean(output.isTTY) && !ci;
	let lastStep = -1;
	const percent = (bytes: number) => (total > 0 ? Math.min(100, Math.floor((bytes / total) * 100)) : 100);
	return {
		update(bytes, items) {
			const value = percent(bytes);
			if (interactive) {
				const width = Math.max(10, Math.min(40, (output.columns ?? 80) - label.length - 30));
				const filled = Math.round((value / 100) * width);
				output.write(
					`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(value).padStart(3)}% ${items} items`,
				);
				return;
			}
			const step = Math.floor(value / 10);
			if (step > lastStep && step < 10) {
				lastStep = step;
				output.write(`${label}: ${value}% (${items} items)\n`);
			}
		},
		done(items) {
			output.write(`${interactive ? '\r\u001b[K' : ''}${label}: 100% (${items} items)\n`);
		},
	};
}
