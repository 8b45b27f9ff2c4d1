// @ts-check
/**
 * The search page's script, run in the reader's browser. It is copied beside the Pagefind index
 * (`/pagefind/newsroom-search.js`, see index-site.ts) rather than bundled by Vite: it loads Pagefind's module from
 * there with a plain `import()`, and merges into it the index of every other year listed in `parts.json` (one
 * Pagefind index per year, see index-site.ts). It reads the query and filters from the address, fills the form with
 * them, asks the index and lists the results. Result text is copied as text, with only Pagefind's `<mark>` highlights rebuilt
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
	// The years' indexes, newest first; the newest is this folder's. Should the list not load (a deployment half
	// done, say), the newest year is still searched rather than none.
	/** @type {{ path: string }[]} */
	const parts = await fetch(new URL('parts.json', import.meta.url))
		.then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
		.then((listed) => listed.parts)
		.catch(() => [{ path: '' }]);
	// The other years merged into this one (one query, one WebAssembly module), each tagged with a `part` filter
	// of its own: its place in the list.
	await pagefind.options({ baseUrl: base, mergeFilter: { part: '0' } });
	await Promise.all(
		parts.slice(1).map((part, i) => pagefind.mergeIndex(new URL(part.path, import.meta.url).pathname, { baseUrl: base, mergeFilter: { part: String(i + 1) } })),
	);
	const term = query || null;
	const search = await pagefind.search(term, { filters });
	const found = params.get('sort') === 'date' ? await newestFirst(pagefind, term, filters, parts.length) : search.results;
	/** @type {PagefindResult[]} */
	const results = await Promise.all(found.slice(0, PAGE_SIZE).map((/** @type {{ data(): Promise<PagefindResult> }} */ result) => result.data()));
	const count = search.results.length;
	status.textContent =
		count === 0 ? none : (forms[plurals.select(count)] ?? forms.other ?? '').replace('{count}', count.toLocaleString(document.documentElement.lang || undefined));
	list.replaceChildren(...results.map(resultItem));
}

/**
 * The first page of results by date, newest first. Pagefind sorts within one index and merges indexes by score, so
 * the years are asked one at a time (their `part` filter), newest first, until a page is full.
 * @param {{ search(term: string | null, options: object): Promise<{ results: { data(): Promise<PagefindResult> }[] }> }} pagefind
 * @param {string | null} term
 * @param {Record<string, string>} filters
 * @param {number} partCount
 */
async function newestFirst(pagefind, term, filters, partCount) {
	const results = [];
	for (let part = 0; part < partCount && results.length < PAGE_SIZE; part++) {
		const inPart = await pagefind.search(term, { filters: { ...filters, part: String(part) }, sort: { date: 'desc' } });
		results.push(...inPart.results);
	}
	return results;
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
