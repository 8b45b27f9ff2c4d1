// A deterministic synthetic WordPress export (seeded with generate.mjs's PRNG) for the import benchmark: N posts (~600 words each, about 4 KB of
// HTML) spread over twenty years, half written in the classic editor (no <p>, [caption] shortcodes, links between
// posts) and half in the block editor (paragraph, heading, list, quote, image, embed and an unknown block), with
// 30 authors, 40 categories, 600 tags and a featured image on one post in five. Streamed to disk, so a 200 MB file
// never sits in memory. The same N and seed always give the same bytes.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { random } from './generate.mjs';

const WORDS = `the of and to in a is that for on with as was by at from it an be this are which or has have
not were but had its new said they their been also more after who one two will about over government people year
city region minister trade market report police court election policy economy officials week talks summit border
energy climate health school water price company workers plan support local national state public security
statement leaders growth investment rail port farmers island coast village province council deal`.split(/\s+/);


const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const words = (rand, n) => Array.from({ length: n }, () => pick(rand, WORDS)).join(' ');
const sentence = (rand, n) => {
	const text = words(rand, n);
	return `${text[0].toUpperCase()}${text.slice(1)}.`;
};
const paragraph = (rand) =>
	Array.from({ length: 4 + Math.floor(rand() * 3) }, () => sentence(rand, 8 + Math.floor(rand() * 10))).join(' ');
const pad = (n) => String(n).padStart(2, '0');
const wpDate = (date) =>
	`${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;

const AUTHORS = Array.from({ length: 30 }, (_, i) => `reporter${i + 1}`);
const CATEGORIES = Array.from({ length: 40 }, (_, i) => `desk-${i + 1}`);
const TAGS = Array.from({ length: 600 }, (_, i) => `topic-${i + 1}`);

function classicBody(rand, id, linkTo) {
	const parts = [
		paragraph(rand),
		`${paragraph(rand)}\nA line break, then <a href="https://old.example/${linkTo}/">an earlier story</a>.`,
	];
	parts.push(`<h2>${sentence(rand, 5)}</h2>`, paragraph(rand));
	if (id % 3 === 0)
		parts.push(
			`[caption id="attachment_${id}" align="aligncenter" width="600"]<img src="https://old.example/wp-content/uploads/2020/01/photo-${id % 97}-600x400.jpg" alt="${words(rand, 4)}" width="600" height="400" /> ${sentence(rand, 6)}[/caption]`,
		);
	parts.push(
		`<ul>\n<li>${sentence(rand, 6)}</li>\n<li>${sentence(rand, 6)}</li>\n</ul>`,
		`<blockquote>${sentence(rand, 14)}</blockquote>`,
		paragraph(rand),
		paragraph(rand),
	);
	return parts.join('\n\n');
}

function blockBody(rand, id) {
	const p = (text) => `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->`;
	return [
		p(paragraph(rand)),
		`<!-- wp:heading -->\n<h2 class="wp-block-heading">${sentence(rand, 5)}</h2>\n<!-- /wp:heading -->`,
		p(paragraph(rand)),
		`<!-- wp:list -->\n<ul><li>${sentence(rand, 6)}</li><li>${sentence(rand, 6)}</li></ul>\n<!-- /wp:list -->`,
		`<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>${sentence(rand, 14)}</p><cite>${words(rand, 2)}</cite></blockquote>\n<!-- /wp:quote -->`,
		`<!-- wp:image {"id":${id}} -->\n<figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/2021/05/picture-${id % 89}.jpg" alt="${words(rand, 4)}"/><figcaption>${sentence(rand, 6)}</figcaption></figure>\n<!-- /wp:image -->`,
		p(paragraph(rand)),
		id % 10 === 0
			? `<!-- wp:embed {"url":"https://www.youtube.com/watch?v=${id}"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=${id}\n</div></figure>\n<!-- /wp:embed -->`
			: `<!-- wp:jetpack/rating-star {"rating":4} -->\n<figure class="wp-block-jetpack-rating-star"><span>★★★★</span></figure>\n<!-- /wp:jetpack/rating-star -->`,
		p(paragraph(rand)),
		p(paragraph(rand)),
	].join('\n\n');
}

/** Writes an export of `posts` posts to `file`; resolves with its size in bytes. */
export async function generateWxr(file, posts, { seed = 16 } = {}) {
	const rand = random(seed);
	const out = createWriteStream(file);
	let bytes = 0;
	const write = async (text) => {
		bytes += Buffer.byteLength(text);
		if (!out.write(text)) await once(out, 'drain');
	};
	await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Benchmark Gazette</title>
<link>https://old.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example</wp:base_site_url>
<wp:base_blog_url>https://old.example</wp:base_blog_url>
`);
	for (const login of AUTHORS)
		await write(
			`<wp:author><wp:author_login><![CDATA[${login}]]></wp:author_login><wp:author_display_name><![CDATA[Reporter ${login.slice(8)}]]></wp:author_display_name></wp:author>\n`,
		);
	for (const slug of CATEGORIES)
		await write(
			`<wp:category><wp:category_nicename><![CDATA[${slug}]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Desk ${slug.slice(5)}]]></wp:cat_name></wp:category>\n`,
		);
	for (const slug of TAGS)
		await write(
			`<wp:tag><wp:tag_slug><![CDATA[${slug}]]></wp:tag_slug><wp:tag_name><![CDATA[Topic ${slug.slice(6)}]]></wp:tag_name></wp:tag>\n`,
		);
	const start = Date.UTC(2005, 0, 1);
	const span = 20 * 365 * 86_400_000;
	const slugs = [];
	for (let i = 0; i < posts; i++) {
		const id = 1000 + i;
		const date = new Date(start + Math.floor((i / posts) * span) + Math.floor(rand() * 3_600_000));
		const slug = `story-${id}-${words(rand, 3).replace(/ /g, '-')}`;
		const permalink = `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${slug}`;
		const body =
			i % 2 === 0 ? classicBody(rand, id, slugs.length > 0 ? pick(rand, slugs) : permalink) : blockBody(rand, id);
		slugs.push(permalink);
		if (slugs.length > 200) slugs.shift();
		const tags = Array.from({ length: 3 }, () => pick(rand, TAGS));
		const category = pick(rand, CATEGORIES);
		const thumbnail =
			i % 5 === 0
				? `<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[${500000 + i}]]></wp:meta_value></wp:postmeta>`
				: '';
		await write(`<item>
<title>${sentence(rand, 7).replace(/\.$/, '')}</title>
<link>https://old.example/${permalink}/</link>
<dc:creator><![CDATA[${pick(rand, AUTHORS)}]]></dc:creator>
<content:encoded><![CDATA[${body}]]></content:encoded>
<excerpt:encoded><![CDATA[${i % 4 === 0 ? sentence(rand, 16) : ''}]]></excerpt:encoded>
<wp:post_id>${id}</wp:post_id>
<wp:post_date><![CDATA[${wpDate(date)}]]></wp:post_date>
<wp:post_date_gmt><![CDATA[${wpDate(date)}]]></wp:post_date_gmt>
<wp:post_modified_gmt><![CDATA[${wpDate(new Date(date.getTime() + (i % 7) * 86_400_000))}]]></wp:post_modified_gmt>
<wp:post_name><![CDATA[${slug}]]></wp:post_name>
<wp:status><![CDATA[${i % 50 === 0 ? 'draft' : 'publish'}]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="${category}"><![CDATA[Desk ${category.slice(5)}]]></category>
${tags.map((tag) => `<category domain="post_tag" nicename="${tag}"><![CDATA[Topic ${tag.slice(6)}]]></category>`).join('\n')}
${thumbnail}
<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_content><![CDATA[${sentence(rand, 12)}]]></wp:comment_content></wp:comment>
</item>
`);
		if (i % 5 === 0)
			await write(
				`<item><title>photo ${i}</title><wp:post_id>${500000 + i}</wp:post_id><wp:post_parent>${id}</wp:post_parent><wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type><wp:attachment_url><![CDATA[https://old.example/wp-content/uploads/2020/01/featured-${i}.jpg]]></wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[${words(rand, 5)}]]></wp:meta_value></wp:postmeta></item>\n`,
			);
	}
	await write('</channel>\n</rss>\n');
	out.end();
	await once(out, 'finish');
	return bytes;
}
