import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { page, text } from '../helpers/parse.ts';
import { tmpRoot } from '../helpers/paths.ts';
import { resolveOptions } from '../../integrations/newsroom/options.ts';

/**
 * The other-language fixture (tests/fixtures/malay-site): the reference site's pages in Bahasa Malaysia. Every word
 * readers see comes from the site's `labels`, `consent` and `recentPosts` options, so no English default may appear
 * in any page, feed or the feed stylesheet. Also: bylines joined in Malay, story kinds, the sponsored disclosure and
 * rel="sponsored" (Markdown, raw HTML and MDX bodies), the live-updates notice's words, and the breaking banner until it expires (an incremental build after expiry drops it everywhere).
 */

const root = fileURLToPath(new URL('../fixtures/malay-site/', import.meta.url));
const content = join(tmpRoot, 'malay-site', 'content');
// 2026-02-01T00:00:00Z, then a day later: after the banner's expiry (2026-02-02 06:00 in Kuala Lumpur).
const beforeExpiry = String(Date.UTC(2026, 1, 1) / 1000);
const afterExpiry = String(Date.UTC(2026, 1, 2) / 1000);

/** The English default texts of every option that puts words in front of readers, split around their {values}. */
function englishDefaults(): string[] {
	const options = resolveOptions({ name: 'x', consent: { contact: 'a@b.example' } });
	const texts: unknown[] = [
		Object.values(options.labels),
		Object.values(options.consent.labels),
		options.consent.message,
		options.consent.readMoreLabel,
		options.consent.readMoreContext,
		options.consent.categories.map((category) => [category.label, category.description, category.purpose]),
		options.recentPosts.heading,
		options.recentPosts.readMoreLabel,
	];
	const strings = (value: unknown): string[] =>
		typeof value === 'string' ? [value] : Array.isArray(value) || (value && typeof value === 'object') ? Object.values(value).flatMap(strings) : [];
	return [...new Set(strings(texts).flatMap((template) => template.split(/\{\w+\}/).map((part) => part.trim())))].filter(
		// A fragment with a word in it ("By", "Page", "of"); punctuation and "©" alone say nothing about the language.
		(fragment) => /\p{L}{2,}/u.test(fragment),
	);
}

async function filesOf(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && /\.(html|xml|css|json)$/.test(entry.name) && !entry.parentPath.includes('pagefind'))
		.map((entry) => join(entry.parentPath, entry.name));
}

/** Attributes that hold code or addresses, not words. */
const CODE_ATTRIBUTES = new Set(['class', 'id', 'href', 'src', 'srcset', 'sizes', 'style', 'rel', 'type', 'name', 'property', 'integrity', 'crossorigin', 'datetime', 'lang', 'dir']);

/**
 * What readers (and machines reading for them) get of a page: its text, the words in its attributes (accessible
 * names, alt text, meta descriptions) and its JSON (JSON-LD, the consent island's configuration); not script code.
 */
function wordsOf(html: string): string {
	const { document } = parseHTML(html);
	const words: string[] = [];
	for (const element of document.querySelectorAll('*')) {
		// `og:type` is a protocol value ("article"), not a word for readers.
		const protocol = element.localName === 'meta' && element.getAttribute('property') === 'og:type';
		for (const attribute of element.attributes) if (!CODE_ATTRIBUTES.has(attribute.name) && !protocol) words.push(attribute.value);
		const code = element.localName === 'script' && !/json/.test(element.getAttribute('type') ?? '');
		if (code || element.localName === 'style') continue;
		for (const node of element.childNodes) if (node.nodeType === 3) words.push(node.textContent ?? '');
		if (element.localName === 'script') words.push(element.textContent ?? '');
	}
	return words.join('\n');
}

/** Text without URLs and site paths (`/articles/…` is an address, not the English word). */
function withoutAddresses(text: string): string {
	return text.replace(/\b[a-z][a-z+.-]*:\/\/[^\s"'<>]*/g, ' ').replace(/(^|[\s"'(=])\/[^\s"'<>)]*/g, '$1 ');
}

/** Where each English fragment appears as words (case-sensitive, whole words) in the built files. */
async function englishIn(dist: string): Promise<string[]> {
	const fragments = englishDefaults().map((fragment) => ({
		fragment,
		pattern: new RegExp(`(?<![\\p{L}\\p{N}])${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u'),
	}));
	const found: string[] = [];
	for (const file of await filesOf(dist)) {
		// A live blog's updates.json is data for the island (anchors such as "update-1930" and times), not words.
		if (file.endsWith('/updates.json')) continue;
		const raw = await readFile(file, 'utf8');
		const source = withoutAddresses(
			file.endsWith('.html')
				? wordsOf(raw)
				: file.endsWith('.css')
					? // A stylesheet's words are its `content` strings; the rest is selectors and values.
						[...raw.matchAll(/content:\s*(['"])(.*?)\1/g)].map((match) => match[2]).join('\n')
					: // Feeds and JSON Feed: the text outside tags.
						raw.replace(/<[^>]*>/g, ' '),
		);
		for (const { fragment, pattern } of fragments) {
			if (pattern.test(source)) found.push(`${relative(dist, file)}: "${fragment}"`);
		}
	}
	return found;
}

let dist: string;

beforeAll(async () => {
	await mkdir(content, { recursive: true });
	await cp(join(root, 'content'), content, { recursive: true });
	// Enough articles in one section for a second page (pagination labels).
	for (let day = 1; day <= 21; day++) {
		const dd = String(day).padStart(2, '0');
		await writeFile(
			join(content, 'articles', '2026', '01', `berita-ringkas-${dd}.md`),
			`---\ntitle: Berita ringkas ${dd}\npubDate: 2026-01-${dd} 08:00\nauthors: [meja-berita]\nsection: nasional\n---\n\nBerita ringkas hari ini.\n`,
		);
	}
	dist = await buildSite({
		root,
		name: 'malay-site',
		env: { NEWSROOM_CONTENT_DIR: relative(root, content), SOURCE_DATE_EPOCH: beforeExpiry },
	});
}, 300_000);

describe('a site in another language (Bahasa Malaysia)', () => {
	it('reads the English defaults it checks against (a sanity check)', () => {
		expect(englishDefaults()).toEqual(expect.arrayContaining(['Skip to content', 'By', 'Page', 'of', 'Recent Posts', 'Accept all']));
	});

	it('shows no English default anywhere: pages, feeds, the feed stylesheet', async () => {
		expect(await englishIn(dist)).toEqual([]);
	});

	it('declares its language and direction, and joins bylines as Malay does', async () => {
		const doc = await page('/articles/2026/01/belanjawan-negeri/', dist);
		expect(doc.documentElement.getAttribute('lang')).toBe('ms-MY');
		expect(doc.documentElement.getAttribute('dir')).toBe('ltr');
		expect(text(doc.querySelector('.byline'))).toBe('Oleh Aminah Yusof dan Meja Berita');
		expect([...doc.querySelectorAll('.dates dt, .dates dd')].map(text)).toEqual([
			'Diterbitkan',
			'28 Januari 2026 pada 10:00 PG',
			'Dikemas kini',
			'28 Januari 2026 pada 3:30 PTG',
		]);
	});

	it('labels analysis and sponsored stories, discloses sponsorship and marks its links out rel="sponsored"', async () => {
		const analysis = await page('/articles/2026/01/harga-minyak-analisis/', dist);
		expect(text(analysis.querySelector('.article-header .kind'))).toBe('Analisis');
		const sponsored = await page('/articles/2026/01/pelancongan-tajaan/', dist);
		expect(text(sponsored.querySelector('.article-header .kind'))).toBe('Tajaan');
		expect(text(sponsored.querySelector('.article-header .disclosure'))).toContain('Kandungan berbayar');
		const links = (doc: Document) => [...doc.querySelectorAll('.article-body a')].map((link) => [link.getAttribute('href'), link.getAttribute('rel')]);
		// Markdown: a Markdown link and one written as raw HTML; links within the site are not paid links.
		expect(links(sponsored)).toEqual([
			['https://pengiklan.example/pulau', 'sponsored'],
			['/sections/ekonomi/', null],
			['https://pengiklan.example/hubungi', 'sponsored'],
		]);
		// MDX: a Markdown link, and a JSX <a> whose own rel is kept.
		const mdx = await page('/articles/2026/01/kembara-tajaan/', dist);
		expect(text(mdx.querySelector('.article-header .kind'))).toBe('Tajaan');
		expect(links(mdx)).toEqual([
			['https://pengiklan.example/kembara', 'sponsored'],
			['https://pengiklan.example/tempahan', 'noopener sponsored'],
			['/sections/ekonomi/', null],
		]);
		const news = await page('/articles/2026/01/belanjawan-negeri/', dist);
		expect(news.querySelector('.kind')).toBeNull();
	});

	it('words the live-updates notice in Malay (the island builds it from these attributes)', async () => {
		const island = (await page('/articles/2026/01/kiraan-undi/', dist)).querySelector('newsroom-live-updates');
		expect(JSON.parse(island?.getAttribute('data-forms') ?? '{}')).toEqual({ other: '{count} kemas kini baharu' });
		expect(island?.getAttribute('data-show')).toBe('Tunjuk');
	});

	it('shows the breaking banner on every page until it expires, and a build after expiry drops it everywhere', async () => {
		const pages = (await filesOf(dist)).filter((file) => file.endsWith('index.html'));
		expect(pages.length).toBeGreaterThan(10);
		for (const file of pages) expect(await readFile(file, 'utf8'), relative(dist, file)).toContain('Pengundian ditutup di Sabah');
		const home = await page('/', dist);
		expect(text(home.querySelector('.breaking-news'))).toBe('Terkini Pengundian ditutup di Sabah; ikuti kiraan undi secara langsung');
		expect(home.querySelector('.breaking-news a')?.getAttribute('href')).toBe('/articles/2026/01/belanjawan-negeri/');

		await buildSite({
			root,
			name: 'malay-site',
			incremental: true,
			env: { NEWSROOM_CONTENT_DIR: relative(root, content), SOURCE_DATE_EPOCH: afterExpiry },
		});
		for (const file of pages) expect(await readFile(file, 'utf8'), relative(dist, file)).not.toContain('breaking-news');
	}, 300_000);
});
