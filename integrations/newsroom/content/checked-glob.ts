import { relative } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import { missingImages } from './missing-images.ts';

type GlobOptions = Parameters<typeof glob>[0];
type ParseData = LoaderContext['parseData'];

/**
 * Astro's glob loader, plus a check that every `image()` field points at a file that exists: the build fails
 * naming the entry file, the field and the missing path. `prepare` may rewrite an entry's data before the schema.
 */
export function checkedGlob(
	options: GlobOptions,
	prepare?: (entry: Parameters<ParseData>[0]) => Promise<Record<string, unknown>>,
): Loader {
	const inner = glob(options);
	return {
		name: 'newsroom-glob',
		load: (context) =>
			inner.load({
				...context,
				parseData: (async (entry: Parameters<ParseData>[0]) => {
					const parsed = await context.parseData(prepare ? { ...entry, data: await prepare(entry) } : entry);
					const file = entry.filePath!;
					const missing = missingImages(parsed, file);
					if (missing.length > 0) {
						const root = context.config.root.pathname;
						throw new AstroError(
							`${relative(root, file)}: ${missing
								.map(
									({ field, src }) =>
										`**${field}**: image file "${src}" not found; expected a path relative to this file`,
								)
								.join('\n')}`,
							'Check the file name and folder of the image; paths are relative to the Markdown or YAML file.',
						);
					}
					return parsed;
				}) as ParseData,
			}),
	};
}
