// `npm run bench`: builds N synthetic articles with the full newsroom site and with the bare Astro baseline
// (bench/baseline) in the same run, as variants: the baseline, ours in one process (`astro build`), ours with
// `newsroom build --workers 2`, and ours as two CI shards built one after the other plus the merge. Ours is also
// rebuilt with nothing changed, after one new article and after one new live-blog entry. Every result is kept in bench/results.json (by label,
// size and variant); BENCHMARKS.md gets this run's tables and bench/chart.svg the curves over every kept result.
// Options: --sizes 1000,10000  --repeat 3  --hero-share 0  --variants baseline,ours,workers,shards
// --no-rebuilds (cold builds only)  --label main  --full (every size of issue 20, each group in its own block)
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { drawChart } from './chart.mjs';
import { addArticle, addLiveEntry, generate } from './generate.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const work = join(repo, 'bench', '.work');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i === -1 ? fallback : args[i + 1];
};
// `--full`: every size issue 20 asks for, in one command (about 1.5 hours on a 2-core machine): 1 000 and
// 10 000 with every variant and rebuild, 50 000 with the baseline and one process (cold and rebuilds), 100 000 cold.
const FULL = [
	{ sizes: [1000, 10000], variants: ['baseline', 'ours', 'workers', 'shards'], rebuilds: true, label: 'main' },
	{ sizes: [50000], variants: ['baseline', 'ours'], rebuilds: true, label: 'huge' },
	{ sizes: [100000], variants: ['baseline', 'ours'], rebuilds: false, label: 'archive' },
];
const plan = args.includes('--full')
	? FULL
	: [
			{
				sizes: flag('sizes', '1000,10000').split(',').map(Number),
				// `--only ours` (earlier runs' commands) is `--variants ours`.
				variants: flag('variants', flag('only', 'baseline,ours,workers,shards')).split(','),
				rebuilds: !args.includes('--no-rebuilds'),
				label: flag('label', 'main'),
			},
		];
const repeat = Number(flag('repeat', '1'));
const heroShare = Number(flag('hero-share', '0'));
/**
 * Node's heap limit (MiB) for a build. Ours gets what a standard 7 GB CI runner can give up to 50 000 articles (the
 * limit docs/deploying.md advises there), so that its peak RSS is what such a runner sees and not garbage V8 lets
 * pile up under a higher limit; 100 000 articles need a larger machine. The bare baseline gets 12 GiB at every size,
 * so that its time is measured even where it needs more than a runner has.
 */
const heapLimit = (site, size) => (site === 'ours' && size <= 50_000 ? 5120 : 12288);
const run = promisify(execFile);
const env = (size, site = 'ours') => ({
	...process.env,
	NEWSROOM_CONTENT_DIR: join(work, `content-${size}`),
	NODE_OPTIONS: `--max-old-space-size=${heapLimit(site, size)}`,
	ASTRO_TELEMETRY_DISABLED: '1',
	// One clock for every build of a size, so the shards and the merge agree and rebuilds reuse pages.
	SOURCE_DATE_EPOCH: String(Math.floor(Date.parse('2026-06-01T00:00:00Z') / 1000)),
});
/** The machine's load when a build starts: the other engineers' work skews the numbers. */
const load = () => loadavg()[0].toFixed(2);

/** One `astro build` in a fresh Node process (scripts/bench/build-once.mjs): wall, CPU, peak RSS, phases. */
async function plainBuild(site, size, { clean }) {
	const root = site === 'ours' ? repo : join(repo, 'bench', 'baseline');
	const outDir = join(work, `dist-${site}-${size}`);
	const cacheDir = join(work, `cache-${site}-${size}`);
	if (clean) await Promise.all([outDir, cacheDir].map((dir) => rm(dir, { recursive: true, force: true })));
	const loadBefore = load();
	const { stdout } = await run('npx', ['node', join(repo, 'scripts/bench/build-once.mjs'), root, outDir, cacheDir], {
		cwd: repo,
		env: env(size, site),
		maxBuffer: 256 * 1024 * 1024,
	});
	const result = JSON.parse(stdout.trim().split('\n').at(-1));
	return {
		...result,
		load: loadBefore,
		processes: [{ role: 'build', peakRssMb: result.maxRssMb, wallMs: result.wallMs }],
	};
}

/** `newsroom build …` with its per-process report: wall time of the whole, CPU of all processes, each peak RSS. */
async function newsroomBuild(size, name, extra, { clean }) {
	const folder = join(work, `${name}-${size}`);
	if (clean) await rm(folder, { recursive: true, force: true });
	await mkdir(folder, { recursive: true });
	const report = join(folder, 'report.json');
	const loadBefore = load();
	const started = performance.now();
	await run('npx', ['newsroom', 'build', '--log-level', 'warn', '--report', report, ...extra(folder)], {
		cwd: repo,
		env: env(size),
		maxBuffer: 256 * 1024 * 1024,
	});
	const wallMs = Math.round(performance.now() - started);
	const processes = JSON.parse(await readFile(report, 'utf8'));
	const cpu = processes.reduce((sum, p) => sum + p.userMs + p.systemMs, 0);
	return { wallMs, cpuMs: cpu, maxRssMb: Math.max(...processes.map((p) => p.peakRssMb)), load: loadBefore, processes };
}

const workers = (size, options) =>
	newsroomBuild(
		size,
		'workers',
		(folder) => ['--workers', '2', '--out-dir', join(folder, 'dist'), '--cache-dir', join(folder, 'cache')],
		options,
	);

/** Two shards one after the other (as two CI machines would run them) and the merge: each timed on its own. */
async function shards(size) {
	const folder = join(work, `shards-${size}`);
	await rm(folder, { recursive: true, force: true });
	const time = ['--build-time', '2026-06-01T00:00:00Z'];
	const parts = [];
	for (const shard of [1, 2]) {
		const part = join(folder, `part-${shard}`);
		parts.push(
			await newsroomBuild(
				size,
				`shards`,
				() => ['--shard', `${shard}/2`, '--part', part, '--cache-dir', join(folder, `cache-${shard}`), ...time],
				{
					clean: false,
				},
			),
		);
	}
	const merge = await newsroomBuild(
		size,
		'shards',
		() => [
			...[1, 2].flatMap((shard) => ['--merge', join(folder, `part-${shard}`)]),
			'--out-dir',
			join(folder, 'dist'),
			'--cache-dir',
			join(folder, 'cache-merge'),
			...time,
		],
		{ clean: false },
	);
	const slowest = Math.max(...parts.map((part) => part.wallMs));
	return {
		wallMs: slowest + merge.wallMs,
		shardMs: parts.map((part) => part.wallMs),
		mergeMs: merge.wallMs,
		cpuMs: [...parts, merge].reduce((sum, part) => sum + part.cpuMs, 0),
		maxRssMb: Math.max(...[...parts, merge].map((part) => part.maxRssMb)),
		load: parts[0].load,
		processes: [
			...parts.map((part, i) => ({ ...part.processes[0], role: `shard ${i + 1}/2` })),
			{ ...merge.processes[0], role: 'merge' },
		],
	};
}

async function median(measure) {
	const runs = [];
	for (let i = 0; i < repeat; i++) runs.push(await measure());
	runs.sort((a, b) => a.wallMs - b.wallMs);
	return runs[Math.floor(runs.length / 2)];
}

const secs = (run) => (run ? `${(run.wallMs / 1000).toFixed(1)} s` : '–');
const cpu = (run) => (run ? `${(run.cpuMs / 1000).toFixed(1)} s` : '–');
const ratio = (a, b) => (a !== undefined && b ? (a / b).toFixed(2) : '–');
const rss = (run) => (run ? run.processes.map((p) => `${p.peakRssMb}`).join(' / ') + ' MB' : '–');
const tableRow = (cells) => `| ${cells.join(' | ')} |`;
/**
 * The search index a one-process build wrote: the time the build waited for it and that wait's share of the build
 * (the target is under 15 %), then Pagefind's whole time, most of it spent on another core while the other
 * build:done hooks ran (runs before the split into start and finish have no wait and show the whole time).
 */
const searchIndex = (run) => {
	if (!run?.search) return '–';
	const { ms, waitedMs = ms, files, kib, indexed, reused } = run.search;
	const years = indexed ? `, ${indexed.length} of ${indexed.length + reused.length} years indexed` : '';
	return `${(waitedMs / 1000).toFixed(1)} s waited (${((waitedMs / run.wallMs) * 100).toFixed(0)} %) of ${(ms / 1000).toFixed(1)} s, ${files} files, ${(kib / 1024).toFixed(1)} MiB${years}`;
};
const NAMES = {
	baseline: 'bare Astro baseline, 1 process',
	ours: 'ours, `astro build` (1 process)',
	workers: 'ours, `newsroom build --workers 2`',
	shards: 'ours, 2 shards + merge',
	oursWarm: 'ours, 1 process: nothing changed',
	workersWarm: 'ours, 2 workers: nothing changed',
	oursAdded: 'ours, 1 process: one new article',
	workersAdded: 'ours, 2 workers: one new article',
	oursLiveEntry: 'ours, 1 process: one new live-blog entry',
};
function tableOf(rows) {
	return [
		tableRow([
			'articles',
			'variant',
			'wall',
			'× baseline',
			'CPU (all processes)',
			'peak RSS per process',
			'search index (Pagefind)',
			'load (1 min) at start',
		]),
		tableRow(['---:', '---', '---:', '---:', '---:', '---:', '---:', '---:']),
		...rows.flatMap((r) =>
			Object.keys(NAMES)
				.filter((name) => r[name])
				.map((name) => {
					const result = r[name];
					if (result.failed)
						return tableRow([r.size, NAMES[name], `**failed**: ${result.failed}`, '–', '–', '–', '–', result.load]);
					const rebuilt = /(Warm|Added|LiveEntry)$/;
					const cold = rebuilt.test(name) ? r[name.replace(rebuilt, '')] : undefined;
					const wall =
						name === 'shards'
							? `${secs(result)} (shards ${result.shardMs.map((ms) => `${(ms / 1000).toFixed(1)}`).join(' and ')} s, merge ${(result.mergeMs / 1000).toFixed(1)} s)`
							: secs(result);
					return tableRow([
						r.size,
						NAMES[name],
						cold ? `${wall} (${ratio(result.wallMs, cold.wallMs)} × its cold)` : wall,
						ratio(result.wallMs, r.baseline?.wallMs),
						cpu(result),
						rss(result),
						searchIndex(result),
						result.load,
					]);
				}),
		),
	].join('\n');
}

// Every result kept, so a later run of other sizes (50 000 takes long) extends the curves.
async function publish({ rows, label, command }) {
	const table = tableOf(rows);
	const resultsFile = join(repo, 'bench', 'results.json');
	const kept = JSON.parse(await readFile(resultsFile, 'utf8').catch(() => '[]'));
	const measuredAt = new Date().toISOString().slice(0, 16);
	for (const r of rows) {
		// A failed build keeps no result (the table says why); an earlier run's result of it stays.
		for (const name of Object.keys(NAMES).filter((n) => r[n] && !r[n].failed)) {
			const index = kept.findIndex((k) => k.size === r.size && k.variant === name);
			const entry = {
				size: r.size,
				variant: name,
				label,
				measuredAt,
				wallMs: r[name].wallMs,
				cpuMs: r[name].cpuMs,
				maxRssMb: r[name].maxRssMb,
				load: r[name].load,
			};
			if (index === -1) kept.push(entry);
			else kept[index] = entry;
		}
	}
	kept.sort((a, b) => a.size - b.size || a.variant.localeCompare(b.variant));
	await writeFile(resultsFile, `${JSON.stringify(kept, null, '\t')}\n`);
	await writeFile(join(repo, 'bench', 'chart.svg'), drawChart(kept, NAMES));

	const machine = `${availableParallelism()} cores (${cpus()[0]?.model ?? 'CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Linux ${release()}, Node ${process.version}`;
	const start = `<!-- results:${label}:start -->`;
	const end = `<!-- results:${label}:end -->`;
	const results = `${start}\nMeasured ${measuredAt}Z on ${machine}; hero images on ${Math.round(heroShare * 100)} % of articles; ${repeat === 1 ? 'single runs' : `median of ${repeat} cold runs`}; the machine is shared, so each build's load average at its start is given.\nCommand: \`${command}\`\n\n${table}\n${end}`;
	const file = join(repo, 'BENCHMARKS.md');
	const current = await readFile(file, 'utf8').catch(() => '');
	const block = new RegExp(`${start}[\\s\\S]*${end}`);
	await writeFile(file, block.test(current) ? current.replace(block, () => results) : `${current}\n${results}\n`);
	return table;
}

/** Runs one build; a failed one is noted with its error (a bare Astro site cannot build 100 000) and the run goes on. */
async function attemptBuild(build) {
	const loadBefore = load();
	try {
		return await build();
	} catch (error) {
		const lines = `${error.stderr ?? ''}\n${error.message}`.split('\n');
		const cause =
			lines.find((line) => /^\s*(\[\w+\]\s*)?\w*Error: /.test(line)) ??
			lines.find((line) => /error/i.test(line)) ??
			lines.find(Boolean) ??
			'unknown';
		return { failed: cause.trim().slice(0, 200), load: loadBefore };
	}
}

/** One group of sizes with its variants, published to its own block after every build. */
async function measure({ sizes, variants, rebuilds, label }) {
	const rows = [];
	const command = args.length ? `npm run bench -- ${args.join(' ')}` : 'npm run bench';
	for (const size of sizes) {
		const content = join(work, `content-${size}`);
		console.log(`\n# ${size} articles: generating…`);
		await generate(content, size, { heroShare });
		const row = { size };
		rows.push(row);
		const note = async (name, build) => {
			const result = await attemptBuild(build);
			row[name] = result;
			console.log(`${name}: ${JSON.stringify(result)}`);
			// Written after every build: a long run stopped early keeps what it measured.
			return publish({ rows, label, command });
		};
		if (variants.includes('baseline'))
			await note('baseline', () => median(() => plainBuild('baseline', size, { clean: true })));
		if (variants.includes('ours')) await note('ours', () => median(() => plainBuild('ours', size, { clean: true })));
		if (variants.includes('workers')) await note('workers', () => median(() => workers(size, { clean: true })));
		if (variants.includes('shards')) await note('shards', () => median(() => shards(size)));
		if (rebuilds) {
			if (variants.includes('ours')) await note('oursWarm', () => plainBuild('ours', size, { clean: false }));
			if (variants.includes('workers')) await note('workersWarm', () => workers(size, { clean: false }));
			await addArticle(content, size + 1);
			if (variants.includes('ours')) await note('oursAdded', () => plainBuild('ours', size, { clean: false }));
			if (variants.includes('workers')) await note('workersAdded', () => workers(size, { clean: false }));
			if (variants.includes('ours')) {
				await addLiveEntry(content, 2);
				await note('oursLiveEntry', () => plainBuild('ours', size, { clean: false }));
			}
		}
	}
	console.log(
		`\n${tableOf(rows)}\n\nwritten to BENCHMARKS.md (block ${label}), bench/results.json and bench/chart.svg`,
	);
}

for (const group of plan) await measure(group);
