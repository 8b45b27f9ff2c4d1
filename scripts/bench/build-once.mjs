// Runs one `astro build` in this process and prints {"wallMs", "cpuMs", "userMs", "systemMs", "maxRssMb",
// "imagesEncoded", "imagesReused", "phases", "search"} as the last line of stdout. Usage: node build-once.mjs <root> <outDir>
// <cacheDir> (NEWSROOM_CONTENT_DIR selects the content). Astro's own log goes to stderr.
import { build } from 'astro';

const [root, outDir, cacheDir] = process.argv.slice(2);
// Count image work from Astro's log lines ("(before: …kB" = encoded, "(reused cache entry)" = from the cache),
// and time the build's phases from the lines that start them.
let imagesEncoded = 0;
let imagesReused = 0;
const marks = {};
// The search feature's own line: "search index: 10000 articles, 1034 files, 41234 KiB in 9876 ms (indexed: 2026;
// unchanged, reused: 2025, 2024), the build waited 2345 ms for it" (Pagefind indexes in its own process while the
// other build:done hooks run; one index per year, the unchanged years reused).
let search;
const phaseStarts = [
	['sync', 'Syncing content'],
	['bundle', 'Building static entrypoints'],
	['render', 'generating static routes'],
	['images', 'generating optimized images'],
	['hooks', 'Completed in'],
];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
	const line = String(chunk);
	if (line.includes('(reused cache entry)') || line.includes('(revalidated cache entry)')) imagesReused++;
	else if (line.includes('(before: ')) imagesEncoded++;
	const indexed = line.match(/search index: (\d+) articles, (\d+) files, (\d+) KiB in (\d+) ms \(indexed: ([^;]*); unchanged, reused: ([^)]*)\), the build waited (\d+) ms/);
	if (indexed) {
		const [pages, files, kib, ms] = indexed.slice(1, 5).map(Number);
		const years = (list) => (list === 'none' ? [] : list.split(', '));
		search = { pages, files, kib, ms, waitedMs: Number(indexed[7]), indexed: years(indexed[5]), reused: years(indexed[6]) };
	}
	for (const [phase, text] of phaseStarts) {
		// "Completed in" ends several steps: the hooks phase starts at the build's own ("[build] ✓ Completed in")
		// once pages were rendered.
		const hooksReady = phase !== 'hooks' || (marks.render !== undefined && line.includes('[build]'));
		if (marks[phase] === undefined && line.includes(text) && hooksReady) {
			marks[phase] = performance.now();
		}
	}
	return process.stderr.write(chunk, ...rest);
};
const started = performance.now();
await build({ root, outDir, cacheDir, logLevel: 'info', telemetry: false });
const ended = performance.now();
const wallMs = Math.round(ended - started);
const usage = process.resourceUsage();
// CPU time (user + system) is steadier than wall time on a shared machine; both are reported. System time is
// mostly the file system (writing, copying and deleting pages).
const userMs = Math.round(usage.userCPUTime / 1000);
const systemMs = Math.round(usage.systemCPUTime / 1000);
// Phases in ms: setup (config, integrations), sync (content layer), bundle (Vite), render (pages, written or
// reused), images (encoded or copied from the cache), hooks (astro:build:done: sitemaps, Recent Posts refresh,
// clean-up).
const order = ['setup', 'sync', 'bundle', 'render', 'images', 'hooks'];
const at = { setup: started, ...marks };
const phases = {};
order.forEach((phase, i) => {
	if (at[phase] === undefined) return;
	const next = order.slice(i + 1).find((later) => at[later] !== undefined);
	phases[phase] = Math.round((next ? at[next] : ended) - at[phase]);
});
write(
	`${JSON.stringify({ wallMs, cpuMs: userMs + systemMs, userMs, systemMs, maxRssMb: Math.round(usage.maxRSS / 1024), imagesEncoded, imagesReused, phases, search })}\n`,
);
