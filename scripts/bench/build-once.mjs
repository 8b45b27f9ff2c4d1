// Runs one `astro build` in this process and prints {"wallMs", "cpuMs", "maxRssMb"} as the last line of stdout.
// Usage: node build-once.mjs <root> <outDir> <cacheDir>   (NEWSROOM_CONTENT_DIR selects the content)
import { build } from 'astro';

const [root, outDir, cacheDir] = process.argv.slice(2);
const started = performance.now();
await build({ root, outDir, cacheDir, logLevel: 'error', telemetry: false });
const wallMs = Math.round(performance.now() - started);
const usage = process.resourceUsage();
// CPU time (user + system) is steadier than wall time on a shared machine; both are reported.
const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
console.log(JSON.stringify({ wallMs, cpuMs, maxRssMb: Math.round(usage.maxRSS / 1024) }));
