import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { siteDist } from './paths.ts';

/** A built page of the sample site, parsed into a DOM (`/articles/x/` → dist/articles/x/index.html). */
export async function page(path: string, dist = siteDist): Promise<Document> {
	const file = path.endsWith('.html') ? path : join(path, 'index.html');
	const html = await readFile(join(dist, file), "utf8");
	return parseHTML(html).document as unknown as Document;
}

/** Collapses runs of white space, as a reader sees text. */
export function text(node: Element | null | undefined): string {
	return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
