import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

// How Astro's content layer marks an `image()` field in parsed data until the bundler resolves it.
const IMAGE_MARKER = '__ASTRO_IMAGE_';

/**
 * The `image()` fields of parsed entry data whose local file does not exist, as `field.path → written path`.
 * Astro only notices a missing image later, in the bundler, with an error naming neither the entry nor the field.
 */
export function missingImages(data: unknown, entryFile: string, path: string[] = []): { field: string; src: string }[] {
	if (typeof data === 'string') {
		if (!data.startsWith(IMAGE_MARKER)) return [];
		const src = data.slice(IMAGE_MARKER.length);
		if (src.includes('://') || src.startsWith('/')) return [];
		return existsSync(resolve(dirname(entryFile), src)) ? [] : [{ field: path.join('.'), src }];
	}
	if (Array.isArray(data))
		return data.flatMap((item, index) => missingImages(item, entryFile, [...path, String(index)]));
	if (data && typeof data === 'object' && Object.getPrototypeOf(data) === Object.prototype) {
		return Object.entries(data).flatMap(([key, value]) => missingImages(value, entryFile, [...path, key]));
	}
	return [];
}
