import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { toFeedHtml } from '../../integrations/newsroom/feeds/feed-html.ts';
import { rewriteSrcset } from '../../integrations/newsroom/feeds/feed-html.ts';

const page = 'https://news.example/articles/2026/01/story/';
const resolve = (url: string) => new URL(url, page).href;

/** The HTML as a DOM, to read attributes the way a feed reader would. */
function dom(html: string) {
	return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

describe('rewriteSrcset', () => {
	it('rewrites every candidate and keeps its descriptor', () => {
		expect(rewriteSrcset('/a-480.jpg 480w, /a-800.jpg 800w, a-1200.jpg 1200w', resolve)).toBe(
			'https://news.example/a-480.jpg 480w, https://news.example/a-800.jpg 800w, https://news.example/articles/2026/01/story/a-1200.jpg 1200w',
		);
	});

	it('keeps commas inside URLs (image CDNs, data: URLs) and tolerates odd spacing', () => {
		expect(rewriteSrcset('  /w_400,h_300/a.jpg 1x ,\n/w_800,h_600/a.jpg   2x  ', resolve)).toBe(
			'https://news.example/w_400,h_300/a.jpg 1x, https://news.example/w_800,h_600/a.jpg 2x',
		);
		expect(rewriteSrcset('data:image/gif;base64,R0lGOD 1x, /b.gif 2x', resolve)).toBe(
			'data:image/gif;base64,R0lGOD 1x, https://news.example/b.gif 2x',
		);
	});

	it('reads candidates without descriptors, including one ended by a comma', () => {
		expect(rewriteSrcset('/a.jpg, /b.jpg 2x', resolve)).toBe(
			'https://news.example/a.jpg, https://news.example/b.jpg 2x',
		);
		// As in browsers, a comma with no space after it belongs to the URL.
		expect(rewriteSrcset('/a.jpg,/b.jpg 2x', resolve)).toBe('https://news.example/a.jpg,/b.jpg 2x');
		expect(rewriteSrcset('/only.jpg', resolve)).toBe('https://news.example/only.jpg');
		expect(rewriteSrcset('', resolve)).toBe('');
	});
});

describe('toFeedHtml (article HTML for content:encoded)', () => {
	const html = toFeedHtml(
		[
			'<p><a href="/sections/world/">root-relative</a> <a href="../other/">relative</a> <a href="#notes">fragment</a>',
			'<a href="//cdn.example/x">protocol-relative</a> <a href="https://elsewhere.example/a?b=1&amp;c=2">external</a>',
			'<a href="mailto:desk@news.example">mail</a> <a href="https://exa mple.example/">broken</a></p>',
			'<picture><source srcset="/p.avif 1x, /p@2x.avif 2x" type="image/avif">',
			'<img src="img/p.jpg" srcset="img/p-480.jpg 480w, /img/p-800.jpg 800w" sizes="100vw" alt="A pier"></picture>',
			'<video src="/clip.mp4" poster="/clip.jpg"></video><blockquote cite="/source/">Quote</blockquote>',
			'<script>alert(1)</script><style>p{}</style><p>After</p>',
		].join(''),
		page,
	);
	const doc = dom(html);
	const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));

	it('makes links absolute, resolved as on the article page', () => {
		expect(hrefs).toEqual([
			'https://news.example/sections/world/',
			'https://news.example/articles/2026/01/other/',
			'https://news.example/articles/2026/01/story/#notes',
			'https://cdn.example/x',
			'https://elsewhere.example/a?b=1&c=2',
			'mailto:desk@news.example',
			// Not a URL: left alone rather than guessed at.
			'https://exa mple.example/',
		]);
	});

	it('makes src, every srcset candidate, poster and cite absolute', () => {
		expect(doc.querySelector('source')?.getAttribute('srcset')).toBe(
			'https://news.example/p.avif 1x, https://news.example/p@2x.avif 2x',
		);
		const img = doc.querySelector('img')!;
		expect(img.getAttribute('src')).toBe('https://news.example/articles/2026/01/story/img/p.jpg');
		expect(img.getAttribute('srcset')).toBe(
			'https://news.example/articles/2026/01/story/img/p-480.jpg 480w, https://news.example/img/p-800.jpg 800w',
		);
		expect(img.getAttribute('alt')).toBe('A pier');
		expect(img.getAttribute('sizes')).toBe('100vw');
		const video = doc.querySelector('video')!;
		expect([video.getAttribute('src'), video.getAttribute('poster')]).toEqual([
			'https://news.example/clip.mp4',
			'https://news.example/clip.jpg',
		]);
		expect(doc.querySelector('blockquote')?.getAttribute('cite')).toBe('https://news.example/source/');
	});

	it('drops scripts and styles and keeps the rest of the article', () => {
		expect(doc.querySelectorAll('script, style')).toHaveLength(0);
		expect([...doc.querySelectorAll('p')].at(-1)?.textContent).toBe('After');
	});

	it('drops characters XML cannot carry and keeps markup characters as text', () => {
		const cleaned = toFeedHtml('<p title="a\u0001b">x &amp; y &lt; z ]]&gt;\u0002\u001F</p>', page);
		const p = dom(cleaned).querySelector('p')!;
		expect(p.textContent).toBe('x & y < z ]]>');
		expect(p.getAttribute('title')).toBe('ab');
		expect(cleaned).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
	});
});

describe('consent embeds in feeds', () => {
	it('become a link to the content on its own site: a feed reader cannot ask for consent', () => {
		const html =
			'<p>Before.</p><newsroom-embed data-consent="marketing" data-title="The launch &amp; more" data-provider="YouTube" data-link="https://www.youtube.com/watch?v=x"><div class="placeholder"><button>Allow Marketing and load</button></div><template><iframe src="https://www.youtube-nocookie.com/embed/x" title="The launch"></iframe></template></newsroom-embed><p>After.</p>';
		expect(toFeedHtml(html, 'https://news.example/articles/a/')).toBe(
			'<p>Before.</p><p><a href="https://www.youtube.com/watch?v=x">The launch &#x26; more</a> (YouTube)</p><p>After.</p>',
		);
	});
});
