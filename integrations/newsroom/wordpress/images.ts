import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { decodePercent } from './mapping.ts';

/**
 * Images of the export and the copy of `wp-content/uploads` the operator gives with `--uploads`: an image URL of
 * the old site ("https://example.com/wp-content/uploads/2013/03/photo-300x200.jpg", or WordPress.com's
 * "https://example.files.wordpress.com/2013/03/photo.jpg?w=604") is looked up in that folder, the original rather
 * than a resized copy (Astro makes its own sizes), and copied to `assets/wordpress/<year>/<month>/…` in the
 * content folder. Images found nowhere keep their URL and are listed in the report.
 */

/** Formats astro:assets can process; any other image keeps its URL. */
const PROCESSABLE = /\.(?:jpe?g|png|gif|webp|avif|svg|tiff?)$/i;

/** Where imported images go, below the content folder. */
export const ASSETS_FOLDER = 'assets/wordpress';

/** The path of an image URL below the uploads folder ("2013/03/photo.jpg"), if it is an upload of the old site. */
export function uploadPath(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return undefined;
	}
	const path = decodePercent(parsed.pathname);
	const match = /\/wp-content\/uploads\/(.+)$/.exec(path) ?? /\/files\/(\d{4}\/\d{2}\/.+)$/.exec(path);
	const relative =
		match?.[1] ?? (parsed.hostname.endsWith('.files.wordpress.com') ? path.replace(/^\/+/, '') : undefined);
	if (!relative) return undefined;
	const normalized = posix.normalize(relative);
	if (normalized.startsWith('..') || posix.isAbsolute(normalized) || normalized.includes('\0')) return undefined;
	return normalized;
}

/** "photo-300x200.jpg" → "photo.jpg": WordPress's resized copies name their size before the extension. */
export function originalName(path: string): string {
	return path.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1').replace(/-scaled(\.[a-z0-9]+)$/i, '$1');
}

/** The file of the uploads folder an image URL stands for (the original if present), or `undefined`. */
export function findUpload(url: string, uploadsDir: string | undefined): string | undefined {
	if (!uploadsDir) return undefined;
	const path = uploadPath(url);
	if (!path || !PROCESSABLE.test(path)) return undefined;
	for (const candidate of [originalName(path), path]) {
		const file = join(uploadsDir, candidate);
		try {
			if (existsSync(file) && statSync(file).isFile()) return candidate;
		} catch {
			// unreadable: treated as missing
		}
	}
	return undefined;
}

/** The relative path from an article file (below the content folder) to an asset (below the content folder). */
export function relativeFrom(articleFile: string, asset: string): string {
	const relative = posix.relative(posix.dirname(articleFile), asset);
	return relative.startsWith('.') ? relative : `./${relative}`;
}
