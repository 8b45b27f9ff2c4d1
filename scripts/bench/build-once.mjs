// Runs one `astro build` in this process and prints {"wallMs", "cpuMs", "maxRssMb", "imagesEncoded",
// "imagesReused"} as the last line of stdout. Usage: node build-once.mjs <root> <outDir> <cacheDir>
// (NEWSROOM_CONTENT_DIR selects the content). Astro's own log goes to stderr.
import { build } from 'astro';

const [root, outDir, cacheDir] = process.argv.slice(2);
// Count image work from Astro's log lines ("(before: …kB" = encoded, "(reused cache entry)" = from the cache).
let imagesEncoded = 0;
let imagesReused = 0;
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
	const line = String(chunk);
	if (line.includes('(reused cache entry)') || line.includes('(revalidated cache entry)')) imagesReused++;
	else if (line.includes('(before: ')) imagesEncoded++;
	return process.stderr.write(chunk, ...rest);
};
const started = performance.now();
await build({ root, outDir, cacheDir, logLevel: 'info', telemetry: false });
const wallMs = Math.round(performance.now() - started);
const usage = process.resourceUsage();
// CPU time (user + system) is steadier than wall time on a shared machine; both are reported.
const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
write(`${JSON.stringify({ wallMs, cpuMs, maxRssMb: Math.round(usage.maxRSS / 1024), imagesEncoded, imagesReused })}\n`);
