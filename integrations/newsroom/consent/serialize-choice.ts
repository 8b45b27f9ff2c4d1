import type { ConsentChoice } from './types.ts';

/**
 * A choice as a cookie value, `revision|timestamp|id+id`, e.g. `1|2026-01-29T06:00:00.000Z|necessary+analytics`
 * (only cookie-safe characters: category ids are lowercase letters, digits, "-" and "_").
 */
export function serializeChoice(choice: ConsentChoice): string {
	return `${choice.revision}|${choice.timestamp}|${choice.categories.join('+')}`;
}
