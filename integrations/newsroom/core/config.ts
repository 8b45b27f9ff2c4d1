import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AstroConfig } from 'astro';
import { imageMetadata } from 'astro/assets/utils';
import { AstroError } from 'astro/errors';
import type { NewsroomOptions } from '../options.ts';
import { invalidOptions } from './errors.ts';
import { siteUrl } from './urls.ts';

/** What `virtual:newsroom/config` exports: the validated options plus what the build knows about the site. */
export interface NewsroomConfig extends NewsroomOptions {
	/** Absolute site URL with a trailing slash, e.g. "https://news.example/". */
	site: string;
	/** The build's "now" (ISO 8601): later articles are embargoed. */
	buildTime: string;
	/** The primary language subtag of `locale`, e.g. "en". */
	language: string;
	/** The `logo` file's size and MIME type, measured when the build starts. */
	logoImage: LogoImage;
	/** Icon links for the icon files present in `public/` (favicon.ico, favicon.svg, apple-touch-icon.png). */
	icons: IconLink[];
}

/** The logo's pixel size and MIME type, for JSON-LD and link previews. */
export interface LogoImage {
	width: number;
	height: number;
	type: string;
}

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

/** The site's configuration for its pages, minus the clock (served apart, see `core/wiring.ts`). */
export async function resolveSiteConfig(
	options: NewsroomOptions,
	config: Pick<AstroConfig, 'site' | 'base' | 'publicDir'>,
): Promise<Omit<NewsroomConfig, 'buildTime'>> {
	if (!config.site) {
		throw new AstroError(
			'The newsroom integration needs `site` in astro.config.mjs.',
			'Feeds, canonical URLs and sitemaps are absolute: set `site: "https://your.domain"`.',
		);
	}
	const present = ICONS.map((icon) => icon.file).filter((file) => existsSync(new URL(file, config.publicDir)));
	return {
		...options,
		site: siteUrl(config.site, config.base),
		language: new Intl.Locale(options.locale).language,
		logoImage: await readLogoImage(config.publicDir, options.logo),
		icons: iconLinks(new Set(present)),
	};
}

/** Measures the `logo` option's file in the public folder; a missing or unreadable file fails the build. */
async function readLogoImage(publicDir: URL, logo: string): Promise<LogoImage> {
	let data: Uint8Array;
	try {
		data = await readFile(new URL(logo.slice(1), publicDir));
	} catch {
		throw invalidOptions(
			`**logo**: "${logo}" is not a file in the public folder`,
			'Put the publication logo (PNG, JPEG, WebP or SVG, at least 112×112 px) in public/ and set `logo: "/logo.png"`.',
		);
	}
	const { width, height, format } = await imageMetadata(data, logo);
	return { width, height, type: format === 'svg' ? 'image/svg+xml' : `image/${format === 'jpg' ? 'jpeg' : format}` };
}
