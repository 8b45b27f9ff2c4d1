/**
 * The file in dist/ a static host serves for a site path, if any: "/a/" → "a/index.html", "/rss.xml" → "rss.xml",
 * and "/a" → "a/index.html" (hosts redirect a folder to its trailing-slash URL). `files` are dist-relative paths.
 */
export function distFileFor(path: string, files: ReadonlySet<string>): string | undefined {
	const relative = path.replace(/^\/+/, '');
	if (relative === '' || relative.endsWith('/')) {
		const index = `${relative}index.html`;
		return files.has(index) ? index : undefined;
	}
	if (files.has(relative)) return relative;
	const folderIndex = `${relative}/index.html`;
	return files.has(folderIndex) ? folderIndex : undefined;
}
