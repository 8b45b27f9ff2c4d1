// Deterministic synthetic content for the benchmark: N articles (~600 words: paragraphs with links, a
// subheading, a block quote) over several years, with authors, sections, tags, and a hero image for a share of
// them (drawn from a small pool of generated JPEGs). The same N and seed always give the same files.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

const WORDS = `the of and to in a is that for on with as was by at from it an be this are which or has have
not were but had its new said they their been also more after who one two will about over government people year
city region minister trade market report police court election policy economy police officials week talks
summit border energy climate health school water price company workers plan support local national state public
security statement leaders growth investment rail port farmers island coast village province council deal`.split(/\s+/);
const TAGS = ['Trade', 'Elections', 'Climate', 'Energy', 'Health', 'Transport', 'Security', 'Technology', 'Tourism',
	'Agriculture', 'Courts', 'Markets', 'Education', 'Housing', 'Fisheries', 'Diplomacy', 'Labour', 'Water', 'Culture', 'Sport'];
const SECTIONS = ['world', 'business', 'lifestyle', 'travel', 'sports', 'science', 'opinion', 'asia'];
const AUTHORS = Array.from({ length: 24 }, (_, i) => `reporter-${i + 1}`);
const HERO_POOL = 12;

/** mulberry32: a small seeded PRNG, so every run writes the same content. */
export function random(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function sentence(rand, words) {
	const list = Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)]);
	list[0] = list[0][0].toUpperCase() + list[0].slice(1);
	return `${list.join(' ')}.`;
}

/** One article's Markdown: ~600 words, two links, a subheading, a block quote. */
export function article(index, rand, { heroShare, start, spanDays }) {
	const pub = new Date(start + Math.floor(rand() * spanDays * 86_400_000));
	const date = pub.toISOString().slice(0, 16).replace('T', ' ');
	const section = SECTIONS[index % SECTIONS.length];
	const authors = [AUTHORS[Math.floor(rand() * AUTHORS.length)]];
	if (rand() < 0.15) authors.push(AUTHORS[(AUTHORS.indexOf(authors[0]) + 1) % AUTHORS.length]);
	const tags = [...new Set([TAGS[Math.floor(rand() * TAGS.length)], TAGS[Math.floor(rand() * TAGS.length)]])];
	const hero = rand() < heroShare ? Math.floor(rand() * HERO_POOL) : -1;
	const paragraphs = [];
	for (let p = 0; p < 9; p++) {
		let text = Array.from({ length: 4 }, () => sentence(rand, 14 + Math.floor(rand() * 6))).join(' ');
		if (p === 1) text += ` Read the [full report](https://example.org/reports/${index}) and [our earlier coverage](/articles/).`;
		paragraphs.push(text);
		if (p === 4) paragraphs.push(`## ${sentence(rand, 5).slice(0, -1)}`);
		if (p === 6) paragraphs.push(`> “${sentence(rand, 18)}”`);
	}
	const frontmatter = [
		'---',
		`title: "Story ${index}: ${sentence(rand, 8).slice(0, -1)}"`,
		`pubDate: ${date}`,
		`authors: [${authors.join(', ')}]`,
		`section: ${section}`,
		`tags: [${tags.join(', ')}]`,
		...(hero >= 0 ? ['hero:', `  image: ../../../heroes/hero-${hero}.jpg`, `  alt: Generated illustration number ${hero}`] : []),
		'---',
	];
	const [year, month] = date.split('-');
	return { path: `articles/${year}/${month}/story-${index}.md`, text: `${frontmatter.join('\n')}\n\n${paragraphs.join('\n\n')}\n` };
}

/** Writes N articles, the authors, sections and hero pool into `dir` (emptied first). */
export async function generate(dir, count, { heroShare = 0.2, seed = 2026 } = {}) {
	await rm(dir, { recursive: true, force: true });
	const rand = random(seed);
	const options = { heroShare, start: Date.parse('2019-01-01T00:00:00Z'), spanDays: 7 * 365 };
	const folders = new Set();
	const files = [];
	for (let i = 1; i <= count; i++) files.push(article(i, rand, options));
	for (const file of files) folders.add(join(dir, file.path, '..'));
	for (const folder of folders) await mkdir(folder, { recursive: true });
	await mkdir(join(dir, 'authors'), { recursive: true });
	await mkdir(join(dir, 'sections'), { recursive: true });
	await mkdir(join(dir, 'heroes'), { recursive: true });
	for (let i = 0; i < files.length; i += 500) {
		await Promise.all(files.slice(i, i + 500).map((file) => writeFile(join(dir, file.path), file.text)));
	}
	for (const author of AUTHORS) {
		await writeFile(join(dir, 'authors', `${author}.yaml`), `name: ${author.replace('-', ' ')}\nbio: A generated reporter for the benchmark.\n`);
	}
	for (const [order, section] of SECTIONS.entries()) {
		await writeFile(join(dir, 'sections', `${section}.yaml`), `name: ${section}\ndescription: Generated section ${section}.\norder: ${order}\n`);
	}
	await mkdir(join(dir, LIVE_BLOG, '..'), { recursive: true });
	await writeFile(join(dir, LIVE_BLOG), `---\ntitle: Generated live blog\npubDate: 2025-12-31 09:00\nauthors: [${AUTHORS[0]}]\nsection: ${SECTIONS[0]}\nlive:\n  status: live\n---\n\nA generated live blog.\n`);
	await addLiveEntry(dir, 1);
	for (let i = 0; i < HERO_POOL; i++) {
		const hue = Math.round((360 * i) / HERO_POOL);
		const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><rect width="1600" height="900" fill="hsl(${hue},60%,40%)"/><circle cx="${400 + i * 60}" cy="450" r="300" fill="hsl(${(hue + 180) % 360},70%,60%)"/></svg>`;
		await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toFile(join(dir, 'heroes', `hero-${i}.jpg`));
	}
	return files.length;
}

/** The live blog every generated content folder has (one article besides the N), and its entries' folder. */
const LIVE_BLOG = 'articles/2025/12/live-blog.md';

/** Adds entry N to the live blog (the "one live entry" of a rebuild), each a minute after the previous one. */
export async function addLiveEntry(dir, index) {
	const folder = join(dir, LIVE_BLOG.replace(/\.md$/, '.live'));
	await mkdir(folder, { recursive: true });
	const minute = String(index % 60).padStart(2, '0');
	const path = join(folder, `entry-${index}.md`);
	await writeFile(path, `---\ndate: 2025-12-31 10:${minute}\nheadline: Update ${index}\n---\n\nGenerated update number ${index}.\n`);
	return path;
}

/**
 * Adds article N+1 (the "one new article" of a rebuild), dated after every other one but in the archive's newest
 * year (2025), as a newsroom's new story joins the current year's thousands: the search index of that year is built
 * again, not a new year of one article.
 */
export async function addArticle(dir, index) {
	const { path, text } = article(index, random(index), { heroShare: 0, start: Date.parse('2025-12-31T12:00:00Z'), spanDays: 0.4 });
	await mkdir(join(dir, path, '..'), { recursive: true });
	await writeFile(join(dir, path), text);
	return path;
}
