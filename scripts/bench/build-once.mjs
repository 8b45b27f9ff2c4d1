// Runs one `astro build` in this process and prints {"wallMs", "maxRssMb"} as the last line of stdout.
// Usage: node build-once.mjs <root> <outDir> <cacheDir>   (NEWSROOM_CONTENT_DIR selects the content)
import { build } from 'astro';

const [root, outDir, cacheDir] = process.argv.slice(2);
const started = performance.now();
await build({ root, outDir, cacheDir, logLevel: 'error', telemetry: false });
const wallMs = Math.round(performance.now() - started);
console.log(JSON.stringify({ wallMs, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
