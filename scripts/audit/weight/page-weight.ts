import type { PageType } from './page-type.ts';

/** A page's weight in gzip bytes: its HTML, and all the CSS and JS it loads (inline and external). */
export interface PageWeight {
	file: string;
	type: PageType;
	html: number;
	css: number;
	js: number;
}
