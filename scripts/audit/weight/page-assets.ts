import { parseHTML } from 'linkedom';

/** The CSS and JavaScript a page loads: inline code, and the URLs of external files. */
export interface PageAssets {
	inlineScripts: string[];
	scriptUrls: string[];
	inlineStyles: string[];
	styleUrls: string[];
}

/** Script types that are data, not code (JSON-LD, import maps, speculation rules). */
const dataScript = /json|importmap|speculationrules/i;
/** Script types a browser runs; `text/plain` counts only as a consent-gated tag, which the consent island runs once allowed. */
const codeScript = /^(|module|(text|application)\/(java|ecma)script)$/i;

/**
 * What an HTML page loads: `<script>` code (inline or `src`, including consent-gated tags, not JSON-LD),
 * `<link rel="modulepreload">`, `<style>` and `<link rel="stylesheet">`.
 */
export function pageAssets(html: string): PageAssets {
	const { document } = parseHTML(html);
	const assets: PageAssets = { inlineScripts: [], scriptUrls: [], inlineStyles: [], styleUrls: [] };
	for (const script of document.querySelectorAll('script')) {
		const type = (script.getAttribute('type') ?? '').trim();
		if (dataScript.test(type)) continue;
		if (!codeScript.test(type) && !script.hasAttribute('data-consent')) continue;
		const src = script.getAttribute('src');
		if (src) assets.scriptUrls.push(src);
		else assets.inlineScripts.push(script.textContent ?? '');
	}
	for (const link of document.querySelectorAll('link[rel][href]')) {
		const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
		const href = link.getAttribute('href') ?? '';
		if (rel.includes('stylesheet')) assets.styleUrls.push(href);
		else if (rel.includes('modulepreload')) assets.scriptUrls.push(href);
	}
	for (const style of document.querySelectorAll('style')) assets.inlineStyles.push(style.textContent ?? '');
	return assets;
}
