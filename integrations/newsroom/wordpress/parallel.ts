import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { convertBody, type BodyContext } from './body.ts';

/**
 * Body conversion on worker threads: it is the import's costliest step (parsing, converting and printing every
 * body), and each body is independent of the others, so a 50 000-post export is converted on every core while the
 * main thread reads the export and writes files. Each job carries what its body needs from the rest of the export,
 * so workers stay small whatever the size of the export.
 */

/** An attachment as a body uses it. */
export interface JobAttachment {
	url: string;
	alt: string;
	caption: string;
}

/**
 * One body to convert, with what it needs from the rest of the export (looked up by the main thread, so a worker
 * holds no index of 50 000 posts): where its images were placed, its links' new targets, the attachments and
 * reusable blocks it may name, the images attached to its post.
 */
export interface ConversionJob {
	postId: number;
	html: string;
	/** Image URL → its path in the article (a copied file) or URL. */
	placed: [string, string][];
	/** Link → its new target (old permalinks); links not listed stay. */
	links: [string, string][];
	attachments: [number, JobAttachment][];
	attachmentsByUrl: [string, number][];
	children: number[];
	reusable: [number, string][];
}

export interface ConversionResult {
	markdown: string;
	kept: [string, number][];
	dropped: [string, number][];
	missingAlt: string[];
}

/** Converts one body: what the workers run (and this thread, without them). */
export function convertJob(job: ConversionJob): ConversionResult {
	const where = new Map(job.placed);
	const links = new Map(job.links);
	const attachments = new Map(job.attachments);
	const attachmentsByUrl = new Map(job.attachmentsByUrl);
	const reusable = new Map(job.reusable);
	const missingAlt: string[] = [];
	const context: BodyContext = {
		attachment: (id) => attachments.get(id),
		children: () => job.children,
		reusable: (id) => reusable.get(id),
		image: ({ src, alt, attachmentId }) => {
			const id = attachmentId ?? attachmentsByUrl.get(stripQuery(src));
			const text = alt?.trim() || (id !== undefined ? attachments.get(id)?.alt : undefined) || '';
			const target = where.get(src) ?? src;
			if (!text) missingAlt.push(target);
			return { src: target, alt: text };
		},
		link: (href) => links.get(href) ?? href,
	};
	const body = convertBody(job.html, context);
	return { markdown: body.markdown, kept: [...body.kept], dropped: [...body.dropped], missingAlt };
}

export function stripQuery(url: string): string {
	return url.replace(/[?#].*$/, '');
}

export function safeUrl(url: string): URL | undefined {
	try {
		return new URL(url);
	} catch {
		return undefined;
	}
}

/** A link to another post of the export (by permalink or `?p=<id>`) becomes the article's URL; others stay. */
export function rewriteLink(
	href: string,
	blog: URL | undefined,
	permalinks: ReadonlyMap<string, string>,
	articleOf: (postId: number) => string | undefined,
): string {
	if (!blog || href.startsWith('#') || /^(mailto|tel|javascript|data):/i.test(href)) return href;
	let url: URL;
	try {
		url = new URL(href, blog);
	} catch {
		return href;
	}
	if (url.hostname.replace(/^www\./, '') !== blog.hostname.replace(/^www\./, '')) return href;
	const byId = url.searchParams.get('p');
	let path = url.pathname;
	try {
		path = decodeURIComponent(path);
	} catch {
		// kept encoded
	}
	const id = byId ? articleOf(Number(byId)) : permalinks.get(path);
	return id ? `/articles/${id}/${url.hash}` : href;
}

/** A pool converting bodies on worker threads, in order; `close()` ends the workers. */
export interface ConversionPool {
	convert(job: ConversionJob): Promise<ConversionResult>;
	close(): Promise<void>;
	/** Bodies converted on this thread because their worker died (a body too big for its heap). */
	readonly fallbacks: number;
}

const WORKER_FLAG = 'newsroom-wordpress-converter';

/**
 * Worker threads running this same module (in the package's bundle too), or conversion on the main thread when
 * `workers` is 0 or threads cannot start.
 */
export function createPool(
	workers = Math.min(availableParallelism(), 8),
	limits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
): ConversionPool {
	const convertHere = convertJob;
	if (workers < 1) return { convert: async (job) => convertHere(job), close: async () => undefined, fallbacks: 0 };
	let fallbacks = 0;
	// The worker runs this module as a file: flags for code given on the command line do not apply to it.
	const execArgv = process.execArgv.filter(
		(flag) => !flag.startsWith('--input-type') && flag !== '-e' && flag !== '--eval',
	);
	type Pending = {
		job: ConversionJob;
		thread: number;
		resolve: (result: ConversionResult) => void;
		reject: (error: unknown) => void;
	};
	const pending = new Map<number, Pending>();
	const threads: (Worker | undefined)[] = [];
	const deaths: number[] = [];
	let closing = false;
	const start = (index: number) => {
		// A converter holds one body at a time: a small heap makes V8 collect often instead of growing (the import's
		// peak memory is the process's, worker threads included).
		const thread = new Worker(new URL(import.meta.url), {
			workerData: { [WORKER_FLAG]: true },
			execArgv,
			resourceLimits: limits,
		});
		thread.on('message', ({ seq, result, error }: { seq: number; result?: ConversionResult; error?: string }) => {
			const entry = pending.get(seq);
			pending.delete(seq);
			if (error !== undefined) entry?.reject(new Error(error));
			else entry?.resolve(result!);
		});
		// A worker that dies (a body too big for its heap) hands its bodies to this thread and is replaced.
		thread.on('error', () => {
			for (const [seq, entry] of pending) {
				if (entry.thread !== index) continue;
				pending.delete(seq);
				fallbacks++;
				try {
					entry.resolve(convertHere(entry.job));
				} catch (error) {
					entry.reject(error);
				}
			}
			// A worker that keeps dying (even starting it fails) is not replaced again: this thread converts its share.
			deaths[index] = (deaths[index] ?? 0) + 1;
			threads[index] = undefined;
			if (!closing && deaths[index]! < 3) start(index);
		});
		threads[index] = thread;
	};
	for (let index = 0; index < workers; index++) start(index);
	let next = 0;
	return {
		convert(job) {
			const seq = next++;
			const thread = seq % threads.length;
			const worker = threads[thread];
			if (!worker) return Promise.resolve().then(() => convertHere(job));
			return new Promise((resolve, reject) => {
				pending.set(seq, { job, thread, resolve, reject });
				worker.postMessage({ seq, job });
			});
		},
		get fallbacks() {
			return fallbacks;
		},
		async close() {
			closing = true;
			await Promise.all(threads.map((thread) => thread?.terminate()));
		},
	};
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG]) {
	parentPort!.on('message', ({ seq, job }: { seq: number; job: ConversionJob }) => {
		try {
			parentPort!.postMessage({ seq, result: convertJob(job) });
		} catch (error) {
			parentPort!.postMessage({ seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
		}
	});
}
