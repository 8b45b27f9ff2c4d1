/** The URL path of a built HTML file: "index.html" → "/", "a/b/index.html" → "/a/b/", "404.html" → "/404.html". */
export function pagePath(file: string): string {
	if (file === 'index.html') return '/';
	if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
	return `/${file}`;
}
