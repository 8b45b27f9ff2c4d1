/** A `<link>` to an icon, by public file name. */
export interface IconLink {
	rel: string;
	file: string;
	type?: string;
	sizes?: string;
}

/** The icons a page may link to, in the order browsers should consider them. */
const ICONS: readonly IconLink[] = [
	{ rel: 'icon', file: 'favicon.ico', sizes: '32x32' },
	{ rel: 'icon', file: 'favicon.svg', type: 'image/svg+xml' },
	{ rel: 'apple-touch-icon', file: 'apple-touch-icon.png' },
];

/** The icon links for the icon files the site's public folder has, so no page links to a missing file. */
export function iconLinks(publicFiles: ReadonlySet<string>): IconLink[] {
	return ICONS.filter((icon) => publicFiles.has(icon.file));
}
