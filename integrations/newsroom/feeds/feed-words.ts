import type { SiteLabels } from '../core/labels.ts';

/** The feeds' human parts in the site's words: the note a browser shows above a feed opened in it. */

/** Text for a single-quoted CSS string: backslashes, quotes and line breaks escaped. */
function cssString(text: string): string {
	return text.replace(/[\\']/g, (char) => `\\${char}`).replace(/\r?\n/g, '\\A ');
}

/**
 * The feeds' stylesheet without its comments (they are for whoever works on the file, in English), its
 * `{{feedNote}}` in the site's words (the `feedNote` label).
 */
export function stylesheetWords(stylesheet: string, labels: SiteLabels): string {
	return stylesheet.replace(/\/\*[\s\S]*?\*\/\s*/g, '').replace('{{feedNote}}', () => cssString(labels.feedNote));
}
