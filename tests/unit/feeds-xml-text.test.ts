import { describe, expect, it } from 'vitest';
import { xmlText } from '../../integrations/newsroom/core/text.ts';

describe('xmlText (characters XML 1.0 cannot carry)', () => {
	it('drops C0 control characters but keeps tab, line feed and carriage return', () => {
		const controls = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('');
		expect(xmlText(`a${controls}b`)).toBe('a\t\n\rb');
	});

	it('drops U+FFFE, U+FFFF and lone surrogates', () => {
		expect(xmlText('a\uFFFEb\uFFFFc')).toBe('abc');
		expect(xmlText('a\uD800b\uDFFFc')).toBe('abc');
	});

	it('keeps everything XML allows: markup characters, DEL, non-breaking space, CJK and emoji', () => {
		const allowed = '& < > ]]> " \' \u007F \u00A0 習近平 🚀 \uFFFD';
		expect(xmlText(allowed)).toBe(allowed);
	});
});
