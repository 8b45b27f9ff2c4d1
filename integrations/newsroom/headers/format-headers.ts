import type { HeaderRule } from './header-rules.ts';

/** A `_headers` file (Netlify and Cloudflare Pages format): each path on its own line, its headers indented below. */
export function formatHeaders(rules: readonly HeaderRule[]): string {
	const blocks = rules.map((rule) =>
		[rule.path, ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
	);
	return `# Cache rules written by @newsroom/astro at build time: one rule per top-level entry, none overlapping.\n${blocks.join('\n')}\n`;
}
