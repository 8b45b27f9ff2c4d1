/** One problem a gate found: where (a page, file or URL) and what is wrong there. */
export interface Finding {
	where: string;
	message: string;
}

/** What one gate reports: figures shown whether it passes or not, and findings (any finding fails the gate). */
export interface GateResult {
	gate: string;
	figures: string[];
	findings: Finding[];
}

/** A built HTML page: its file inside dist/ ("articles/x/index.html") and its URL path ("/articles/x/"). */
export interface BuiltPage {
	file: string;
	path: string;
}

/** What every gate needs to know about the built site. */
export interface AuditContext {
	/** The absolute path of the dist folder. */
	dist: string;
	/** The site's absolute URL, ending in "/" (e.g. "https://asiapacific-news.example/"). */
	site: URL;
	/** Every file in dist, relative and with "/" separators, sorted. */
	files: string[];
	/** Every HTML page, sorted by URL path. */
	pages: BuiltPage[];
}
