import { buildSite } from './build-site.ts';
import { siteDist, testBuildTime } from './paths.ts';

/** Builds the sample site once, with a fixed clock, for every build and browser test. */
export default async function setup() {
	const epoch = String(Date.parse(testBuildTime) / 1000);
	await buildSite({ name: 'site', outDir: siteDist, env: { SOURCE_DATE_EPOCH: epoch } });
	return undefined;
}
