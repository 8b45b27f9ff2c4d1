/** A plain-text table with a header row and right-aligned number columns, one string per line. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
	const widths = header.map((title, column) =>
		Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
	);
	const numeric = header.map(
		(_, column) => rows.length > 0 && rows.every((row) => /^[\d.,%≤ -]*$/.test(row[column] ?? '')),
	);
	const line = (cells: readonly string[]) =>
		cells
			.map((cell, column) => (numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}
