// @ts-check
import { defineConfig } from 'astro/config';
import newsroom from '@newsroom/astro';

// The publication in one place: its URL, time zone and locale. Every date on the site, in feeds and in
// sitemaps is read and shown in `timeZone`, whatever the build machine's TZ.
export default defineConfig({
	site: 'https://asiapacific-news.example',
	trailingSlash: 'always',
	compressHTML: true,
	vite: {
		// Benchmark and test scratch folders hold tens of thousands of generated files: the dev server must not
		// watch them (it would run out of inotify watchers).
		server: { watch: { ignored: ['**/bench/.work/**', '**/tests/.tmp/**', '**/dist/**'] } },
	},
	experimental: {
		// Skip pages whose cache key (their articles plus the shared navigation, authors and year, see
		// loadContentSet().cacheKey) and code are unchanged since the last build; Recent Posts is brought up to
		// date in reused pages (docs/incremental-builds.md).
		incrementalBuild: true,
	},
	integrations: [
		newsroom({
			name: 'Asia Pacific Daily',
			description: 'News and analysis from across the Asia-Pacific region.',
			locale: 'en-US',
			timeZone: 'Asia/Kuala_Lumpur',
			// Benchmarks and tests build the site over generated content folders.
			contentDir: process.env.NEWSROOM_CONTENT_DIR ?? 'src/content',
			// Every word readers see is a label (docs/configuration.md, `labels`); English unless given.
			labels: { footerNote: 'Sample content in this site is for demonstration.' },
			// Components MDX articles can use by name, on pages and in feeds.
			mdxComponents: './src/components/mdx-components.ts',
			// A reader with a live blog open is told "2 new updates" (polled every 30 seconds, on live blogs only).
			liveUpdates: { pollSeconds: 30 },
			// A topic gets its own RSS feed from two articles (the sample site is small).
			feeds: { tagMinimum: 2 },
			// The seed's own short notice; the banner adds the purposes and third parties of the categories.
			consent: {
				message: 'This website uses cookies.',
				contact: 'privacy@asiapacific-news.example',
				// A sample gated tag, on every page: inert until the reader allows "analytics", then run by the consent
				// island under the pages' Content-Security-Policy (its hash is in it). The browser tests watch it.
				scripts: [{ category: 'analytics', code: "document.documentElement.dataset.sampleAnalytics = 'on';" }],
			},
			// HTTPS only, for two years, once a browser has seen the site: sticky, so opt-in (docs/features.md, Security).
			security: { hsts: { maxAge: 63_072_000 } },
			// The editors' desk at /admin/ (docs/editing-in-the-browser.md): Decap CMS on the site's GitHub repository,
			// every save a pull request that CI builds before an editor merges it. `npm run dev` also starts the local
			// backend, so /admin/ on localhost edits the files on disk.
			cms: {
				backend: { name: 'github', repo: 'asiapacific-daily/newsroom', branch: 'main' },
				mediaFolder: 'src/assets/heroes',
				previewStylesheets: ['./src/styles/global.css'],
			},
		}),
	],
});
