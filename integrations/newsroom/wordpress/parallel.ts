import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { convertBody, type BodyContext } from './body.ts';

/**
 * Body conversion on worker threads: it is the import's costliest step (parsing, converting and printing every
 * body), and each body is independent of the others, so a 50 000-post export is converted on every core while the
 * main thread reads the export and writes files. Results come back in the order the bodies were sent. Each worker
 * gets, once, what conversion needs from the whole export (attachments, reusable blocks, old permalinks).
 */

/** What conversion needs from the whole export, sent once to each worker. */
export interface ConversionIndex {
	blogUrl: string;
	attachments: [number, { url: string; alt: string; caption: string }][];
	attachmentsByUrl: [string, number][];
	children: [number, number[]][];
	reusable: [number, string][];
	/** Old permalink path → article id. */
	permalinks: [string, string][];
	/** Post id → article id, for `?p=<id>` links. */
	postIds: [number, string][];
}

/** One body to convert: where its images were placed (URL → path in the article). */
export interface ConversionJob {
	postId: number;
	html: string;
	placed: [string, string][];
}

export interface ConversionResult {
	markdown: string;
	kept: [string, number][];
	dropped: [string, number][];
	missingAlt: string[];
}

/** Converts one body with the export's index: the conversion the workers run (and the fallback without them). */
export function createConverter(data: ConversionIndex): (job: ConversionJob) => ConversionResult {
	const attachments = new Map(data.attachments);
	const attachmentsByUrl = new Map(data.attachmentsByUrl);
	const children = new Map(data.children);
	const reusable = new Map(data.reusable);
	const permalinks = new Map(data.permalinks);
	const postIds = new Map(data.postIds);
	const blog = safeUrl(data.blogUrl);
	return ({ postId, html, placed }) => {
		const where = new Map(placed);
		const missingAlt: string[] = [];
		const context: BodyContext = {
			attachment: (id) => attachments.get(id),
			children: () => children.get(postId) ?? [],
			reusable: (id) => reusable.get(id),
			image: ({ src, alt, attachmentId }) => {
				const id = attachmentId ?? attachmentsByUrl.get(stripQuery(src));
				const text = alt?.trim() || (id !== undefined ? attachments.get(id)?.alt : undefined) || '';
				const target = where.get(src) ?? src;
				if (!text) missingAlt.push(target);
				return { src: target, alt: text };
			},
			link: (href) => rewriteLink(href, blog, permalinks, postIds),
		};
		const body = convertBody(html, context);
		return { markdown: body.markdown, kept: [...body.kept], dropped: [...body.dropped], missingAlt };
	};
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
	postIds: ReadonlyMap<number, string>,
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
	const id = byId ? postIds.get(Number(byId)) : permalinks.get(path);
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
	data: ConversionIndex,
	workers = Math.min(availableParallelism(), 8),
	limits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
): ConversionPool {
	let local: ((job: ConversionJob) => ConversionResult) | undefined;
	const convertHere = (job: ConversionJob) => (local ??= createConverter(data))(job);
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
			workerData: { [WORKER_FLAG]: data },
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
	const convert = createConverter((workerData as Record<string, ConversionIndex>)[WORKER_FLAG]!);
	parentPort!.on('message', ({ seq, job }: { seq: number; job: ConversionJob }) => {
		try {
			parentPort!.postMessage({ seq, result: convert(job) });
		} catch (error) {
			parentPort!.postMessage({ seq, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
		}
	});
}
