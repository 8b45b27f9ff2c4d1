import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { toZonedIso } from '../core/dates.ts';
import { urlSegment } from '../core/urls.ts';
import { ASSETS_FOLDER, findUpload, relativeFrom } from './images.ts';
import {
	authorId,
	decodePercent,
	headline,
	isImported,
	itemKind,
	itemName,
	permalinkPath,
	plainText,
	planPost,
	sectionAndTags,
	tagArchiveMismatch,
	type ItemProblem,
	type PostPlan,
} from './mapping.ts';
import { importMarker, markdownFile, readImportMarker, Staging, toYaml } from './output.ts';
import { createPool, rewriteLink, safeUrl, stripQuery, type ConversionResult, type JobAttachment } from './parallel.ts';
import { createProgress } from './progress.ts';
import { emptyReport, tally, type ImportReport } from './report.ts';
import { readWxr, WxrError, type WxrAuthor, type WxrChannel, type WxrItem, type WxrTerm } from './wxr.ts';

/**
 * `newsroom import wordpress`: reads a WordPress export twice, streaming. The first pass indexes what posts refer
 * to (authors, terms, attachments, reusable blocks, every post's new path and old permalink) and checks every
 * item, so bad input stops the import before anything is written. The second converts each post and stages its
 * files; the staged files move into the content folder only when all of them are ready.
 */

export interface ImportOptions {
	/** The WXR file. */
	file: string;
	/** The content folder (`articles/`, `authors/`, `sections/` below it). */
	out: string;
	/** A copy of `wp-content/uploads`. */
	uploads?: string | undefined;
	/** Also write pages (to `pages/`, for the operator to place). */
	pages?: boolean;
	/** Rewrite imported articles whose post WordPress modified since. */
	update?: boolean;
	/** The site's time zone (the `timeZone` option): folder months and written dates are in it. */
	timeZone: string;
	/** Where progress goes (stderr in the command). */
	progress?: { write(text: string): unknown; isTTY?: boolean; columns?: number };
	/** Plain progress lines instead of a bar. */
	ci?: boolean;
	/** Worker threads converting bodies (default: one per core, at most 8; 0 converts on the main thread). */
	workers?: number;
}

/** Bad input: every problem found, one per line, each naming the item (post id, title) and its line. */
export class ImportError extends Error {
	readonly problems: string[];
	constructor(file: string, problems: string[]) {
		const shown = problems.slice(0, 50);
		const more = problems.length > shown.length ? `\n… and ${problems.length - shown.length} more` : '';
		super(
			`${file}: the import stopped before writing anything:\n${shown.map((line) => `  ${line}`).join('\n')}${more}`,
		);
		this.problems = problems;
	}
}

interface Attachment {
	url: string;
	alt: string;
	caption: string;
	parent: number;
}

/** What the first pass learns. */
interface ExportIndex {
	channel: WxrChannel | undefined;
	authors: Map<string, WxrAuthor>;
	categories: Map<string, WxrTerm>;
	tags: Map<string, WxrTerm>;
	attachments: Map<number, Attachment>;
	attachmentsByUrl: Map<string, number>;
	children: Map<number, number[]>;
	reusable: Map<number, string>;
	plans: Map<number, PostPlan>;
	/** Old permalink path → new article id, to rewrite links between posts. */
	permalinks: Map<string, string>;
	pages: Map<number, string>;
	problems: ItemProblem[];
}

export async function importWordPress(options: ImportOptions): Promise<ImportReport> {
	const size = (await stat(options.file).catch(() => undefined))?.size;
	if (size === undefined) throw new ImportError(options.file, ['the file does not exist or cannot be read']);
	if (options.uploads && !(await stat(options.uploads).catch(() => undefined))?.isDirectory())
		throw new ImportError(options.file, [`--uploads ${options.uploads}: not a folder`]);
	const report = emptyReport(options.file, options.out);
	const staging = await Staging.create(options.out);
	try {
		// The first pass keeps the posts to convert in a file of the staging folder: the export is parsed once.
		const spill = join(staging.folder, 'items.jsonl');
		const index = await indexExport(options, size, report, spill);
		if (index.problems.length > 0) {
			throw new ImportError(
				options.file,
				index.problems.map(
					(problem) => `line ${problem.line}: post ${problem.id} "${problem.title}": ${problem.message}`,
				),
			);
		}
		await writeImport(options, index, staging, report, spill);
		await staging.commit();
	} catch (error) {
		await staging.discard();
		throw error;
	}
	return report;
}

async function read(
	options: ImportOptions,
	size: number,
	label: string,
	onItem: (record: Parameters<Parameters<typeof readWxr>[1]>[0]) => void | Promise<void>,
) {
	const progress = options.progress
		? createProgress(label, size, options.progress, { ci: options.ci ?? false })
		: undefined;
	let items = 0;
	try {
		const channel = await readWxr(
			options.file,
			(record) => {
				if (record.kind === 'item') items++;
				return onItem(record);
			},
			(bytes) => progress?.update(bytes, items),
		);
		progress?.done(items);
		return channel;
	} catch (error) {
		if (error instanceof WxrError)
			throw new ImportError(options.file, [
				`${error.line ? `line ${error.line}, column ${error.column}: ` : ''}${error.message}`,
			]);
		throw error;
	}
}

async function indexExport(
	options: ImportOptions,
	size: number,
	report: ImportReport,
	spillFile: string,
): Promise<ExportIndex> {
	const spill = createWriteStream(spillFile);
	const keep = async (item: WxrItem) => {
		if (!spill.write(`${JSON.stringify({ ...item, meta: [...item.meta] })}\n`)) await once(spill, 'drain');
	};
	const index: ExportIndex = {
		channel: undefined,
		authors: new Map(),
		categories: new Map(),
		tags: new Map(),
		attachments: new Map(),
		attachmentsByUrl: new Map(),
		children: new Map(),
		reusable: new Map(),
		plans: new Map(),
		permalinks: new Map(),
		pages: new Map(),
		problems: [],
	};
	const byFile = new Map<string, WxrItem>();
	const pageFiles = new Map<string, number>();
	await read(options, size, 'Reading the export', (record): Promise<void> | undefined => {
		if (record.kind === 'channel') index.channel = record.channel;
		else if (record.kind === 'author') index.authors.set(record.author.login, record.author);
		else if (record.kind === 'term')
			(record.term.taxonomy === 'category' ? index.categories : index.tags).set(record.term.slug, record.term);
		else {
			const item = record.item;
			const kind = itemKind(item) === 'other' ? item.type || 'other' : item.type;
			const statuses = (report.items[kind] ??= {});
			statuses[item.status || 'none'] = (statuses[item.status || 'none'] ?? 0) + 1;
			report.comments += item.comments;
			if (item.type === 'attachment') {
				const url = item.attachmentUrl || item.link;
				index.attachments.set(item.id, {
					url,
					alt: (item.meta.get('_wp_attachment_image_alt') ?? '').trim(),
					caption: plainText(item.excerpt),
					parent: item.parent,
				});
				index.attachmentsByUrl.set(stripQuery(url), item.id);
				if (item.parent) index.children.set(item.parent, [...(index.children.get(item.parent) ?? []), item.id]);
			} else if (item.type === 'wp_block') {
				index.reusable.set(item.id, item.content);
			} else if (item.type === 'page' && options.pages && item.status === 'publish') {
				const path = permalinkPath(item.link, index.channel?.baseBlogUrl ?? '').alias;
				const file = `pages/${
					(path ?? '')
						.split('/')
						.map((segment) => urlSegment(decodePercent(segment)))
						.filter(Boolean)
						.join('/') || `page-${item.id}`
				}.md`;
				const other = pageFiles.get(file);
				if (other !== undefined)
					index.problems.push({ ...itemName(item), message: `its file ${file} is also page ${other}'s` });
				pageFiles.set(file, item.id);
				index.pages.set(item.id, file);
				return keep(item);
			} else if (isImported(item)) {
				const plan = planPost(item, {
					timeZone: options.timeZone,
					authors: index.authors,
					blogUrl: index.channel?.baseBlogUrl ?? '',
				});
				if (Array.isArray(plan)) {
					index.problems.push(...plan);
					return;
				}
				const other = byFile.get(plan.file);
				if (other) {
					index.problems.push({
						...itemName(item),
						message: `its slug "${item.slug}" is also the slug of post ${other.id} "${itemName(other).title}" (line ${other.line}) in the same month: both would be ${plan.file}. Give one of them another slug in WordPress and export again`,
					});
					return;
				}
				byFile.set(plan.file, { id: item.id, title: item.title, line: item.line } as WxrItem);
				index.plans.set(item.id, plan);
				if (plan.alias) index.permalinks.set(plan.alias, plan.articleId);
				return keep(item);
			}
		}
		return undefined;
	});
	spill.end();
	await once(spill, 'finish');
	return index;
}

async function writeImport(
	options: ImportOptions,
	index: ExportIndex,
	staging: Staging,
	report: ImportReport,
	spill: string,
): Promise<void> {
	const channel = index.channel!;
	report.export.wxrVersion = channel.version;
	report.export.site = channel.baseBlogUrl;
	const blog = safeUrl(channel.baseBlogUrl);
	const imageCache = new Map<string, { src: string; local: boolean; asset?: string; source?: string }>();
	const notFound = new Map<string, number[]>();
	const assets = new Set<string>();
	const authorsUsed = new Set<string>();
	const sectionsUsed = new Map<string, string>();

	/** Where an image URL points in an article: a copied asset (relative path) or the URL kept. */
	const placeImage = async (url: string, articleFile: string, postId: number) => {
		const absolute = url.startsWith('//')
			? `https:${url}`
			: blog && !/^[a-z]+:/i.test(url)
				? new URL(url, blog).href
				: url;
		let entry = imageCache.get(absolute);
		if (!entry) {
			const upload = findUpload(absolute, options.uploads);
			entry = upload
				? { src: absolute, local: true, asset: `${ASSETS_FOLDER}/${upload}`, source: join(options.uploads!, upload) }
				: { src: stripWordPressComSize(absolute), local: false };
			if (entry.local && !assets.has(entry.asset!)) {
				// Several URLs (resized copies) may stand for one file: it is copied and counted once.
				assets.add(entry.asset!);
				const outcome = await staging.copy(entry.asset!, entry.source!);
				if (outcome === 'written') report.images.copied++;
				else report.images.unchanged++;
			}
			imageCache.set(absolute, entry);
		}
		if (!entry.local) {
			const posts = notFound.get(entry.src) ?? [];
			if (!posts.includes(postId)) posts.push(postId);
			notFound.set(entry.src, posts);
			return entry.src;
		}
		return relativeFrom(articleFile, entry.asset!);
	};

	const pool = createPool(options.workers);
	const total = index.plans.size + index.pages.size;
	const progress = options.progress
		? createProgress('Converting and writing', total, options.progress, { ci: options.ci ?? false })
		: undefined;
	// Bodies convert on worker threads while this thread reads the next ones and writes files. Conversions are
	// awaited in export order (so the report is the same on every run), at most WINDOW in flight; files are written
	// one after another behind them, without holding up the next conversions.
	const WINDOW = 64;
	const inFlight: Promise<unknown>[] = [];
	let writing: Promise<void> = Promise.resolve();
	let waiting = 0;
	let done = 0;
	const write = async (item: WxrItem, converted: Promise<ConversionResult>) => {
		const body = await converted;
		const plan = index.plans.get(item.id);
		if (plan) await writeArticle(item, plan, body);
		else await writePage(item, index.pages.get(item.id)!, body);
		waiting--;
		progress?.update(++done, done);
	};
	try {
		const lines = createInterface({ input: createReadStream(spill, 'utf8'), crlfDelay: Infinity });
		for await (const line of lines) {
			if (!line) continue;
			const raw = JSON.parse(line) as WxrItem & { meta: [string, string][] };
			const item: WxrItem = { ...raw, meta: new Map(raw.meta) };
			const file = index.plans.get(item.id)?.file ?? index.pages.get(item.id)!;
			const converted = convert(item, file);
			converted.catch(() => undefined);
			inFlight.push(converted);
			waiting++;
			writing = writing.then(() => write(item, converted));
			if (inFlight.length >= WINDOW) await inFlight.shift();
			// Finished conversions waiting for their write are bounded too.
			if (waiting >= 2 * WINDOW) await writing;
		}
		await writing;
	} finally {
		await Promise.allSettled(inFlight);
		await writing.catch(() => undefined);
		await pool.close();
	}
	progress?.done(done);

	async function convert(item: WxrItem, file: string): Promise<ConversionResult> {
		const html = item.content;
		const children = index.children.get(item.id) ?? [];
		// What this body may name from the rest of the export: attachments (by id in classes, block attributes and
		// galleries, by URL in images), reusable blocks, the post's own images; and its links' new targets.
		const ids = new Set([...numbersIn(html, /wp-image-(\d+)|"id":(\d+)/g), ...galleryIds(html, children), ...children]);
		const sources = [...imageSources(html), ...[...ids].flatMap((id) => index.attachments.get(id)?.url ?? [])];
		for (const src of sources) {
			const id = index.attachmentsByUrl.get(stripQuery(src));
			if (id !== undefined) ids.add(id);
		}
		// Images are placed first (copied from the uploads or kept as URLs), so the conversion knows their paths.
		const placed = new Map<string, string>();
		for (const src of sources) if (!placed.has(src)) placed.set(src, await placeImage(src, file, item.id));
		const links = linkTargets(html).flatMap((href): [string, string][] => {
			const target = rewriteLink(href, blog, index.permalinks, (id) => index.plans.get(id)?.articleId);
			return target === href ? [] : [[href, target]];
		});
		return pool.convert({
			postId: item.id,
			html,
			placed: [...placed],
			links,
			attachments: [...ids].flatMap((id) => {
				const attachment = index.attachments.get(id);
				return attachment ? [[id, { url: attachment.url, alt: attachment.alt, caption: attachment.caption }]] : [];
			}) as [number, JobAttachment][],
			attachmentsByUrl: sources.flatMap((src): [string, number][] => {
				const id = index.attachmentsByUrl.get(stripQuery(src));
				return id === undefined ? [] : [[stripQuery(src), id]];
			}),
			children,
			reusable: numbersIn(html, /"ref":(\d+)/g).flatMap((id): [number, string][] => {
				const source = index.reusable.get(id);
				return source === undefined ? [] : [[id, source]];
			}),
		});
	}

	async function writeArticle(item: WxrItem, plan: PostPlan, body: ConversionResult) {
		const { missingAlt } = body;
		const { section, tags } = sectionAndTags(item);
		authorsUsed.add(plan.authorLogin);
		sectionsUsed.set(section.slug, section.name);
		const { title, note } = headline(item, () => plainText(body.markdown.replace(/[#>*_`[\]()!-]/g, ' ')));
		const ref = { id: item.id, title, file: `${options.out}/${plan.file}` };
		if (note)
			report.headlines.push({
				...ref,
				note:
					note === 'no title'
						? 'the post has no title; its opening sentence is the headline'
						: 'the title was over 200 characters',
			});
		const description = plainText(item.excerpt);
		const data: Record<string, unknown> = {
			title,
			...(description ? { description } : {}),
			pubDate: toZonedIso(plan.pubDate, options.timeZone),
			...(plan.updatedDate ? { updatedDate: toZonedIso(plan.updatedDate, options.timeZone) } : {}),
			authors: [plan.author],
			section: section.slug,
			...(tags.length > 0 ? { tags } : {}),
			...(plan.state === 'draft' ? { draft: true } : {}),
		};
		const notes: string[] = [];
		const thumbnail = Number(item.meta.get('_thumbnail_id') ?? 0);
		const featured = thumbnail ? index.attachments.get(thumbnail) : undefined;
		if (featured) {
			const src = await placeImage(featured.url, plan.file, item.id);
			const local = !/^[a-z]+:/i.test(src);
			if (local && featured.alt) {
				data['hero'] = { image: src, alt: featured.alt, ...(featured.caption ? { caption: featured.caption } : {}) };
			} else if (local) {
				report.altTextToWrite.push({ ...ref, image: src, where: 'hero' });
				notes.push(
					'The featured image has no alt text in WordPress. Describe it, then uncomment the hero:',
					'hero:',
					`  image: ${src}`,
					'  alt: ',
					...(featured.caption ? [`  caption: ${JSON.stringify(featured.caption)}`] : []),
				);
			} else {
				notes.push(
					`The featured image ${src} was not found in the uploads folder (--uploads): a hero needs a local file.`,
				);
			}
		}
		if (plan.alias) {
			data['aliases'] = [plan.alias];
			report.redirects.aliases++;
		} else if (plan.aliasProblem) {
			report.redirects.notRedirectable.push({ ...ref, reason: plan.aliasProblem });
		}
		for (const image of new Set(missingAlt)) report.altTextToWrite.push({ ...ref, image, where: 'body' });
		for (const [name, count] of body.kept) tally(report.keptAsHtml, name, count, item.id);
		for (const [name, count] of body.dropped) tally(report.dropped, name, count, item.id);
		if (plan.state === 'published') report.articles.published++;
		else if (plan.state === 'draft') report.articles.drafts++;
		else report.articles.embargoed++;
		if (plan.heldBack) report.articles.heldBack.push({ ...ref, reason: plan.heldBack });
		const contents = markdownFile({ marker: importMarker(item.id, plan.modified), data, notes, body: body.markdown });
		const current = await staging.existing(plan.file);
		const previous = current ? readImportMarker(current.toString('utf8')) : undefined;
		const newer = Boolean(
			options.update &&
			previous?.postId === item.id &&
			plan.modified &&
			(!previous.modified || plan.modified > previous.modified),
		);
		const outcome = await staging.put(plan.file, contents, { replace: newer });
		if (outcome === 'written') report.articles.written.push(`${options.out}/${plan.file}`);
		else if (outcome === 'updated') report.articles.updated.push(`${options.out}/${plan.file}`);
		else if (outcome === 'unchanged') report.articles.unchanged++;
		else report.articles.kept.push(`${options.out}/${plan.file}`);
	}

	async function writePage(item: WxrItem, file: string, body: ConversionResult) {
		const title = plainText(item.title) || `Page ${item.id}`;
		const alias = permalinkPath(item.link, channel.baseBlogUrl).alias;
		const data = { title, ...(alias ? { permalink: alias } : {}) };
		const contents = markdownFile({
			marker: `# WordPress page ${item.id}: not an article. Move it into your site's pages (see docs/migrating-from-wordpress.md).`,
			data,
			body: body.markdown,
		});
		report.pages.count++;
		const outcome = await staging.put(file, contents);
		if (outcome === 'written' || outcome === 'updated') report.pages.written.push(`${options.out}/${file}`);
	}

	for (const login of [...authorsUsed].sort()) {
		const author = index.authors.get(login)!;
		const name = author.displayName || [author.firstName, author.lastName].filter(Boolean).join(' ') || login;
		const file = `authors/${authorId(login)}.yaml`;
		const outcome = await staging.put(
			file,
			toYaml({ name, ...(author.description ? { bio: author.description } : {}) }),
		);
		if (outcome === 'written') report.authors.written.push(`${options.out}/${file}`);
		if (!author.description) report.authors.withoutBio.push(`${options.out}/${file}`);
	}
	for (const [slug, name] of [...sectionsUsed].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const term = [...index.categories.values()].find((category) => urlSegment(decodePercent(category.slug)) === slug);
		const file = `sections/${slug}.yaml`;
		const description = plainText(term?.description ?? '');
		const outcome = await staging.put(
			file,
			toYaml({ name: plainText(term?.name || name), ...(description ? { description } : {}) }),
		);
		if (outcome === 'written') report.sections.written.push(`${options.out}/${file}`);
	}
	for (const term of index.tags.values()) {
		const mismatch = tagArchiveMismatch(term);
		if (mismatch) report.redirects.tagArchives.push(mismatch);
	}
	report.images.notFound = [...notFound]
		.map(([url, posts]) => ({ url, posts }))
		.sort((a, b) => (a.url < b.url ? -1 : 1));
	report.advice.push(
		'Set `redirects: { wordpressArchives: true }` in newsroom({ … }) (astro.config.mjs) so the old /category/…, /tag/…, /author/… and /feed/ URLs redirect to the sections, tags, authors and feeds.',
		'Build the site (npm run build): every old permalink recorded in `aliases:` gets a 301 in dist/_redirects and a fallback page.',
	);
	if (report.altTextToWrite.length > 0)
		report.advice.push('Write the alt texts listed above (a hero is shown once its `alt:` is filled in).');
}

/** Image URLs of a body: `src` of every `<img>`, and `[gallery]`/attachment images resolved later by the converter. */
function imageSources(html: string): string[] {
	const sources = new Set<string>();
	for (const match of html.matchAll(/<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
		const src = decodeEntities((match[1] ?? match[2] ?? match[3] ?? '').trim());
		if (src) sources.add(src);
	}
	return [...sources];
}

/** The `href` of every link of a body, as the HTML parser will read them (`&amp;` decoded). */
function linkTargets(html: string): string[] {
	const targets = new Set<string>();
	for (const match of html.matchAll(/<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
		const href = decodeEntities((match[1] ?? match[2] ?? match[3] ?? '').trim());
		if (href) targets.add(href);
	}
	return [...targets];
}

/** Every number captured by `pattern` in `text`. */
function numbersIn(text: string, pattern: RegExp): number[] {
	return [...text.matchAll(pattern)].map((match) => Number(match[1] ?? match[2])).filter(Number.isFinite);
}

function galleryIds(html: string, children: number[]): number[] {
	if (!/\[gallery|wp:gallery/.test(html)) return [];
	const ids = [...html.matchAll(/ids="([\d,\s]+)"/g)].flatMap((match) =>
		match[1]!.split(',').map((id) => Number(id.trim())),
	);
	return ids.length > 0 ? ids : children;
}

function decodeEntities(value: string): string {
	return value.replace(/&amp;/g, '&').replace(/&#0*38;/g, '&');
}

/** WordPress.com serves resized copies with `?w=604`: the article keeps the original URL. */
function stripWordPressComSize(url: string): string {
	return /\.files\.wordpress\.com\//.test(url) ? stripQuery(url) : url;
}
