import type { NewsroomOptions } from './options.ts';
import type { IconLink } from './seo/icon-links.ts';
import type { LogoImage } from './seo/public-assets.ts';

/** What `virtual:newsroom/config` exports: the validated options plus what the build knows. */
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
