import { copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import yaml from 'js-yaml';

/**
 * The files an import writes: Markdown articles with YAML front matter, author and section YAML, copied images.
 * Nothing is written into the content folder until the whole import succeeded: every file is staged in a
 * temporary folder beside it, then moved into place (a rename on the same disk). A file that exists is never
 * replaced, except an imported article with `--update` when WordPress changed it since; nothing is deleted.
 */

/** What happened to one file of the import. */
export type FileOutcome = 'written' | 'updated' | 'unchanged' | 'kept';

export class Staging {
	readonly out: string;
	readonly folder: string;
	/** Staged paths, and whether a file was there before (it is set aside during the move, and put back on failure). */
	private readonly staged = new Map<string, { replaces: boolean; outcome: FileOutcome }>();
	private readonly listings = new Map<string, Promise<Set<string>>>();
	private readonly folders = new Set<string>();

	private constructor(out: string, folder: string) {
		this.out = out;
		this.folder = folder;
	}

	/** A staging folder beside `out` (same disk, so moving files is a rename). */
	static async create(out: string): Promise<Staging> {
		const target = resolve(out);
		await mkdir(dirname(target), { recursive: true });
		return new Staging(target, await mkdtemp(join(dirname(target), '.newsroom-import-')));
	}

	/** The current contents of a file of the content folder, or `undefined`. */
	async existing(path: string): Promise<Buffer | undefined> {
		// One listing per folder instead of a failed open per new file (most files of a first import are new).
		const folder = dirname(this.target(path));
		let names = this.listings.get(folder);
		if (!names) {
			names = readdir(folder).then(
				(entries) => new Set(entries),
				() => new Set<string>(),
			);
			this.listings.set(folder, names);
		}
		if (!(await names).has(basename(path))) return undefined;
		return readFile(this.target(path)).catch(() => undefined);
	}

	/**
	 * Stages `contents` for `path` unless the file exists: `unchanged` when it holds the same bytes, `kept` when
	 * it differs (someone edited it, or `replace` is false), `updated` when `replace` allows replacing it.
	 */
	async put(path: string, contents: string | Buffer, { replace = false } = {}): Promise<FileOutcome> {
		const already = this.staged.get(path);
		if (already) return already.outcome;
		const bytes = typeof contents === 'string' ? Buffer.from(contents) : contents;
		const current = await this.existing(path);
		if (current?.equals(bytes)) return 'unchanged';
		if (current && !replace) return 'kept';
		const file = this.stagedPath(path);
		await this.folderFor(file);
		await writeFile(file, bytes);
		const outcome = current ? 'updated' : 'written';
		this.staged.set(path, { replaces: Boolean(current), outcome });
		return outcome;
	}

	/** Stages a copy of `source` for `path` unless a file is there already (images are never replaced). */
	async copy(path: string, source: string): Promise<FileOutcome> {
		const already = this.staged.get(path);
		if (already) return already.outcome;
		const current = await this.existing(path);
		if (current) return current.equals(await readFile(source)) ? 'unchanged' : 'kept';
		const file = this.stagedPath(path);
		await this.folderFor(file);
		await copyFile(source, file);
		this.staged.set(path, { replaces: false, outcome: 'written' });
		return 'written';
	}

	/**
	 * Moves every staged file into the content folder, then removes the staging folder. If a move fails, the files
	 * already moved are taken back and replaced files restored, so the content folder is as it was.
	 */
	async commit(): Promise<void> {
		const done: { path: string; replaces: boolean }[] = [];
		try {
			for (const [path, { replaces }] of this.staged) {
				const target = this.target(path);
				await this.folderFor(target);
				if (replaces) {
					await mkdir(dirname(this.backupPath(path)), { recursive: true });
					await rename(target, this.backupPath(path));
				}
				await rename(this.stagedPath(path), target);
				done.push({ path, replaces });
			}
		} catch (error) {
			for (const { path, replaces } of done.reverse()) {
				await rename(this.target(path), this.stagedPath(path)).catch(() => undefined);
				if (replaces) await rename(this.backupPath(path), this.target(path)).catch(() => undefined);
			}
			throw error;
		}
		await this.discard();
	}

	/** Removes the staging folder and everything in it: the content folder is left as it was. */
	async discard(): Promise<void> {
		await rm(this.folder, { recursive: true, force: true });
	}

	/** How many files are staged. */
	get size(): number {
		return this.staged.size;
	}

	/** Creates the folder of `file` once. */
	private async folderFor(file: string): Promise<void> {
		const folder = dirname(file);
		if (this.folders.has(folder)) return;
		await mkdir(folder, { recursive: true });
		this.folders.add(folder);
	}

	private target(path: string): string {
		return inside(this.out, path);
	}

	private stagedPath(path: string): string {
		return inside(join(this.folder, 'files'), path);
	}

	private backupPath(path: string): string {
		return inside(join(this.folder, 'replaced'), path);
	}
}

/** `path` below `folder`, refusing any path that would leave it. */
function inside(folder: string, path: string): string {
	const file = resolve(folder, path);
	if (relative(folder, file).startsWith('..') || !file.startsWith(folder + sep))
		throw new Error(`refusing to write outside ${folder}: ${path}`);
	return file;
}

/** Lists the files of a folder recursively (paths relative to it, with "/"). */
export async function listFiles(folder: string): Promise<string[]> {
	const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
		.sort();
}

/** YAML as the importer writes it: block style, no line wrapping, keys in the order given. */
export function toYaml(data: Record<string, unknown>): string {
	return yaml.dump(data, { lineWidth: -1, noRefs: true, quotingType: '"', sortKeys: false });
}

/** The first line of an imported article's front matter: which post it is and when WordPress last changed it. */
export function importMarker(postId: number, modified: Date | undefined): string {
	return `# Imported from WordPress post ${postId}, modified ${modified ? modified.toISOString().replace('.000Z', 'Z') : 'unknown'}. Edit freely: \`newsroom import wordpress --update\` rewrites this file only if the post changes in WordPress.`;
}

/** The post id and modification time recorded in an article imported before, if it was. */
export function readImportMarker(contents: string): { postId: number; modified: Date | undefined } | undefined {
	const match = /^---\r?\n# Imported from WordPress post (\d+), modified (\S+?)\./.exec(contents);
	if (!match) return undefined;
	const modified = new Date(match[2]!);
	return { postId: Number(match[1]), modified: Number.isNaN(modified.getTime()) ? undefined : modified };
}

/** A Markdown article: front matter (with comment lines before and after the fields) and body. */
export function markdownFile({
	marker,
	data,
	notes = [],
	body,
}: {
	marker: string;
	data: Record<string, unknown>;
	notes?: string[];
	body: string;
}): string {
	const comments = notes.map((line) => `# ${line}`.trimEnd()).join('\n');
	return `---\n${marker}\n${toYaml(data)}${comments ? `${comments}\n` : ''}---\n\n${body}`;
}
