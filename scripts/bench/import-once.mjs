// Runs one `newsroom import wordpress` in this process and prints {"wallMs", "cpuMs", "maxRssMb", "written"} as the
// last line of stdout (peak RSS of the whole process, worker threads included). Usage: node import-once.mjs
// <export.xml> <content dir>
import { importWordPress } from '../../integrations/newsroom/wordpress/import.ts';

const [file, out] = process.argv.slice(2);
const started = performance.now();
const report = await importWordPress({ file, out, timeZone: 'Asia/Kuala_Lumpur' });
const wallMs = Math.round(performance.now() - started);
const usage = process.resourceUsage();
console.log(
	JSON.stringify({
		wallMs,
		cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
		maxRssMb: Math.round(usage.maxRSS / 1024),
		written: report.articles.written.length,
	}),
);
