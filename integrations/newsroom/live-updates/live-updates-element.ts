// The browser half of <LiveUpdates />, on live blogs that are live only (the `liveUpdates` option): polls the blog's
// updates.json while the tab is visible and tells the reader how many entries were added since the page loaded.
// Small by design (the live page type's budget: tests/unit/audit-weight.test.ts); the rules live in `updates.ts`.
import { hasEnded, newUpdates, pluralText } from './updates.ts';

// The notice's look travels with its script, so pages without the island carry none of it. A constructed
// stylesheet is not an inline style: the Content-Security-Policy allows it. Fixed at the top, over the page: the
// notice never moves the text being read (no layout shift); empty, it is an invisible live region.
const sheet = new CSSStyleSheet();
sheet.replaceSync(
	'newsroom-live-updates>p{position:fixed;z-index:90;top:.75rem;inset-inline:0;margin:0 auto;width:max-content;max-width:90vw;display:flex;align-items:center;gap:.75rem}' +
		'newsroom-live-updates>p:not(:empty){padding:.25rem;padding-inline-start:1rem;border-radius:2rem;background:var(--ink,#111);color:var(--paper,#fff);box-shadow:0 .25rem 1rem #0004}' +
		'newsroom-live-updates button{font:inherit;font-weight:700;min-height:2.75rem;padding:0 1rem;border:2px solid;border-radius:2rem;background:0 0;color:inherit;cursor:pointer}',
);

class LiveUpdatesNotice extends HTMLElement {
	#timer: ReturnType<typeof setTimeout> | undefined;
	#lastPoll = 0;
	#stopped = false;
	#shown = -1;
	#newest = '';
	#status = document.createElement('p');
	#count = document.createElement('span');
	#button = document.createElement('button');
	#onVisibility = () => this.#wake();

	connectedCallback() {
		document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter((other) => other !== sheet), sheet];
		this.#status.setAttribute('role', 'status');
		this.#status.setAttribute('aria-live', 'polite');
		this.#count.id = 'newsroom-live-updates-count';
		this.#button.type = 'button';
		this.#button.textContent = this.dataset['show'] ?? '';
		this.#button.setAttribute('aria-describedby', this.#count.id);
		this.#button.onclick = () => this.#reload();
		this.replaceChildren(this.#status);
		this.#stopped = false;
		this.#lastPoll = Date.now();
		document.addEventListener('visibilitychange', this.#onVisibility);
		this.#wait(this.#every());
	}

	disconnectedCallback() {
		this.#stop();
	}

	#every(): number {
		return Math.max(10, Number(this.dataset['every']) || 30) * 1000;
	}

	/** Hidden: no polling. Visible again: poll now if a whole interval has passed, else wait for the rest of it. */
	#wake() {
		clearTimeout(this.#timer);
		if (this.#stopped || document.visibilityState !== 'visible') return;
		this.#wait(this.#every() - (Date.now() - this.#lastPoll));
	}

	#wait(delay: number) {
		clearTimeout(this.#timer);
		if (this.#stopped || document.visibilityState !== 'visible') return;
		this.#timer = setTimeout(() => void this.#poll(), Math.max(0, delay));
	}

	async #poll() {
		this.#lastPoll = Date.now();
		try {
			// Revalidated each time: the browser may not answer from its own cache; the CDN keeps it 30 seconds.
			const response = await fetch(this.dataset['src']!, { cache: 'no-cache' });
			// Gone (unpublished): nothing more to tell.
			if (response.status === 404 || response.status === 410) return this.#stop();
			if (response.ok) {
				const file: unknown = await response.json();
				this.#show(newUpdates(file, (id) => document.getElementById(id) !== null));
				if (hasEnded(file)) return this.#stop();
			}
		} catch {
			// Offline or a broken response: try again at the next poll.
		}
		this.#wait(this.#every());
	}

	#show(fresh: string[]) {
		if (fresh.length === this.#shown) return;
		this.#shown = fresh.length;
		this.#newest = fresh[0] ?? '';
		if (fresh.length === 0) return this.#status.replaceChildren();
		this.#count.textContent = pluralText(JSON.parse(this.dataset['forms'] ?? '{}'), fresh.length, document.documentElement.lang || undefined);
		// Shown once, then only its words change: a reader's focus on the button stays there.
		if (!this.#button.isConnected) this.#status.replaceChildren(this.#count, ' ', this.#button);
	}

	/** The page again, scrolled to the newest entry it did not show (not back to where the reader was). */
	#reload() {
		history.scrollRestoration = 'manual';
		history.replaceState(history.state, '', `#${encodeURIComponent(this.#newest)}`);
		location.reload();
	}

	#stop() {
		this.#stopped = true;
		clearTimeout(this.#timer);
		document.removeEventListener('visibilitychange', this.#onVisibility);
	}
}

customElements.define('newsroom-live-updates', LiveUpdatesNotice);
