import { execFile } from 'node:child_process';

/** Runs a command to completion and returns its output and exit code; only a failure to start it throws. */
export function runTool(
	command: string,
	args: readonly string[],
	cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		execFile(command, args, { cwd, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
			if (error && typeof error.code !== 'number') reject(new Error(`could not run ${command}: ${error.message}`));
			else resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
		});
	});
}
