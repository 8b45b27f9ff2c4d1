/** Whether a gated script may run: every category in its `data-consent` (space-separated) is granted. */
export function isConsented(gate: string, granted: readonly string[]): boolean {
	const needed = gate.split(' ').filter(Boolean);
	return needed.length > 0 && needed.every((id) => granted.includes(id));
}
