declare module 'virtual:newsroom/config' {
	const config: import('./config.ts').NewsroomConfig;
	export default config;
}

declare module 'virtual:newsroom/mdx-components' {
	/** The `mdxComponents` option's map of components for MDX articles (empty when the option is not set). */
	const components: Record<string, import('astro/runtime/server/index.js').AstroComponentFactory | ((props: any) => any)>;
	export default components;
}
