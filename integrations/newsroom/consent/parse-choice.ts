import type { ConsentChoice } from './types.ts';

/** Reads a cookie value written by `serializeChoice`; anything malformed counts as "no choice yet". */
export function parseChoice(value: string | undefined): ConsentChoice | undefined {
	const match = /^(\d+)\|(\d{4}-\d\d-\d\dT[\d:.]+Z)\|([a-z][\w-]*(?:\+[a-z][\w-]*)*)?$/.exec(value ?? '');
	if (!match || Number.isNaN(Date.parse(match[2]!))) return undefined;
	return { revision: Number(match[1]), timestamp: match[2]!, categories: match[3]?.split('+') ?? [] };
}
