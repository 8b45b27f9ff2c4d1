// The browser half of <CookieConsent />: the only JavaScript on most pages, so every byte counts (budget: 2 KB
// gzipped, asserted by tests/browser/consent.test.ts). The rules live in the pure, unit-tested `rules.ts`.
import {
	CONSENT_COOKIE,
	CONSENT_MODE_GATE,
	consentCookie,
	cookieJar,
	googleConsentState,
	grantedCategories,
	isConsented,
	matches,
	storedChoice,
	refusedItems,
	type ConsentChoice,
	type IslandConfig,
} from './rules.ts';

declare global {
	interface Window {
		dataLayer?: unknown[];
	}
	interface Navigator {
		globalPrivacyControl?: boolean;
	}
}

/** Google's `gtag()`: Consent Mode reads `arguments` objects from `dataLayer`, so this cannot be an arrow. */
function gtag(..._: unknown[]) {
	(window.dataLayer ||= []).push(arguments);
}

let activation = Promise.resolve();

/**
 * Turns `<script type="text/plain" data-consent="…">` into live scripts once their categories are granted, one at a
 * time in document order, waiting for each external one to load or fail (so `src=lib` then inline `lib.init()`
 * works). `data-type` becomes the live script's type (modules); `nonce`, `integrity` and every other attribute are
 * copied. A script is replaced when it runs, so it never runs twice.
 */
function activate(granted: string[]) {
	activation = activation.then(async () => {
		for (const inert of document.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-consent]')) {
			if (!isConsented(inert.dataset['consent']!, granted)) continue;
			const live = document.createElement('script');
			for (const { name, value } of inert.attributes) live.setAttribute(name, value);
			live.type = inert.dataset['type'] ?? '';
			// The browser hides a parsed nonce from the attribute; the property keeps it.
			live.nonce = inert.nonce;
			live.text = inert.text;
			const done = live.src && new Promise((resolve) => (live.onload = live.onerror = resolve));
			inert.replaceWith(live);
			await done;
		}
	});
}

/** Deletes what the refused categories store: cookies on every path and domain they may be on, and storage keys. */
function purge(categories: IslandConfig['categories'], granted: string[]) {
	const present = Object.keys(cookieJar(document.cookie));
	for (const { name, type, scopes } of refusedItems(categories, granted)) {
		if (type !== 'cookie') {
			const storage = window[type];
			for (const key of Object.keys(storage)) if (matches(name, key)) storage.removeItem(key);
		}
		// `Secure` on a secure page, or a `__Secure-` or `__Host-` cookie cannot be deleted.
		for (const cookie of name.endsWith('*') ? present.filter((candidate) => matches(name, candidate)) : [name]) {
			for (const scope of scopes) document.cookie = `${cookie}=;Max-Age=0${scope}${isSecureContext ? ';Secure' : ''}`;
		}
	}
}

/** Loads the embeds (`<newsroom-embed data-consent>`, see ConsentEmbed.astro) whose categories are granted. */
function loadEmbeds(granted: string[]) {
	for (const embed of document.querySelectorAll<HTMLElement>('newsroom-embed[data-consent]')) {
		if (isConsented(embed.dataset['consent']!, granted)) {
			embed.replaceChildren(embed.querySelector('template')!.content);
			embed.removeAttribute('data-consent');
		}
	}
}

/**
 * `<newsroom-consent>`: shows the banner when no current choice is stored, stores the reader's choice with a random
 * consent id, deletes what refused categories store (on every page load too), activates gated scripts and embeds,
 * tells Google Consent Mode, the site's consent log and site code (`newsroom:consent`), and reloads the page when a
 * category that was running is withdrawn (running tags cannot be stopped otherwise).
 */
class NewsroomConsent extends HTMLElement {
	connectedCallback() {
		const { revision, maxAge, googleConsentMode: mode, googleTypes, categories, log }: IslandConfig = JSON.parse(
			this.dataset['config']!,
		);
		const banner = this.querySelector('section')!;
		const dialog = this.querySelector('dialog')!;
		const saved = this.querySelector<HTMLElement>('[role=status]')!;
		const boxes = [...dialog.querySelectorAll('input')];
		const root = document.documentElement;
		const gpc = navigator.globalPrivacyControl === true;
		const required = grantedCategories(categories, [], false);
		let current = storedChoice(cookieJar(document.cookie)[CONSENT_COOKIE], revision, maxAge, Date.now());

		const store = (choice: ConsentChoice) => {
			current = choice;
			document.cookie = consentCookie(choice, maxAge, isSecureContext);
		};
		const settle = (choice: ConsentChoice | undefined, decision: 'new' | 'replay') => {
			const granted = choice?.categories ?? required;
			purge(categories, granted);
			if (mode && choice) gtag('consent', 'update', googleConsentState(categories, googleTypes, granted));
			activate(mode === 'advanced' ? [...granted, CONSENT_MODE_GATE] : granted);
			loadEmbeds(granted);
			if (choice) this.dispatchEvent(new CustomEvent('newsroom:consent', { bubbles: true, detail: { ...choice, decision } }));
		};
		const choose = (requested: string[]) => {
			const running = current?.categories ?? required;
			const granted = grantedCategories(categories, requested, gpc);
			const choice: ConsentChoice = {
				revision,
				timestamp: new Date().toISOString(),
				// The decision's id in the consent log: 122 random bits (news sites are served over https, where it exists).
				id: crypto.randomUUID(),
				categories: granted,
				// Whether the signal refused something the reader asked for.
				gpc: granted.length < grantedCategories(categories, requested, false).length,
			};
			store(choice);
			if (log) navigator.sendBeacon(log, JSON.stringify(choice));
			banner.hidden = true;
			settle(choice, 'new');
			// A withdrawn category's tags are running: only a new page stops them.
			if (running.some((id) => !granted.includes(id))) location.reload();
			// A short confirmation, read out by screen readers (a status region).
			saved.textContent = saved.dataset['text']!;
			setTimeout(() => (saved.textContent = ''), 6000);
		};
		const answer = (value: string) =>
			choose(
				value === 'all'
					? categories.map((category) => category.id)
					: value === 'none'
						? []
						: boxes.filter((box) => box.checked).map((box) => box.value),
			);

		if (gpc) {
			root.classList.add('newsroom-gpc');
			for (const box of dialog.querySelectorAll<HTMLInputElement>('[data-gpc]')) box.disabled = true;
			// A choice stored before the signal was sent keeps what GPC allows, and says it was overridden.
			if (current) {
				const allowed = grantedCategories(categories, current.categories, true);
				if (allowed.length < current.categories.length) store({ ...current, categories: allowed, gpc: true });
			}
		}
		// Consent Mode defaults go first, before any (gated) Google tag can run.
		if (mode) gtag('consent', 'default', googleConsentState(categories, googleTypes, required));
		settle(current, 'replay');
		if (!current) banner.hidden = false;
		// Keep the end of the page and focused controls clear of the banner, however tall it wraps.
		new ResizeObserver(() => (root.style.scrollPaddingBottom = banner.hidden ? '' : `${banner.offsetHeight}px`)).observe(
			banner,
		);

		// `submit`, not `close`: it fires synchronously with the click, `close` only in a later task.
		dialog.addEventListener('submit', (event) => {
			const value = ((event as SubmitEvent).submitter as HTMLButtonElement).value;
			if (value) answer(value);
		});
		document.addEventListener('click', (event) => {
			const target = event.target as HTMLButtonElement;
			// The banner's Accept all and Reject all.
			if (banner.contains(target) && target.value) answer(target.value);
			// An embed's "load" button asks for its category, in place, as a new decision.
			const ask = target.closest<HTMLElement>('[data-consent-ask]');
			if (ask) choose([...(current?.categories ?? required), ...ask.dataset['consentAsk']!.split(' ')]);
			// Any `[data-consent-open]` control opens the settings: the banner's and the footer's "Cookie settings".
			if (!target.closest('[data-consent-open]')) return;
			const granted = current?.categories ?? required;
			for (const box of boxes) box.checked = granted.includes(box.value);
			dialog.showModal();
		});
	}
}

customElements.define('newsroom-consent', NewsroomConsent);
