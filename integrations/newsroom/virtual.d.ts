// The virtual modules the newsroom integration serves (core/wiring.ts), as sites and the package's own code see them.

declare module 'virtual:newsroom/config' {
	/** The validated `newsroom()` options plus what the build knows: site URL, build time, language, logo, icons. */
	const config: import('@newsroom/astro').NewsroomConfig;
	export default config;
}

declare module 'virtual:newsroom/build-clock' {
	/** The build's "now", ISO 8601 (also `config.buildTime`). */
	const buildTime: string;
	export default buildTime;
}

declare module 'virtual:newsroom/labels' {
	/**
	 * The words readers see (the `labels` option over English defaults), bound to the site's locale: each label by
	 * key, `text(key, values)`, `count(key, n)` (plurals), `listParts(items)` (lists) and `dir` (ltr or rtl).
	 */
	const labels: import('@newsroom/astro').SiteLabels;
	export default labels;
}

declare module 'virtual:newsroom/mdx-components' {
	/** The `mdxComponents` option's map of components for MDX articles (empty when the option is not set). */
	const components: Record<string, import('astro/runtime/server/index.js').AstroComponentFactory | ((props: any) => any)>;
	export default components;
}

declare module 'virtual:newsroom/incremental' {
	/** Where Recent Posts widgets record their list options for incremental builds; null without them. */
	const incremental: { listRecord: string | null };
	export default incremental;
}

declare module 'virtual:newsroom/cms' {
	/**
	 * The CMS (the `cms` option): Decap's generated configuration, where its browser bundle's files are, and what
	 * the admin page's Content-Security-Policy must allow besides a reader's page.
	 */
	const cms: {
		config: Record<string, unknown>;
		decap: { dir: string; files: string[] };
		policy: import('./cms/desk-policy.ts').DeskPolicy;
	};
	export default cms;
}

declare module 'virtual:newsroom/cms-preview' {
	/** For the admin page's script: the site's locale and its preview stylesheets, as CSS text. */
	const preview: { locale: string; styles: string[] };
	export default preview;
}

declare module 'virtual:newsroom/live-updates' {
	/**
	 * The live-updates island (the `liveUpdates` option), or null when it is off: off, the island and its script are
	 * not part of the build at all, so no page changes.
	 */
	const island: import('astro/runtime/server/index.js').AstroComponentFactory | null;
	export default island;
}
