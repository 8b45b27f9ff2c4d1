import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildArgs, buildUsage, BuildUsageError, runBuild } from './parallel/command.ts';
import { ImportError, importWordPress } from './wordpress/import.ts';
import { formatReport } from './wordpress/report.ts';

/**
 * The `newsroom` command: a small router of subcommands (`newsroom import wordpress …`). Each subcommand parses
 * its own options and returns an exit code; usage errors exit 2, bad input 1.
 */

const usage = `Usage: newsroom <command>

Commands:
  build [options]                           build the site like "astro build", in parallel processes or CI shards
  import wordpress <export.xml> [options]   import a WordPress export (WXR) as articles, authors and sections

Run "newsroom build --help" or "newsroom import wordpress --help" for their options.`;

const importUsage = `Usage: newsroom import wordpress <export.xml> [options]

Imports a WordPress export (Tools → Export, WXR 1.0–1.2) into the content folder: Markdown articles under
articles/YYYY/MM/, authors/ and sections/ YAML, images from --uploads under assets/wordpress/. Nothing is
written unless the whole import succeeds; existing files are never replaced (see --update) nor deleted.

Options:
  --out <dir>          the content folder (default: src/content)
  --uploads <dir>      a copy of wp-content/uploads: images found there are copied and used from there
  --time-zone <zone>   the site's IANA time zone, as in newsroom({ timeZone }) (default: UTC)
  --pages              also write published pages, to <out>/pages/, for you to place in the site
  --update             rewrite articles whose post was modified in WordPress since they were imported
  --report <file>      where to save the JSON report (default: wordpress-import-report.json)
  --help               this help

See docs/migrating-from-wordpress.md.`;

class UsageError extends Error {}

type Output = { write(text: string): unknown; isTTY?: boolean; columns?: number };

/** Runs `newsroom <argv>`; returns the exit code. */
export async function main(
	argv: readonly string[],
	{ stdout = process.stdout as Output, stderr = process.stderr as Output, env = process.env } = {},
): Promise<number> {
	try {
		const [command, subcommand, ...rest] = argv;
		if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
			stdout.write(`${usage}\n`);
			return command === undefined ? 2 : 0;
		}
		if (command === 'build') return await buildCommand(argv.slice(1), { stdout, stderr });
		if (command === 'import' && subcommand === 'wordpress') return await importCommand(rest, { stdout, stderr, env });
		if (command === 'import')
			throw new UsageError(`unknown source "${subcommand ?? ''}": newsroom imports from "wordpress"`);
		throw new UsageError(`unknown command "${command}"`);
	} catch (error) {
		if (error instanceof BuildUsageError) {
			stderr.write(`newsroom build: ${error.message}\n\n${buildUsage}\n`);
			return 2;
		}
		if (error instanceof UsageError) {
			stderr.write(`newsroom: ${error.message}\n\n${usage}\n`);
			return 2;
		}
		if (error instanceof ImportError) {
			stderr.write(`newsroom: ${error.message}\n`);
			return 1;
		}
		throw error;
	}
}

async function buildCommand(args: string[], { stdout, stderr }: { stdout: Output; stderr: Output }) {
	let parsed;
	try {
		parsed = parseArgs({
			args,
			options: {
				workers: { type: 'string' },
				shard: { type: 'string' },
				part: { type: 'string' },
				merge: { type: 'string', multiple: true },
				'build-time': { type: 'string' },
				root: { type: 'string' },
				'out-dir': { type: 'string' },
				'log-level': { type: 'string' },
				report: { type: 'string' },
				help: { type: 'boolean', default: false },
				'cache-dir': { type: 'string' },
				// Between `newsroom build` and its workers.
				wait: { type: 'boolean', default: false },
				'min-paths': { type: 'string' },
			},
		});
	} catch (error) {
		throw new BuildUsageError((error as Error).message.split('\n')[0]);
	}
	if (parsed.values.help) {
		stdout.write(`${buildUsage}\n`);
		return 0;
	}
	const options = buildArgs(parsed.values, process.cwd());
	try {
		return await runBuild(options, (line) => stderr.write(`${line}\n`));
	} catch (error) {
		// Astro has logged where; the reason is repeated last, alone, for CI logs.
		stderr.write(`newsroom build: ${(error as Error).message}\n`);
		return 1;
	}
}

async function importCommand(
	args: string[],
	{ stdout, stderr, env }: { stdout: Output; stderr: Output; env: NodeJS.ProcessEnv },
) {
	let parsed;
	try {
		parsed = parseArgs({
			args,
			allowPositionals: true,
			options: {
				out: { type: 'string', default: 'src/content' },
				uploads: { type: 'string' },
				'time-zone': { type: 'string', default: 'UTC' },
				pages: { type: 'boolean', default: false },
				update: { type: 'boolean', default: false },
				report: { type: 'string', default: 'wordpress-import-report.json' },
				help: { type: 'boolean', default: false },
			},
		});
	} catch (error) {
		throw new UsageError(`${(error as Error).message.split('\n')[0]}\n\n${importUsage}`);
	}
	const { values, positionals } = parsed;
	if (values.help) {
		stdout.write(`${importUsage}\n`);
		return 0;
	}
	if (positionals.length !== 1)
		throw new UsageError(`give one export file (got ${positionals.length})\n\n${importUsage}`);
	const timeZone = values['time-zone'];
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
	} catch {
		throw new UsageError(`--time-zone "${timeZone}" is not an IANA time zone such as "Asia/Kuala_Lumpur"`);
	}
	const report = await importWordPress({
		file: positionals[0]!,
		out: values.out,
		uploads: values.uploads,
		pages: values.pages,
		update: values.update,
		timeZone,
		progress: stderr,
		ci: Boolean(env['CI']),
	});
	const reportFile = resolve(values.report);
	await writeFile(reportFile, `${JSON.stringify(report, null, '\t')}\n`);
	stdout.write(`${formatReport(report, reportFile)}\n`);
	return 0;
}
