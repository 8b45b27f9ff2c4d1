/**
 * Registers the newsroom's file formats with Decap (see cms/front-matter.ts): Markdown with front matter for
 * articles, YAML for authors and sections, each written back changing only what the editor changed. Decap's
 * formatter gets the data alone, so a pre-save hook hands it the file's previous text under `ORIGINAL_FILE`.
 */
import { FORMATS } from '../names.ts';
import {
	ORIGINAL_FILE,
	readFrontMatterFile,
	readYamlFile,
	writeFrontMatterFile,
	writeYamlFile,
} from '../front-matter.ts';
import type { DecapCms } from './decap.ts';

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
			const raw = entry.get('raw');
			const data = entry.get('data') as { set(key: string, value: unknown): unknown } | undefined;
			if (typeof raw !== 'string' || raw === '' || !data) return undefined;
			return data.set(ORIGINAL_FILE, raw) as ReturnType<typeof entry.set>;
		},
	});
}
