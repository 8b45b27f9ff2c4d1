// `npm run bench:import`: generates a deterministic WordPress export of N posts (scripts/bench/wxr.mjs; default
// 50 000) and imports it with `newsroom import wordpress` in a fresh Node process, measuring wall time and peak
// memory (RSS). Writes the result to BENCHMARKS.md. Options: --posts 50000  --repeat 1
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateWxr } from './wxr.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const work = join(repo, 'bench', '.work', 'import');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i === -1 ? fallback : args[i + 1];
};
const posts = Number(flag('posts', '50000'));
const repeat = Number(flag('repeat', '1'));

await mkdir(work, { recursive: true });
const file = join(work, `export-${posts}.xml`);
const size =
	(await stat(file).catch(() => undefined))?.size ??
	(console.log(`generating ${posts} posts…`), await generateWxr(file, posts));
console.log(`${file}: ${(size / 1e6).toFixed(0)} MB`);

/** One import into an empty content folder, in a fresh process: wall time (ms) and peak RSS (MB) of that process. */
async function measure() {
	const out = join(work, 'content');
	await rm(out, { recursive: true, force: true });
	const { stdout } = await promisify(execFile)(
		'npx',
		['node', join(repo, 'scripts/bench/import-once.mjs'), file, out],
		{
			cwd: repo,
			maxBuffer: 64 * 1024 * 1024,
		},
	);
	return JSON.parse(stdout.trim().split('\n').at(-1));
}

const runs = [];
for (let i = 0; i < repeat; i++) {
	runs.push(await measure());
	console.log(JSON.stringify(runs.at(-1)));
}
const range = (key, unit, scale = 1, digits = 0) => {
	const values = runs.map((r) => r[key] / scale).sort((a, b) => a - b);
	const median = values[Math.floor(values.length / 2)];
	return values.length === 1
		? `${median.toFixed(digits)} ${unit}`
		: `${median.toFixed(digits)} ${unit} (${values[0].toFixed(digits)}–${values.at(-1).toFixed(digits)})`;
};
const written = runs[0].written;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Linux ${release()}, Node ${process.version}`;
const command = `npm run bench:import -- ${args.join(' ')}`.trim();
const start = '<!-- results:import:start -->';
const end = '<!-- results:import:end -->';
const table = [
	'| posts | export size | articles written | wall time | CPU time | peak RSS | target |',
	'| ---: | ---: | ---: | ---: | ---: | ---: | --- |',
	`| ${posts} | ${(size / 1e6).toFixed(0)} MB | ${written} | ${range('wallMs', 's', 1000, 1)} | ${range('cpuMs', 's', 1000, 1)} | ${range('maxRssMb', 'MB')} | under 60 s, under 500 MB |`,
].join('\n');
const results = `${start}\nMeasured ${new Date().toISOString().slice(0, 16)}Z on ${machine}; ${repeat === 1 ? 'a single run' : `medians of ${repeat} runs (range in brackets)`}.\nCommand: \`${command}\`\n\n${table}\n${end}`;
const bench = join(repo, 'BENCHMARKS.md');
const current = await readFile(bench, 'utf8');
const block = new RegExp(`${start}[\\s\\S]*${end}`);
await writeFile(bench, block.test(current) ? current.replace(block, () => results) : `${current}\n${results}\n`);
console.log(`\n${table}\n\nwritten to BENCHMARKS.md`);
