import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlanIntegration, clearParts, partDist } from './integration.ts';
import { parseShard, type BuildPlan, type Shard } from './plan.ts';

/**
 * `newsroom build`: the site's `astro build`, split over worker processes (one per core by default) or, with
 * `--shard i/N` and `--merge`, over machines. Each worker is an Astro build of the whole site that renders the pages
 * of its shard; the first worker merges the others' parts and runs the site-wide work once (plan.ts).
 */

export const buildUsage = `Usage: newsroom build [options]

Builds the site like "astro build", rendering its pages in several processes. The output is the same, byte for
byte, as one "astro build" at the same clock.

Options:
  --workers <n>          worker processes on this machine (default: one per core; a site under ${'2 000'} pages
                         builds in one)
  --shard <i/N>          build only shard i of N (1-based) into --part, for a CI matrix; merge with --merge
  --part <dir>           where --shard writes its part (default: dist-parts/<i>)
  --merge <dir>          merge this part into the site's output folder (repeat for each part; no pages rendered)
  --build-time <iso>     the build clock every shard and the merge share (required with --shard and --merge)
  --root <dir>           the site's folder (default: the current folder)
  --out-dir <dir>        the output folder (default: the site's outDir, dist/)
  --cache-dir <dir>      Astro's cache folder; with workers, where each keeps its own cache and part
                         (default: node_modules/.astro/newsroom/ for workers and shards)
  --log-level <level>    Astro's log level: debug, info, warn, error, silent (default: info)
  --report <file>        write each process's wall time, CPU time and peak memory to <file> as JSON
  --help                 this help

See docs/deploying.md (Building in parallel).`;

/** Below this many paths one process builds the site: the fixed cost of a second build outweighs the gain. */
export const MIN_PATHS = 2000;

export interface BuildArgs {
	root: string;
	outDir?: string | undefined;
	workers?: number | undefined;
	shard?: Shard | undefined;
	part?: string | undefined;
	merge: string[];
	buildTime?: string | undefined;
	logLevel: LogLevel;
	report?: string | undefined;
	/** Internal: this worker merges parts other workers are still writing. */
	wait: boolean;
	/** The build's cache folder; with workers, the folder of their caches and parts. */
	cacheDir?: string | undefined;
	/** Internal: the plan's `minPaths`. */
	minPaths?: number | undefined;
}

type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export class BuildUsageError extends Error {}

/** Reads `newsroom build`'s arguments (parsed by node:util parseArgs in cli.ts) into what to do. */
export function buildArgs(values: Record<string, string | boolean | string[] | undefined>, cwd: string): BuildArgs {
	const text = (name: string) => values[name] as string | undefined;
	const root = resolve(cwd, text('root') ?? '.');
	const workers = text('workers') === undefined ? undefined : Number(text('workers'));
	if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) {
		throw new BuildUsageError(`--workers "${text('workers')}" is not a whole number of processes, 1 or more`);
	}
	let shard: Shard | undefined;
	try {
		shard = text('shard') === undefined ? undefined : parseShard(text('shard')!);
	} catch (error) {
		throw new BuildUsageError((error as Error).message);
	}
	const merge = ((values['merge'] as string[] | undefined) ?? []).map((part) => resolve(cwd, part));
	const buildTime = text('build-time');
	if (buildTime !== undefined && Number.isNaN(Date.parse(buildTime))) {
		throw new BuildUsageError(
			`--build-time "${buildTime}" is not an ISO 8601 date and time such as 2026-05-01T09:30:00Z`,
		);
	}
	if ((shard || merge.length > 0) && buildTime === undefined && !values['wait']) {
		throw new BuildUsageError(
			'--shard and --merge need --build-time: every shard and the merge must build at one clock',
		);
	}
	if (workers !== undefined && (shard || merge.length > 0))
		throw new BuildUsageError('--workers builds on one machine: leave out --shard and --merge');
	if (text('part') !== undefined && !shard)
		throw new BuildUsageError('--part is where --shard writes: give --shard too');
	const logLevel = (text('log-level') ?? 'info') as LogLevel;
	if (!['debug', 'info', 'warn', 'error', 'silent'].includes(logLevel)) {
		throw new BuildUsageError(`--log-level "${logLevel}" is not one of debug, info, warn, error, silent`);
	}
	return {
		root,
		outDir: text('out-dir') === undefined ? undefined : resolve(cwd, text('out-dir')!),
		workers,
		shard,
		part:
			shard && merge.length === 0
				? resolve(cwd, text('part') ?? join('dist-parts', String(shard.index + 1)))
				: undefined,
		merge,
		buildTime: buildTime === undefined ? undefined : new Date(buildTime).toISOString(),
		logLevel,
		report: text('report') === undefined ? undefined : resolve(cwd, text('report')!),
		wait: values['wait'] === true,
		cacheDir: text('cache-dir') === undefined ? undefined : resolve(cwd, text('cache-dir')!),
		minPaths: text('min-paths') === undefined ? undefined : Number(text('min-paths')),
	};
}

/** Runs the build `args` describes; returns the exit code. */
export async function runBuild(args: BuildArgs, log: (line: string) => void): Promise<number> {
	const started = performance.now();
	const workers = args.workers ?? (args.shard || args.merge.length > 0 ? 1 : availableParallelism());
	if (workers > 1) return coordinate(args, workers, log);
	const { build } = await import('astro');
	const plan: BuildPlan | undefined =
		args.shard || args.merge.length > 0
			? {
					shard: args.shard,
					merge: args.merge.length > 0 ? { parts: args.merge, wait: args.wait } : undefined,
					part: args.part,
					buildTime: args.buildTime ?? new Date().toISOString(),
					minPaths: args.minPaths,
				}
			: undefined;
	// A shard that does not merge writes only its part: an emptied folder of its own, so the part is this build's.
	const ownPart = plan?.part !== undefined;
	await build({
		root: args.root,
		logLevel: args.logLevel,
		...(ownPart ? { outDir: partDist(plan!.part!), vite: { build: { emptyOutDir: true } } } : {}),
		...(!ownPart && args.outDir ? { outDir: args.outDir } : {}),
		...(args.cacheDir || ownPart ? { cacheDir: args.cacheDir ?? shardCache(args.root, args.shard!) } : {}),
		...(plan ? { integrations: [buildPlanIntegration(plan)] } : {}),
	});
	if (args.report)
		await writeReport(args.report, [
			usage(args.shard ? `shard ${args.shard.index + 1}/${args.shard.count}` : 'build', started),
		]);
	return 0;
}

/** A shard's own cache folder, so its incremental cache holds its pages only. */
function shardCache(root: string, shard: Shard): string {
	return join(root, 'node_modules', '.astro', 'newsroom', `shard-${shard.index + 1}-of-${shard.count}`);
}

/**
 * One machine, `workers` processes: workers 2…N write their parts under the cache folder, worker 1
 * renders its own share into the site's output folder and merges theirs. A failing worker stops the others.
 */
async function coordinate(args: BuildArgs, workers: number, log: (line: string) => void): Promise<number> {
	const started = performance.now();
	const buildTime = args.buildTime ?? new Date().toISOString();
	const work = args.cacheDir ?? join(args.root, 'node_modules', '.astro', 'newsroom');
	const parts = Array.from({ length: workers - 1 }, (_, index) => join(work, 'parts', String(index + 2)));
	await clearParts(parts);
	const bin = fileURLToPath(new URL('../bin/newsroom.mjs', import.meta.url));
	const reports = Array.from({ length: workers }, (_, index) => join(work, `report-${index + 1}.json`));
	const common = ['--build-time', buildTime, '--root', args.root, '--log-level', args.logLevel];
	const out = args.outDir ? ['--out-dir', args.outDir] : [];
	const minPaths = args.workers === undefined ? ['--min-paths', String(MIN_PATHS)] : [];
	const children: ChildProcess[] = [];
	const run = (index: number, extra: string[]) =>
		new Promise<void>((done, fail) => {
			const shard = `${index + 1}/${workers}`;
			const child = spawn(
				process.execPath,
				[
					bin,
					'build',
					'--shard',
					shard,
					...extra,
					...common,
					...minPaths,
					'--report',
					reports[index]!,
					'--cache-dir',
					join(work, `shard-${index + 1}-of-${workers}`),
				],
				{ stdio: ['ignore', 'pipe', 'pipe'] },
			);
			children.push(child);
			for (const stream of [child.stdout!, child.stderr!]) {
				let rest = '';
				stream.setEncoding('utf8').on('data', (chunk: string) => {
					const lines = (rest + chunk).split('\n');
					rest = lines.pop()!;
					for (const line of lines) log(`[${shard}] ${line}`);
				});
			}
			child.on('error', fail);
			child.on('exit', (code, signal) =>
				code === 0
					? done()
					: fail(new Error(`worker ${shard} ${signal ? `was stopped (${signal})` : `failed (exit code ${code})`}`)),
			);
		});
	try {
		await Promise.all([
			run(0, [...parts.flatMap((part) => ['--merge', part]), '--wait', ...out]),
			...parts.map((part, index) => run(index + 1, ['--part', part])),
		]);
	} catch (error) {
		for (const child of children) if (child.exitCode === null) child.kill();
		log(`newsroom build: ${(error as Error).message}`);
		return 1;
	}
	if (args.report) {
		const each = await Promise.all(
			reports.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as ProcessUsage[]),
		);
		await writeReport(args.report, [usage('coordinator', started), ...each.flat()]);
	}
	return 0;
}

/** What one process used: for `npm run bench`. */
export interface ProcessUsage {
	role: string;
	wallMs: number;
	userMs: number;
	systemMs: number;
	peakRssMb: number;
}

function usage(role: string, started: number): ProcessUsage {
	const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
	return {
		role,
		wallMs: Math.round(performance.now() - started),
		userMs: Math.round(userCPUTime / 1000),
		systemMs: Math.round(systemCPUTime / 1000),
		peakRssMb: Math.round(maxRSS / 1024),
	};
}

async function writeReport(file: string, usages: ProcessUsage[]): Promise<void> {
	await writeFile(file, `${JSON.stringify(usages, null, '\t')}\n`);
}
