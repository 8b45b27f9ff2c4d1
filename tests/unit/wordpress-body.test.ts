import { describe, expect, it } from 'vitest';
import { convertBody, type BodyContext } from '../../integrations/newsroom/wordpress/body.ts';
import { expandShortcodes, shortcodeAttributes } from '../../integrations/newsroom/wordpress/shortcodes.ts';

/** WordPress bodies to Markdown: auto-paragraphs, blocks, shortcodes, and what the article page needs. */
const context: BodyContext = {
	attachment: (id) =>
		id === 7
			? { url: 'https://old.example/wp-content/uploads/2024/01/boat.jpg', alt: 'A boat', caption: 'At sea' }
			: undefined,
	children: () => [7],
	reusable: (id) => (id === 9 ? '<!-- wp:paragraph --><p>Shared words.</p><!-- /wp:paragraph -->' : undefined),
	image: ({ src, alt }) => ({
		src: src.replace('https://old.example/wp-content/uploads/', '../assets/'),
		alt: alt ?? '',
	}),
	link: (href) => (href === 'https://old.example/2024/01/02/other/' ? '/articles/2024/01/other/' : href),
};
const md = (html: string) => convertBody(html, context).markdown;

describe('classic bodies', () => {
	it("adds WordPress's paragraphs and line breaks, but not inside <pre>", () => {
		expect(md('First line\nsecond line.\n\nNext paragraph.\n<pre>code\n\nstays</pre>\nAfter.')).toBe(
			'First line\\\nsecond line.\n\nNext paragraph.\n\n```\ncode\n\nstays\n```\n\nAfter.\n',
		);
	});

	it('keeps the outline valid under the headline: h1 becomes h2, no level is skipped', () => {
		expect(md('<h1>Top</h1>\n<h4>Deep</h4>\n<h2>Back</h2>\n<h6>Deeper</h6>')).toBe(
			'## Top\n\n### Deep\n\n## Back\n\n### Deeper\n',
		);
	});

	it('converts lists, quotes, tables and code, and keeps emphasis spacing outside the markers', () => {
		expect(md('<ul>\n<li>One</li>\n<li>Two\n<ol><li>Nested</li></ol></li>\n</ul>')).toBe('- One\n- Two\n  1. Nested\n');
		expect(md('<blockquote>Said.\n\nTwice.</blockquote>')).toBe('> Said.\n>\n> Twice.\n');
		expect(md('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>')).toBe(
			'| A | B |\n| - | - |\n| 1 | 2 |\n',
		);
		expect(md('Use <code>npm</code>, <em>now, </em>please.')).toBe('Use `npm`, _now,_ please.\n');
	});

	it('links: an old permalink becomes the article URL, an image linked to its file is the image alone', () => {
		expect(md('See <a href="https://old.example/2024/01/02/other/" target="_blank">this</a>.')).toBe(
			'See [this](/articles/2024/01/other/).\n',
		);
		expect(
			md(
				'<a href="https://old.example/wp-content/uploads/2024/01/boat.jpg"><img src="https://old.example/wp-content/uploads/2024/01/boat-300x200.jpg" alt="Boat" /></a>',
			),
		).toBe('![Boat](../assets/2024/01/boat-300x200.jpg)\n');
	});

	it('a URL alone on its line (an auto-embed) and an iframe become links', () => {
		expect(
			md(
				'Watch:\n\nhttps://www.youtube.com/watch?v=x\n\n<iframe src="https://player.example/1" title="Clip"></iframe>',
			),
		).toBe('Watch:\n\n<https://www.youtube.com/watch?v=x>\n\n[Clip](https://player.example/1)\n');
	});

	it('drops scripts, styles and comments such as <!--more-->', () => {
		expect(md('Intro<!--more-->\n\n<script>alert(1)</script><style>p{}</style>Rest')).toBe('Intro\n\nRest\n');
	});
});

describe('shortcodes', () => {
	it('reads attributes as WordPress does', () => {
		expect(shortcodeAttributes(' id="a" width=300 caption=\'It&#039;s\' flag')).toEqual({
			id: 'a',
			width: '300',
			caption: "It's",
			'0': 'flag',
		});
	});

	it('[caption] becomes the image and its caption; [gallery] its attachments; [embed] a link', () => {
		expect(
			md(
				'[caption id="attachment_7" width="300"]<img src="https://old.example/wp-content/uploads/2024/01/boat.jpg" alt="" class="wp-image-7" /> A boat at sea[/caption]',
			),
		).toBe('![](../assets/2024/01/boat.jpg)\n\n_A boat at sea_\n');
		expect(md('[gallery]')).toBe('![A boat](../assets/2024/01/boat.jpg)\n\n_At sea_\n');
		expect(md('[embed]https://video.example/v/1[/embed]')).toBe('<https://video.example/v/1>\n');
	});

	it('[audio] and [video] keep a player with a link, as HTML', () => {
		expect(md('[video src="https://old.example/clip.mp4"]')).toBe(
			'<div class="wp-html"><figure class="wp-video"><video controls preload="metadata" src="https://old.example/clip.mp4"><a href="https://old.example/clip.mp4">clip.mp4</a></video></figure></div>\n',
		);
	});

	it('keeps an unknown shortcode as written and counts it; [[escaped]] shows one pair of brackets; [sic] is text', () => {
		const result = convertBody('[contact-form id="3"] and [[caption]] and [sic]', context);
		expect(result.markdown).toBe('\\[contact-form id="3"] and \\[caption] and \\[sic]\n');
		expect(result.kept).toEqual(new Map([['[contact-form]', 1]]));
		expect(expandShortcodes('[[gallery]]', { ...context, unknown: () => undefined })).toBe('[gallery]');
	});
});

describe('Gutenberg blocks', () => {
	it('takes the content of core blocks, flattens columns, and drops block comments', () => {
		const html = `<!-- wp:columns --><div class="wp-block-columns"><!-- wp:column --><div class="wp-block-column"><!-- wp:paragraph --><p>Left</p><!-- /wp:paragraph --></div><!-- /wp:column --><!-- wp:column --><div class="wp-block-column"><!-- wp:heading --><h2>Right</h2><!-- /wp:heading --></div><!-- /wp:column --></div><!-- /wp:columns --><!-- wp:separator --><hr class="wp-block-separator"/><!-- /wp:separator --><!-- wp:spacer {"height":"40px"} --><div style="height:40px" aria-hidden="true" class="wp-block-spacer"></div><!-- /wp:spacer -->`;
		expect(md(html)).toBe('Left\n\n## Right\n\n---\n');
	});

	it('pullquote and quote become quotes; verse keeps its lines; buttons become links; embeds links', () => {
		expect(
			md(
				'<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>Loud.</p><cite>Her</cite></blockquote></figure><!-- /wp:pullquote -->',
			),
		).toBe('> Loud.\n>\n> Her\n');
		expect(md('<!-- wp:verse --><pre class="wp-block-verse">Roses\nare red</pre><!-- /wp:verse -->')).toBe(
			'Roses\\\nare red\n',
		);
		expect(
			md(
				'<!-- wp:buttons --><div class="wp-block-buttons"><!-- wp:button --><div class="wp-block-button"><a class="wp-block-button__link" href="https://old.example/subscribe">Subscribe</a></div><!-- /wp:button --></div><!-- /wp:buttons -->',
			),
		).toBe('[Subscribe](https://old.example/subscribe)\n');
		expect(
			md(
				'<!-- wp:embed {"url":"https://twitter.com/x/status/1"} --><figure class="wp-block-embed"><div class="wp-block-embed__wrapper">https://twitter.com/x/status/1</div><figcaption>A post</figcaption></figure><!-- /wp:embed -->',
			),
		).toBe('<https://twitter.com/x/status/1>\n\nA post\n');
	});

	it('an image block: the image and its caption', () => {
		expect(
			md(
				'<!-- wp:image {"id":7} --><figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/2024/01/boat.jpg" alt="" class="wp-image-7"/><figcaption>At sea</figcaption></figure><!-- /wp:image -->',
			),
		).toBe('![](../assets/2024/01/boat.jpg)\n\n_At sea_\n');
	});

	it('inlines a reusable block; keeps an unknown block as HTML and drops a dynamic one, counting both', () => {
		const result = convertBody(
			'<!-- wp:block {"ref":9} /--><!-- wp:jetpack/map {"zoom":3} --><div class="wp-block-jetpack-map">Map</div><!-- /wp:jetpack/map --><!-- wp:archives /--><!-- wp:block {"ref":404} /-->',
			context,
		);
		expect(result.markdown).toBe(
			'Shared words.\n\n<div class="wp-html"><div class="wp-block-jetpack-map">Map</div></div>\n',
		);
		expect(result.kept).toEqual(new Map([['jetpack/map', 1]]));
		expect(result.dropped).toEqual(
			new Map([
				['core/archives', 1],
				['core/block', 1],
			]),
		);
	});

	it('kept HTML never holds a blank line (it would end the HTML block in Markdown)', () => {
		const result = convertBody(
			'<!-- wp:html --><div>\n\n<p>One</p>\n\n<pre>a\n\nb</pre>\n</div><!-- /wp:html -->',
			context,
		);
		expect(result.markdown).toBe('<div class="wp-html"><div><p>One</p><pre>a\n&#10;b</pre></div></div>\n');
		expect(result.kept).toEqual(new Map([['core/html', 1]]));
	});
});

describe('what the article page needs from kept and linked images', () => {
	it('a cover block is its image, then its content (not a CSS background without alt text)', () => {
		const html =
			'<!-- wp:cover {"url":"https://old.example/wp-content/uploads/2024/01/boat.jpg","id":7} --><div class="wp-block-cover"><span class="wp-block-cover__background has-background-dim"></span><div role="img" class="wp-block-cover__image-background wp-image-7" style="background-image:url(https://old.example/wp-content/uploads/2024/01/boat.jpg)"></div><div class="wp-block-cover__inner-container"><!-- wp:paragraph --><p>Over the water</p><!-- /wp:paragraph --></div></div><!-- /wp:cover -->';
		const result = convertBody(html, context);
		expect(result.markdown).toBe('![](../assets/2024/01/boat.jpg)\n\nOver the water\n');
		expect(result.kept).toEqual(new Map());
	});

	it('a link around an image without alt text would have no name: the image stands alone', () => {
		expect(
			md(
				'<a href="https://old.example/gallery/boat/"><img src="https://old.example/wp-content/uploads/2024/01/boat.jpg" alt="" /></a>',
			),
		).toBe('![](../assets/2024/01/boat.jpg)\n');
		expect(
			md(
				'<a href="https://old.example/gallery/boat/"><img src="https://old.example/wp-content/uploads/2024/01/boat.jpg" alt="A boat" /></a>',
			),
		).toBe('[![A boat](../assets/2024/01/boat.jpg)](https://old.example/gallery/boat/)\n');
	});
});
