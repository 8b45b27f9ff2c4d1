/**
 * The language code Google News expects for a BCP 47 locale: the ISO 639 code ("en-US" → "en"), except Chinese,
 * which is "zh-cn" (simplified) or "zh-tw" (traditional).
 */
export function newsLanguage(locale: string): string {
	const { language, script } = new Intl.Locale(locale).maximize();
	if (language === 'zh') return script === 'Hant' ? 'zh-tw' : 'zh-cn';
	return language;
}
