import type { AstroIntegration } from 'astro';
import { injectRoutes } from '../core/wiring.ts';

/**
 * The feeds: RSS 2.0 with full content for the site, each section, each author and each topic with
 * `feeds.tagMinimum` articles, JSON Feed 1.1 for the site, and the CSS that makes RSS readable in a browser (no
 * XSLT: browsers are removing it). Every article is rendered once per build, however many feeds carry it.
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
					'/tags/[tag]/rss.xml': './routes/tag-feed.ts',
					'/feed.json': './routes/json-feed.ts',
					'/feed.css': './routes/feed-stylesheet.ts',
				});
			},
		},
	};
}
