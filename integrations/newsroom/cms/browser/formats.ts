/**
 * Registers the newsroom's file formats with Decap (see cms/front-matter.ts): Markdown with front matter for
 * articles, YAML for authors and sections, each written back changing only what the editor changed. Decap's
 * formatter gets the data alone, so a pre-save hook hands it the file's previous text under `ORIGINAL_FILE`, and
 * the publish date's year and month for a new article's folder (`FOLDER_KEYS`).
 */
import { FOLDER_DATE_FIELD, FOLDER_KEYS, FORMATS } from '../names.ts';
import {
	ORIGINAL_FILE,
	readFrontMatterFile,
	readYamlFile,
	writeFrontMatterFile,
	writeYamlFile,
} from '../front-matter.ts';
import type { DecapCms, Immutable } from './decap.ts';

export function registerFormats(cms: DecapCms): void {
	cms.registerCustomFormat(FORMATS.frontMatter, 'md', {
		fromFile: readFrontMatterFile,
		toFile: (data, sortedKeys) => writeFrontMatterFile(data, sortedKeys),
	});
	cms.registerCustomFormat(FORMATS.yaml, 'yaml', {
		fromFile: readYamlFile,
		toFile: (data, sortedKeys) => writeYamlFile(data, sortedKeys),
	});
	cms.registerEventListener({
		name: 'preSave',
		handler: ({ entry }) => {
			let data = entry.get('data') as Immutable | undefined;
			if (!data) return undefined;
			const raw = entry.get('raw');
			if (typeof raw === 'string' && raw !== '') data = data.set(ORIGINAL_FILE, raw);
			const [, year, month] = /^(\d{4})-(\d{2})/.exec(String(data.get(FOLDER_DATE_FIELD) ?? '')) ?? [];
			if (year && month) data = data.set(FOLDER_KEYS.year, year).set(FOLDER_KEYS.month, month);
			return data;
		},
	});
}
