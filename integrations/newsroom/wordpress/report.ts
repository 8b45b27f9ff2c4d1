/**
 * The import's report: what the export held (items by type and status), what became of it (files written,
 * updated, unchanged, kept), and what an editor or operator must still do (alt texts to write, images not found,
 * blocks and shortcodes kept as HTML, permalinks that cannot be redirected). Printed at the end and saved as JSON.
 */

export interface PostRef {
	id: number;
	title: string;
	file?: string;
}

export interface ImportReport {
	export: { file: string; wxrVersion: string; site: string };
	out: string;
	/** Items of the export by type, then by status. */
	items: Record<string, Record<string, number>>;
	comments: number;
	articles: {
		published: number;
		drafts: number;
		embargoed: number;
		written: string[];
		/** `--update`: rewritten because WordPress changed the post since it was imported. */
		updated: string[];
		unchanged: number;
		/** Present and left alone (edited here, or not modified in WordPress). */
		kept: string[];
		/** Published in WordPress but imported as drafts, and why. */
		heldBack: (PostRef & { reason: string })[];
	};
	pages: { count: number; written: string[] };
	authors: { written: string[]; withoutBio: string[] };
	sections: { written: string[] };
	images: { copied: number; unchanged: number; notFound: { url: string; posts: number[] }[] };
	/** Featured images and body images without alt text: the article is imported, the image waits for its text. */
	altTextToWrite: (PostRef & { image: string; where: 'hero' | 'body' })[];
	/** Headlines the importer had to make (no title) or shorten (over 200 characters). */
	headlines: (PostRef & { note: string })[];
	/** Gutenberg blocks and shortcodes kept as written (HTML, or the shortcode's text), by name. */
	keptAsHtml: Record<string, { count: number; posts: number[] }>;
	/** Blocks with no HTML to keep (rendered by WordPress on request), by name. */
	dropped: Record<string, { count: number; posts: number[] }>;
	redirects: {
		aliases: number;
		notRedirectable: (PostRef & { reason: string })[];
		/** Old tag archives whose slug differs from the new tag page's: `/tag/<old>/` does not redirect by itself. */
		tagArchives: { from: string; to: string }[];
	};
	/** What to do next. */
	advice: string[];
}

export function emptyReport(file: string, out: string): ImportReport {
	return {
		export: { file, wxrVersion: '', site: '' },
		out,
		items: {},
		comments: 0,
		articles: { published: 0, drafts: 0, embargoed: 0, written: [], updated: [], unchanged: 0, kept: [], heldBack: [] },
		pages: { count: 0, written: [] },
		authors: { written: [], withoutBio: [] },
		sections: { written: [] },
		images: { copied: 0, unchanged: 0, notFound: [] },
		altTextToWrite: [],
		headlines: [],
		keptAsHtml: {},
		dropped: {},
		redirects: { aliases: 0, notRedirectable: [], tagArchives: [] },
		advice: [],
	};
}

/** Adds one count for `name` (and the post) to a by-name tally. */
export function tally(
	into: Record<string, { count: number; posts: number[] }>,
	name: string,
	count: number,
	post: number,
): void {
	const entry = (into[name] ??= { count: 0, posts: [] });
	entry.count += count;
	// Posts are tallied in export order, so a post already listed is the last one (no scan of a long list).
	if (entry.posts.at(-1) !== post) entry.posts.push(post);
}

const MAX_LISTED = 20;

/** The report for a terminal: counts first, then each list (the first 20 lines of each; the JSON has them all). */
export function formatReport(report: ImportReport, reportFile: string | undefined): string {
	const lines: string[] = [];
	const list = <T>(title: string, items: readonly T[], line: (item: T) => string) => {
		if (items.length === 0) return;
		lines.push('', `${title} (${items.length}):`);
		for (const item of items.slice(0, MAX_LISTED)) lines.push(`  ${line(item)}`);
		if (items.length > MAX_LISTED) lines.push(`  … and ${items.length - MAX_LISTED} more (see the JSON report)`);
	};
	const byType = Object.entries(report.items)
		.map(
			([type, statuses]) =>
				`${type}: ${Object.entries(statuses)
					.map(([status, n]) => `${n} ${status}`)
					.join(', ')}`,
		)
		.join('; ');
	const { articles } = report;
	lines.push(
		`WordPress export ${report.export.file} (WXR ${report.export.wxrVersion}, ${report.export.site})`,
		`Items: ${byType}; ${report.comments} comments (not imported)`,
		`Articles: ${articles.published} published, ${articles.drafts} drafts, ${articles.embargoed} embargoed (future)`,
		`Files in ${report.out}: ${articles.written.length} articles written, ${articles.updated.length} updated, ${articles.unchanged} unchanged, ${articles.kept.length} kept as they are; ${report.authors.written.length} authors and ${report.sections.written.length} sections written; ${report.pages.written.length} pages written`,
		`Images: ${report.images.copied} copied, ${report.images.unchanged} already there, ${report.images.notFound.length} not found in the uploads (kept as URLs)`,
		`Redirects: ${report.redirects.aliases} old permalinks recorded as aliases`,
	);
	list('Updated from WordPress', articles.updated, (file) => file);
	list(
		'Kept as they are (they differ from the export; use --update for posts changed in WordPress)',
		articles.kept,
		(file) => file,
	);
	list(
		'Held back as drafts',
		articles.heldBack,
		(post) => `post ${post.id} "${post.title}": ${post.reason} → ${post.file}`,
	);
	list('Alt text to write', report.altTextToWrite, (entry) =>
		entry.where === 'hero'
			? `${entry.file}: featured image ${entry.image} (the hero is commented out in the front matter until it has alt text)`
			: `${entry.file}: image ${entry.image} (shown with empty alt text, as decorative)`,
	);
	list('Headlines to check', report.headlines, (entry) => `${entry.file}: ${entry.note} → "${entry.title}"`);
	list(
		'Kept as HTML or text (unknown blocks and shortcodes; the article HTML policy sanitizes them)',
		Object.entries(report.keptAsHtml),
		([name, entry]) =>
			`${name}: ${entry.count} in posts ${entry.posts.slice(0, 10).join(', ')}${entry.posts.length > 10 ? ', …' : ''}`,
	);
	list(
		'Dropped (blocks WordPress renders on request, with no HTML to keep)',
		Object.entries(report.dropped),
		([name, entry]) =>
			`${name}: ${entry.count} in posts ${entry.posts.slice(0, 10).join(', ')}${entry.posts.length > 10 ? ', …' : ''}`,
	);
	list(
		'Images not found in the uploads (the articles use their old URLs)',
		report.images.notFound,
		(entry) => `${entry.url} (posts ${entry.posts.slice(0, 5).join(', ')})`,
	);
	list(
		'Permalinks that cannot be redirected',
		report.redirects.notRedirectable,
		(entry) => `post ${entry.id} "${entry.title}": ${entry.reason}`,
	);
	list(
		'Tag archives whose old URL differs from the new one (add these redirects yourself)',
		report.redirects.tagArchives,
		(entry) => `${entry.from} → ${entry.to}`,
	);
	list(
		'Authors without a bio (WordPress exports none; add one to the YAML)',
		report.authors.withoutBio,
		(file) => file,
	);
	if (report.advice.length > 0) lines.push('', 'Next:', ...report.advice.map((line) => `  - ${line}`));
	if (reportFile) lines.push('', `The full report is in ${reportFile}`);
	return lines.join('\n');
}
