import { readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';
import { RECORD_ENV, recordedListOptions } from './list-options-record.ts';
import { readVariants, spliceRecentPosts } from './splice-recent-posts.ts';

/** The route of the variants page (an artefact the build deletes). */
export const VARIANTS_ROUTE = '/_newsroom/recent-posts';
/** How many pages are read and written at once. */
const PARALLEL = 16;

/**
 * After an incremental build: gives every page the current Recent Posts list. Pages Astro reused still show the
 * list of the build that rendered them (their cache keys leave the list out, so that one new article does not
 * make every page render again); each marked widget is replaced by the matching list of the variants page.
 * `reusable` is false when no earlier build recorded list options: then every page was rendered by this build.
 */
export async function refreshRecentPosts({
	assets,
	reusable,
	logger,
}: {
	assets: Map<string, URL[]>;
	reusable: boolean;
	logger: AstroIntegrationLogger;
}): Promise<void> {
	const variantsFile = assets.get(VARIANTS_ROUTE)?.[0];
	if (!variantsFile) return;
	const variants = readVariants(await readFile(variantsFile, 'utf8'));
	await rm(variantsFile);
	await rmdir(new URL('./', variantsFile)).catch(() => undefined);
	if (!reusable) return;
	const pages = [...assets]
		.filter(([route]) => route !== VARIANTS_ROUTE)
		.flatMap(([, files]) => files)
		.filter((file) => file.pathname.endsWith('.html'));
	let refreshed = 0;
	let next = 0;
	const unknownKeys = new Set<string>();
	const worker = async () => {
		while (next < pages.length) {
			const file = pages[next++]!;
			const html = await readFile(file, 'utf8');
			let spliced: string | undefined;
			try {
				spliced = spliceRecentPosts(html, variants, unknownKeys);
			} catch (error) {
				throw new Error(`${fileURLToPath(file)}: cannot update its Recent Posts: ${String(error)}`, { cause: error });
			}
			if (spliced === undefined) continue;
			await writeFile(file, spliced);
			refreshed++;
		}
	};
	await Promise.all(Array.from({ length: PARALLEL }, worker));
	logger.info(`Recent Posts brought up to date on ${refreshed} of ${pages.length} page(s)`);
	// Options first used in this build were recorded while their pages rendered; any other key means the record
	// was lost while Astro kept pages rendered with it, and those lists may be stale.
	const recorded = recordedListOptions();
	const lost = [...unknownKeys].filter((key) => !recorded.has(key));
	if (lost.length > 0) {
		logger.warn(
			`${lost.length} Recent Posts list(s) on reused pages could not be brought up to date (their options are missing from ${process.env[RECORD_ENV]}): run \`astro build --force\` once`,
		);
	}
}
