// @ts-check
/**
 * The search page's script, run in the reader's browser. It is copied beside the Pagefind index
 * (`/pagefind/newsroom-search.js`, see index-site.ts) rather than bundled by Vite: it loads Pagefind's module from
 * there with a plain `import()`. It reads the query and filters from the address, fills the form with them, asks
 * the index and lists the results. Result text is copied as text, with only Pagefind's `<mark>` highlights rebuilt
 * as elements: nothing from the index is parsed into the page as HTML.
 */

/** @typedef {{ url: string, excerpt: string, meta: { title?: string, date?: string } }} PagefindResult */

const FILTERS = ['section', 'author', 'year'];
const PAGE_SIZE = 20;

/** @param {HTMLElement} element */
async function runSearch(element) {
	const params = new URLSearchParams(location.search);
	const form = /** @type {HTMLFormElement} */ (element.querySelector('form'));
	for (const name of ['q', 'sort', ...FILTERS]) {
		const field = /** @type {HTMLInputElement | null} */ (form.elements.namedItem(name));
		const value = params.get(name);
		if (field && value) field.value = value;
	}
	const query = params.get('q')?.trim() ?? '';
	/** @type {Record<string, string>} */
	const filters = {};
	for (const name of FILTERS) {
		const value = params.get(name);
		if (value) filters[name] = value;
	}
	if (!query && Object.keys(filters).length === 0) return;
	const status = /** @type {HTMLElement} */ (element.querySelector('.search-status'));
	const list = /** @type {HTMLElement} */ (element.querySelector('.search-results'));
	const { base = '/', loading = '', none = '', resultForms = '{}' } = element.dataset;
	/** The count's words per plural category of the page's language (`labels.searchResults`). */
	const forms = JSON.parse(resultForms);
	const plurals = new Intl.PluralRules(document.documentElement.lang || undefined);
	status.textContent = loading;
	const pagefind = await import(new URL('pagefind.js', import.meta.url).href);
	await pagefind.options({ baseUrl: base });
	const search = await pagefind.search(query || null, {
		filters,
		...(params.get('sort') === 'date' ? { sort: { date: 'desc' } } : {}),
	});
	/** @type {PagefindResult[]} */
	const results = await Promise.all(search.results.slice(0, PAGE_SIZE).map((/** @type {{ data(): Promise<PagefindResult> }} */ result) => result.data()));
	const count = search.results.length;
	status.textContent =
		count === 0 ? none : (forms[plurals.select(count)] ?? forms.other ?? '').replace('{count}', count.toLocaleString(document.documentElement.lang || undefined));
	list.replaceChildren(...results.map(resultItem));
}

/** @param {PagefindResult} result */
function resultItem(result) {
	const item = document.createElement('li');
	item.className = 'card';
	const heading = document.createElement('h2');
	const link = document.createElement('a');
	link.href = result.url;
	link.textContent = result.meta.title ?? result.url;
	heading.append(link);
	const excerpt = document.createElement('p');
	excerpt.append(...highlighted(result.excerpt));
	item.append(heading, excerpt);
	if (result.meta.date) {
		const date = document.createElement('p');
		date.className = 'search-date';
		date.textContent = result.meta.date;
		item.append(date);
	}
	return item;
}

/**
 * Pagefind's excerpt (escaped text with `<mark>` around the matches) as text nodes and `<mark>` elements.
 * @param {string} excerpt
 */
function highlighted(excerpt) {
	const parsed = new DOMParser().parseFromString(excerpt, 'text/html').body;
	return [...parsed.childNodes].map((node) => {
		if (node.nodeName === 'MARK') {
			const mark = document.createElement('mark');
			mark.textContent = node.textContent;
			return mark;
		}
		return document.createTextNode(node.textContent ?? '');
	});
}

customElements.define(
	'newsroom-search',
	class extends HTMLElement {
		connectedCallback() {
			void runSearch(this);
		}
	},
);
