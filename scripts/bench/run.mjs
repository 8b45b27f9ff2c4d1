// `npm run bench`: builds N synthetic articles with the full newsroom site and with the bare Astro baseline
// (bench/baseline) in the same run, then rebuilds ours warm (nothing changed) and after adding one article.
// Writes the table to BENCHMARKS.md. Options: --sizes 1000,5000,10000  --huge (adds 50000)  --repeat 3
// --hero-share 0.2  --only ours|baseline  --no-rebuilds (cold builds only)
import { execFile } from 'node:child_process';
import { rm, writeFile, readFile } from 'node:fs/promises';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { addArticle, addLiveEntry, generate } from './generate.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const work = join(repo, 'bench', '.work');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i === -1 ? fallback : args[i + 1];
};
const sizes = flag('sizes', '1000,5000,10000').split(',').map(Number);
if (args.includes('--huge')) sizes.push(50_000);
const repeat = Number(flag('repeat', '1'));
const heroShare = Number(flag('hero-share', '0.2'));
const only = flag('only', 'both');
// Each labelled run replaces its own block of BENCHMARKS.md (e.g. --label images).
const label = flag('label', 'main');
// A larger heap than Node's default, so 50 000 articles do not run out of memory.
const nodeOptions = '--max-old-space-size=12288';

/** One build in a fresh Node process: wall time and peak RSS. */
async function measure(site, size, { clean }) {
	const root = site === 'ours' ? repo : join(repo, 'bench', 'baseline');
	const outDir = join(work, `dist-${site}-${size}`);
	const cacheDir = join(work, `cache-${site}-${size}`);
	if (clean) {
		await rm(outDir, { recursive: true, force: true });
		await rm(cacheDir, { recursive: true, force: true });
	}
	const { stdout } = await promisify(execFile)(
		'npx',
		['node', join(repo, 'scripts/bench/build-once.mjs'), root, outDir, cacheDir],
		{
			cwd: repo,
			env: {
				...process.env,
				NEWSROOM_CONTENT_DIR: join(work, `content-${size}`),
				NODE_OPTIONS: nodeOptions,
				ASTRO_TELEMETRY_DISABLED: '1',
			},
			maxBuffer: 256 * 1024 * 1024,
		},
	);
	return JSON.parse(stdout.trim().split('\n').at(-1));
}

async function median(site, size, options) {
	const runs = [];
	for (let i = 0; i < repeat; i++) runs.push(await measure(site, size, options));
	runs.sort((a, b) => a.wallMs - b.wallMs);
	return runs[Math.floor(runs.length / 2)];
}

const rows = [];
for (const size of sizes) {
	const content = join(work, `content-${size}`);
	console.log(`\n# ${size} articles: generating…`);
	await generate(content, size, { heroShare });
	const row = { size };
	if (only !== 'ours') {
		row.baseline = await median('baseline', size, { clean: true });
		console.log(`baseline cold: ${JSON.stringify(row.baseline)}`);
	}
	if (only !== 'baseline') {
		row.cold = await median('ours', size, { clean: true });
		console.log(`ours cold: ${JSON.stringify(row.cold)}`);
		if (args.includes('--no-rebuilds')) {
			rows.push(row);
			continue;
		}
		row.warm = await measure('ours', size, { clean: false });
		console.log(`ours warm (nothing changed): ${JSON.stringify(row.warm)}`);
		await addArticle(content, size + 1);
		row.added = await measure('ours', size, { clean: false });
		console.log(`ours after one new article: ${JSON.stringify(row.added)}`);
		await addLiveEntry(content, 2);
		row.liveEntry = await measure('ours', size, { clean: false });
		console.log(`ours after one new live entry: ${JSON.stringify(row.liveEntry)}`);
	}
	rows.push(row);
}

const ratio = (a, b) => (a && b ? (a / b).toFixed(2) : '–');
const ms = (run) => (run ? `${(run.wallMs / 1000).toFixed(1)} s` : '–');
const table = [
	'| articles | baseline cold | ours cold | ms/article (ours) | ours/baseline time | ours/baseline CPU | peak RSS baseline | peak RSS ours | RSS ratio | warm rebuild (× cold) | +1 article (× cold) | +1 live entry (× cold) | images encoded cold / warm / +1 |',
	'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	...rows.map((r) =>
		[
			r.size,
			ms(r.baseline),
			ms(r.cold),
			r.cold ? (r.cold.wallMs / r.size).toFixed(2) : '–',
			ratio(r.cold?.wallMs, r.baseline?.wallMs),
			ratio(r.cold?.cpuMs, r.baseline?.cpuMs),
			r.baseline ? `${r.baseline.maxRssMb} MB` : '–',
			r.cold ? `${r.cold.maxRssMb} MB` : '–',
			ratio(r.cold?.maxRssMb, r.baseline?.maxRssMb),
			r.warm ? `${ms(r.warm)} (${ratio(r.warm.wallMs, r.cold.wallMs)})` : '–',
			r.added ? `${ms(r.added)} (${ratio(r.added.wallMs, r.cold.wallMs)})` : '–',
			r.liveEntry ? `${ms(r.liveEntry)} (${ratio(r.liveEntry.wallMs, r.cold.wallMs)})` : '–',
			r.added ? `${r.cold.imagesEncoded} / ${r.warm.imagesEncoded} / ${r.added.imagesEncoded}` : '–',
		]
			.join(' | ')
			.replace(/^/, '| ')
			.replace(/$/, ' |'),
	),
].join('\n');

// Where the time goes: each build's phases (from Astro's log) and its user and system CPU time.
const s = (value) => (value === undefined ? '–' : `${(value / 1000).toFixed(1)}`);
const phaseRow = (size, name, run) =>
	run
		? `| ${size} | ${name} | ${s(run.phases?.setup)} | ${s(run.phases?.sync)} | ${s(run.phases?.bundle)} | ${s(run.phases?.render)} | ${s(run.phases?.images)} | ${s(run.phases?.hooks)} | ${s(run.userMs)} | ${s(run.systemMs)} |`
		: undefined;
const phaseTable = [
	'| articles | build | setup (s) | content sync (s) | bundle (s) | pages (s) | images (s) | build:done hooks (s) | user CPU (s) | system CPU (s) |',
	'| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
	...rows.flatMap((r) =>
		[
			phaseRow(r.size, 'baseline cold', r.baseline),
			phaseRow(r.size, 'ours cold', r.cold),
			phaseRow(r.size, 'ours warm', r.warm),
			phaseRow(r.size, 'ours +1 article', r.added),
			phaseRow(r.size, 'ours +1 live entry', r.liveEntry),
		].filter(Boolean),
	),
].join('\n');

// The search index (Pagefind, after the build): its share of the cold build (the target is under 15 %).
const searchRow = (size, name, run) =>
	run?.search
		? `| ${size} | ${name} | ${run.search.pages} | ${run.search.files} | ${(run.search.kib / 1024).toFixed(1)} MiB | ${s(run.search.ms)} | ${((run.search.ms / run.wallMs) * 100).toFixed(1)} % |`
		: undefined;
const searchRows = rows.flatMap((r) => [searchRow(r.size, 'ours cold', r.cold), searchRow(r.size, 'ours +1 article', r.added)].filter(Boolean));
const searchTable = searchRows.length
	? `\n\n${['| articles | build | pages indexed | index files | index size | index time (s) | share of the build |', '| ---: | --- | ---: | ---: | ---: | ---: | ---: |', ...searchRows].join('\n')}`
	: '';

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Linux ${release()}, Node ${process.version}`;
const command = `npm run bench -- ${args.join(' ')}`.trim();
const start = `<!-- results:${label}:start -->`;
const end = `<!-- results:${label}:end -->`;
const results = `${start}\nMeasured ${new Date().toISOString().slice(0, 16)}Z on ${machine}; hero images on ${Math.round(heroShare * 100)} % of articles (a pool of 12 source images); ${repeat === 1 ? 'single runs' : `median of ${repeat} cold runs`}.\nCommand: \`${command}\`\n\n${table}\n\n${phaseTable}${searchTable}\n${end}`;
const file = join(repo, 'BENCHMARKS.md');
const current = await readFile(file, 'utf8').catch(() => '');
const block = new RegExp(`${start}[\\s\\S]*${end}`);
await writeFile(file, block.test(current) ? current.replace(block, () => results) : `${current}\n${results}\n`);
console.log(`\n${table}\n\n${phaseTable}${searchTable}\n\nwritten to BENCHMARKS.md`);
