import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { imageMetadata } from 'astro/assets/utils';
import { AstroError } from 'astro/errors';
import { iconLinks, type IconLink } from './icon-links.ts';

/** The logo's pixel size and MIME type, for JSON-LD and link previews. */
export interface LogoImage {
	width: number;
	height: number;
	type: string;
}

/** Measures the `logo` option's file in the public folder; a missing or unreadable file fails the build. */
export async function readLogoImage(publicDir: URL, logo: string): Promise<LogoImage> {
	const file = new URL(logo.slice(1), publicDir);
	let data: Uint8Array;
	try {
		data = await readFile(file);
	} catch {
		throw new AstroError(
			`Invalid options passed to the newsroom integration:\n**logo**: "${logo}" is not a file in the public folder`,
			'Put the publication logo (PNG, JPEG, WebP or SVG, at least 112×112 px) in public/ and set `logo: "/logo.png"`.',
		);
	}
	const { width, height, format } = await imageMetadata(data, logo);
	return { width, height, type: format === 'svg' ? 'image/svg+xml' : `image/${format === 'jpg' ? 'jpeg' : format}` };
}

/** The icon links for the icon files present in the public folder. */
export function publicIconLinks(publicDir: URL): IconLink[] {
	const present = ['favicon.ico', 'favicon.svg', 'apple-touch-icon.png'].filter((file) =>
		existsSync(new URL(file, publicDir)),
	);
	return iconLinks(new Set(present));
}
