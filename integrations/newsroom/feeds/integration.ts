import type { AstroIntegration } from 'astro';
import { injectRoutes } from '../core/wiring.ts';

/**
 * The feeds: RSS 2.0 with full content for the site, each section and each author, and the XSL stylesheet that
 * makes them readable in a browser. Every article is rendered once per build, however many feeds carry it.
 */
export function feedsIntegration(): AstroIntegration {
	return {
		name: '@newsroom/astro/feeds',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				injectRoutes(injectRoute, import.meta.url, {
					'/rss.xml': './routes/site-feed.ts',
					'/sections/[id]/rss.xml': './routes/section-feed.ts',
					'/authors/[id]/rss.xml': './routes/author-feed.ts',
					'/feed.xsl': './routes/feed-stylesheet.ts',
				});
			},
		},
	};
}
