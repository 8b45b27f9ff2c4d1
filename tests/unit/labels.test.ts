import { describe, expect, it } from 'vitest';
import { bindLabels, fillLabel, LABEL_DEFAULTS, textDirection } from '../../integrations/newsroom/core/labels.ts';
import { resolveOptions } from '../../integrations/newsroom/options.ts';

/** The `labels` option: English defaults, per-key overrides, plurals and lists in the site's locale, direction. */
const options = (labels?: Record<string, unknown>, locale = 'en-US') =>
	resolveOptions({ name: 'The Daily', locale, consent: { contact: 'privacy@daily.example' }, ...(labels ? { labels } : {}) } as never);

describe('the labels option', () => {
	it('defaults every key to English and overrides one key without touching the others', () => {
		expect(options().labels).toEqual(LABEL_DEFAULTS);
		const labels = options({ published: 'Diterbitkan' }).labels;
		expect(labels.published).toBe('Diterbitkan');
		expect(labels.updated).toBe('Updated');
	});

	it('names an unknown key, an empty label and a plural without "other"', () => {
		expect(() => options({ publishd: 'x' })).toThrowErrorMatchingInlineSnapshot(`
			[AstroUserError: Invalid options passed to the newsroom integration:
			**labels.publishd**: unknown option (check the spelling)]
		`);
		expect(() => options({ published: '' })).toThrow('**labels.published**: expected text (this label cannot be empty)');
		expect(() => options({ liveUpdates: { one: '{count} kemas kini' } })).toThrow('labels.liveUpdates.other');
	});
});

describe('bindLabels', () => {
	it('fills {values}, and leaves an unknown one as written', () => {
		expect(fillLabel('Page {page} of {pages}', { page: 2, pages: 5 })).toBe('Page 2 of 5');
		expect(fillLabel('{nope} stays', {})).toBe('{nope} stays');
	});

	it('chooses plural forms with the site locale and formats the count in it', () => {
		const en = bindLabels(options().labels, 'en-US');
		expect(en.count('liveUpdates', 1)).toBe('1 update');
		expect(en.count('liveUpdates', 1200)).toBe('1,200 updates');
		const ar = bindLabels(options({ liveUpdates: { one: 'تحديث واحد', two: 'تحديثان', few: '{count} تحديثات', other: '{count} تحديث' } }, 'ar').labels, 'ar');
		expect(ar.count('liveUpdates', 2)).toBe('تحديثان');
		expect(ar.count('liveUpdates', 3)).toBe('3 تحديثات');
	});

	it('joins lists as the locale does', () => {
		const joined = (locale: string) =>
			bindLabels(options(undefined, locale).labels, locale)
				.listParts(['A', 'B', 'C'])
				.map((part) => part.value)
				.join('');
		expect(joined('en-US')).toBe('A, B, and C');
		expect(joined('ms-MY')).toBe('A, B dan C');
		expect(joined('ja-JP')).toBe('A、B、C');
	});

	it('splits a label around markup it wraps', () => {
		const labels = bindLabels(options().labels, 'en-US');
		expect(labels.split('byline', 'authors')).toEqual(['By ', '']);
		expect(labels.split('movedText', 'link')).toEqual(['It is now at ', '.']);
	});

	it('shows a kind of story by its label, and plain news with none', () => {
		const labels = bindLabels(options().labels, 'en-US');
		expect(['news', 'analysis', 'opinion', 'review', 'sponsored'].map(labels.kind)).toEqual(['', 'Analysis', 'Opinion', 'Review', 'Sponsored']);
	});
});

describe('textDirection', () => {
	it('is rtl for locales written right to left, by their script', () => {
		expect(['ar', 'he-IL', 'fa', 'ur-PK', 'ps', 'ckb', 'yi'].map(textDirection)).toEqual(Array(7).fill('rtl'));
		expect(['en-US', 'ms-MY', 'ja-JP', 'zh-TW', 'hi-IN'].map(textDirection)).toEqual(Array(5).fill('ltr'));
		expect(textDirection('az-Arab')).toBe('rtl');
	});
});
