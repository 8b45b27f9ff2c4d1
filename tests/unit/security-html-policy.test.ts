import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { embedElement } from '../../integrations/newsroom/consent/embed.ts';
import { resolveOptions } from '../../integrations/newsroom/options.ts';
import { articleSchema, nearestRatio, unsafeUrl } from '../../integrations/newsroom/security/html-policy.ts';
import { htmlPolicyPlugin } from '../../integrations/newsroom/security/markdown-plugin.ts';

const options = resolveOptions({ name: 'The Daily', consent: { contact: 'privacy@daily.example' } });
const root = new URL('file:///site/');

/** Renders Markdown (or MDX) through Sätteri with the article HTML policy, as Astro does, collecting the reports. */
function render(markdown: string) {
	const reports: string[] = [];
	const plugin = htmlPolicyPlugin(
		{
			embeds: options.security.embeds,
			embed: ({ src, title, ratio, allow, host }) => embedElement({ src, title, ratio, allow, provider: host.provider, category: host.category }, options.consent),
		},
		root,
		(file, message) => reports.push(`${file}: ${message}`),
	);
	const { html } = markdownToHtml(markdown, { hastPlugins: [plugin], fileURL: new URL('src/content/articles/a.md', root) });
	return { html, reports };
}

describe('the article HTML policy in Markdown bodies', () => {
	it('removes scripts, event handlers and javascript: URLs, and says what it removed, naming the file', () => {
		const { html, reports } = render(
			'Hello <img src="x.jpg" alt="" onerror="alert(1)"> [link](javascript:alert(2)) <a href="JaVaScRiPt:alert(3)">raw</a>\n\n<script>alert(4)</script>\n\n</script><script>alert(5)</script>\n',
		);
		expect(html).not.toMatch(/<script|onerror|javascript:|alert/i);
		expect(html).toContain('<img src="x.jpg" alt="">');
		expect(reports).toEqual([
			'src/content/articles/a.md: removed href (a javascript: URL) from <a>',
			'src/content/articles/a.md: removed onerror from <img>',
			'src/content/articles/a.md: removed href (a javascript: URL) from <a>',
			'src/content/articles/a.md: removed <script> and its content',
			'src/content/articles/a.md: removed <script> and its content',
		]);
	});

	it('removes style, base, meta refresh, forms, object/embed, SVG with script and vbscript:/data: URLs', () => {
		const { html, reports } = render(
			[
				'<style>body{display:none}</style>',
				'<base href="https://evil.example/">',
				'<meta http-equiv="refresh" content="0;url=https://evil.example/">',
				'<form action="https://evil.example/"><input name="password"><button>Send</button></form>',
				'<object data="x.swf"></object><embed src="x.swf">',
				'<svg><script>alert(1)</script><a xlink:href="javascript:alert(2)"><text>x</text></a></svg>',
				'<a href="vbscript:msgbox(1)">vb</a> <a href="data:text/html,<script>alert(1)</script>">data</a>',
				'<p style="position:fixed">styled</p>',
			].join('\n\n'),
		);
		for (const bad of ['<style', '<base', '<meta', '<form', '<object', '<embed', '<svg', 'vbscript', 'data:text', 'style=', '<input', '<button']) {
			expect(html, bad).not.toContain(bad);
		}
		expect(html).toContain('styled');
		expect(reports.map((report) => report.replace('src/content/articles/a.md: ', ''))).toEqual(
			expect.arrayContaining([
				'removed <style> and its content',
				'removed <base>',
				'removed <meta>',
				'removed <form>',
				'removed <input>',
				'removed <button>',
				'removed <object> and its content',
				'removed <embed> and its content',
				'removed <svg> and its content',
				'removed href (a vbscript: URL) from <a>',
				'removed href (a data: URL) from <a>',
				'removed style from <p>',
			]),
		);
	});

	it('keeps what news articles use: figures, tables, pictures, media with controls, data: images, mail links', () => {
		const { html, reports } = render(
			[
				'<figure><img src="a.jpg" alt="A" width="800" height="450" srcset="a-400.jpg 400w, a.jpg 800w" sizes="100vw"><figcaption>Caption <cite>Source</cite></figcaption></figure>',
				'<table><caption>Votes</caption><thead><tr><th scope="col">Party</th></tr></thead><tbody><tr><td colspan="2">A</td></tr></tbody></table>',
				'<picture><source srcset="a.avif" type="image/avif"><img src="a.jpg" alt="A"></picture>',
				'<video src="https://cdn.example/v.mp4" poster="https://cdn.example/p.jpg" autoplay></video> <audio src="a.mp3"></audio>',
				'<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot"> <a href="mailto:desk@daily.example">Mail</a> <a href="tel:+6012345">Call</a>',
				'<details><summary>More</summary>Text</details> <abbr title="Kuala Lumpur">KL</abbr> <time datetime="2026-01-28">today</time>',
			].join('\n\n'),
		);
		expect(html).toContain('<figcaption>Caption <cite>Source</cite></figcaption>');
		expect(html).toContain('srcset="a-400.jpg 400w, a.jpg 800w"');
		expect(html).toContain('<th scope="col">Party</th>');
		expect(html).toContain('<source srcset="a.avif" type="image/avif">');
		expect(html).toMatch(/<video src="https:\/\/cdn.example\/v.mp4" poster="https:\/\/cdn.example\/p.jpg" controls><\/video>/);
		expect(html).toContain('<audio src="a.mp3" controls></audio>');
		expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
		expect(html).toContain('href="mailto:desk@daily.example"');
		expect(html).toContain('<time datetime="2026-01-28">today</time>');
		expect(reports).toEqual(['src/content/articles/a.md: removed autoplay from <video>']);
	});

	it('keeps the Markdown’s own markup and structure around raw HTML', () => {
		const { html } = render('# Title\n\n<div class="box" id="config">\n\n**bold** and [a link](https://example.org/ "Title")\n\n</div>\n');
		expect(html).toContain('<h1>Title</h1>');
		// Ids and names are prefixed: a body cannot clobber the page's globals (`window.config`).
		expect(html).toMatch(/<div id="user-content-config">\s*<p><strong>bold<\/strong> and <a href="https:\/\/example.org\/" title="Title">a link<\/a><\/p>\s*<\/div>/);
	});

	it('turns an iframe from an allowed embed host into a consent embed, and removes any other', () => {
		const { html, reports } = render(
			'<iframe src="https://www.youtube-nocookie.com/embed/abc" width="560" height="315" title="The launch" onload="x()"></iframe>\n\n<iframe src="https://evil.example/frame"></iframe>\n\n<iframe src="https://player.vimeo.com/video/1" width="400" height="400"></iframe>\n',
		);
		expect(html).toContain(
			'<newsroom-embed class="consent-embed" data-consent="marketing" data-ratio="16:9" data-title="The launch" data-provider="YouTube" data-link="https://www.youtube-nocookie.com/embed/abc">',
		);
		expect(html).toContain(
			'<template><iframe src="https://www.youtube-nocookie.com/embed/abc" title="The launch" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" sandbox="allow-scripts allow-same-origin allow-popups allow-presentation" allow="fullscreen; picture-in-picture; encrypted-media"></iframe></template>',
		);
		expect(html).toContain('data-ratio="1:1" data-title="Vimeo content"');
		expect(html).not.toContain('evil.example');
		expect(html).not.toContain('onload');
		expect(reports.map((report) => report.replace('src/content/articles/a.md: ', ''))).toEqual([
			'removed onload from <iframe>',
			'removed <iframe src="https://evil.example/frame"> (not from an allowed embed host: www.youtube-nocookie.com, player.vimeo.com, datawrapper.dwcdn.net, flo.uri.sh)',
			'<iframe src="https://player.vimeo.com/video/1"> has no title: it is read out as "Vimeo content"; add a title="…" that says what it shows',
		]);
	});

	it('costs nothing for a body without raw HTML: only its links and images are checked', () => {
		const { html, reports } = render('Plain **text** with [a link](https://example.org/) and ![an image](img.jpg).\n');
		expect(html).toBe('<p>Plain <strong>text</strong> with <a href="https://example.org/">a link</a> and <img src="img.jpg" alt="an image">.</p>\n');
		expect(reports).toEqual([]);
	});
});

describe('the article HTML policy in MDX bodies', () => {
	it('removes disallowed HTML elements, handlers and unsafe URLs, and keeps components', async () => {
		const reports: string[] = [];
		const plugin = htmlPolicyPlugin(
			{
				embeds: [{ host: 'player.vimeo.com', provider: 'Vimeo', category: 'marketing' }],
				embed: ({ title }) => ({ type: 'element', tagName: 'newsroom-embed', properties: { dataTitle: title }, children: [] }),
			},
			root,
			(_file, message) => reports.push(message),
		);
		const { code } = await mdxToJs(
			'<img src="x.jpg" alt="" onerror="alert(1)" />\n\n<Factbox title="Facts">Keep</Factbox>\n\n<a href="javascript:alert(1)">x</a>\n\n<script>{"alert(1)"}</script>\n\n<iframe src="https://evil.example/" />\n\n<iframe src="https://player.vimeo.com/video/1" title="A film" />\n',
			{ hastPlugins: [plugin] },
		);
		expect(code).not.toMatch(/onerror|javascript:|_jsx\("script"|_jsx\("iframe"|evil/);
		expect(code).toContain('Factbox');
		// An iframe from an embed host becomes the consent embed, as in Markdown.
		expect(code).toMatch(/_components\["newsroom-embed"\], \{\s*"data-title": "A film"/);
		expect(reports).toEqual([
			'removed onerror from <img>',
			'removed href (a javascript: URL) from <a>',
			'removed <script> and its content',
			'removed <iframe src="https://evil.example/"> (not from an allowed embed host: player.vimeo.com)',
		]);
	});
});

describe('policy helpers', () => {
	it('allows web, mail and phone links and data: images only', () => {
		expect(unsafeUrl('a', 'href', 'https://x.example/')).toBeUndefined();
		expect(unsafeUrl('a', 'href', '/relative#x')).toBeUndefined();
		expect(unsafeUrl('a', 'href', ' java\tscript:alert(1)')).toBe('a javascript: URL');
		expect(unsafeUrl('img', 'src', 'data:image/svg+xml;base64,PHN2Zz4=')).toBe('a data: URL');
		expect(unsafeUrl('video', 'src', 'data:video/mp4;base64,AAAA')).toBe('a data: URL');
		expect(unsafeUrl('a', 'href', 'tel:+6012')).toBeUndefined();
	});

	it('picks the embed shape nearest the iframe size', () => {
		expect(nearestRatio(560, 315)).toBe('16:9');
		expect(nearestRatio(400, 300)).toBe('4:3');
		expect(nearestRatio(0, 0)).toBe('16:9');
		expect(nearestRatio(315, 560)).toBe('9:16');
	});

	it('never allows scripting elements', () => {
		for (const tag of ['script', 'style', 'form', 'base', 'meta', 'object', 'embed', 'svg', 'math', 'link', 'button', 'textarea']) {
			expect(articleSchema.tagNames, tag).not.toContain(tag);
		}
	});
});
