import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** Every file below `dir`, as sorted POSIX paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
}

/**
 * How two build folders differ, compared as bytes (never decoded, so an image or a stray byte counts): files only
 * in one of them, and for each file in both whose bytes differ, where they first differ with the text around it.
 * Empty when the folders are identical.
 */
export async function distDifferences(a: string, b: string, labels: [string, string] = ['a', 'b']): Promise<string[]> {
	const [filesA, filesB] = await Promise.all([listFiles(a), listFiles(b)]);
	const inB = new Set(filesB);
	const inA = new Set(filesA);
	const differences = [
		...filesA.filter((file) => !inB.has(file)).map((file) => `${file}: only in ${labels[0]}`),
		...filesB.filter((file) => !inA.has(file)).map((file) => `${file}: only in ${labels[1]}`),
	];
	for (const file of filesA.filter((file) => inB.has(file))) {
		const [bytesA, bytesB] = await Promise.all([readFile(join(a, file)), readFile(join(b, file))]);
		if (!bytesA.equals(bytesB)) differences.push(firstDifference(file, bytesA, bytesB, labels));
	}
	return differences;
}

/** Where two versions of a file first differ: byte offset, and the bytes around it on each side (as text). */
function firstDifference(file: string, a: Buffer, b: Buffer, labels: [string, string]): string {
	let offset = 0;
	while (offset < a.length && offset < b.length && a[offset] === b[offset]) offset++;
	const around = (content: Buffer) => JSON.stringify(content.subarray(Math.max(0, offset - 60), offset + 60).toString('latin1'));
	return `${file} differs at byte ${offset} (sizes ${a.length} and ${b.length}):\n  ${labels[0]}: ${around(a)}\n  ${labels[1]}: ${around(b)}`;
}
