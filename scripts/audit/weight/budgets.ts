import type { PageType } from './page-type.ts';

/** Gzip byte budgets of one page type; a missing figure has no budget. */
export interface Budget {
	html?: number;
	css?: number;
	js?: number;
}

const everyPage: Budget = { css: 8 * 1024, js: 2 * 1024 };

/**
 * The project's budgets (issue 7): on every page JS ≤ 2 KB (the consent island only) and CSS ≤ 8 KB; an article's
 * HTML ≤ 20 KB; a live blog's JS ≤ 3.5 KB while it is live (the consent island and the live-updates island, issue 19);
 * the search page's JS ≤ 24 KB (Pagefind). The CMS (`/admin/`, Decap's 1.5 MB bundle) is for editors, not readers: weighed, not budgeted.
 */
export const defaultBudgets: Record<PageType, Budget> = {
	home: everyPage,
	article: { ...everyPage, html: 20 * 1024 },
	// The live-updates island (about 1.3 KB gzip alone, 1.1 KB beside the consent island's code), on live blogs that
	// are live only.
	live: { ...everyPage, html: 20 * 1024, js: 3.5 * 1024 },
	section: everyPage,
	author: everyPage,
	tag: everyPage,
	// Pagefind's module (about 13 KB gzip; its WebAssembly and index chunks load once a reader searches) and the page's script.
	search: { ...everyPage, js: 24 * 1024 },
	cms: {},
	other: everyPage,
};
