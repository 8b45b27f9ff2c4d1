// The browser half of <CookieConsent />: the only JavaScript on the page, so every byte counts (budget: 2 KB
// gzipped, asserted by tests/browser/consent.test.ts). The rules live in the pure, unit-tested `rules.ts`.
import {
	CONSENT_COOKIE,
	consentCookie,
	cookieDeletions,
	cookieNames,
	googleConsentState,
	grantedCategories,
	isConsented,
	parseChoice,
	readCookie,
	refusedCookieNames,
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

/** Turns `<script type="text/plain" data-consent="…">` into live scripts once their categories are granted. */
function activate(granted: string[]) {
	for (const inert of document.querySelectorAll<HTMLScriptElement>('script[type="text/plain"][data-consent]')) {
		if (!isConsented(inert.dataset['consent']!, granted)) continue;
		const live = document.createElement('script');
		// Keep document order between activated `src` scripts, as if the parser had run them.
		live.async = false;
		for (const { name, value } of inert.attributes) if (name !== 'type') live.setAttribute(name, value);
		live.text = inert.text;
		inert.replaceWith(live);
	}
}

/**
 * `<newsroom-consent>`: shows the banner when no choice for the current revision is stored, stores the reader's
 * choice, activates gated scripts and tells Google Consent Mode and site code (`newsroom:consent`).
 */
class NewsroomConsent extends HTMLElement {
	connectedCallback() {
		const { revision, maxAge, googleConsentMode, categories }: IslandConfig = JSON.parse(this.dataset['config']!);
		const banner = this.querySelector('section')!;
		const dialog = this.querySelector('dialog')!;
		const boxes = [...dialog.querySelectorAll('input')];
		const gpc = navigator.globalPrivacyControl === true;
		const required = grantedCategories(categories, [], false);
		const stored = parseChoice(readCookie(document.cookie, CONSENT_COOKIE));
		// A stored choice counts only for the current revision, and never overrides Global Privacy Control.
		let current =
			stored?.revision === revision
				? { ...stored, categories: grantedCategories(categories, stored.categories, gpc) }
				: undefined;

		const settle = (choice: ConsentChoice) => {
			if (googleConsentMode) gtag('consent', 'update', googleConsentState(categories, choice.categories));
			activate(choice.categories);
			this.dispatchEvent(new CustomEvent('newsroom:consent', { bubbles: true, detail: choice }));
		};
		const choose = (answer: string) => {
			const requested =
				answer === 'all'
					? categories.map((category) => category.id)
					: answer === 'none'
						? []
						: boxes.filter((box) => box.checked).map((box) => box.value);
			current = {
				revision,
				timestamp: new Date().toISOString(),
				categories: grantedCategories(categories, requested, gpc),
			};
			for (const name of refusedCookieNames(categories, current.categories, cookieNames(document.cookie))) {
				for (const deletion of cookieDeletions(name, location.hostname)) document.cookie = deletion;
			}
			document.cookie = consentCookie(current, maxAge, location.protocol === 'https:');
			banner.hidden = true;
			settle(current);
		};

		if (gpc) {
			this.classList.add('gpc');
			for (const box of boxes) if (box.hasAttribute('data-gpc')) box.disabled = true;
		}
		// Consent Mode defaults go first, before any (gated) Google tag can run.
		if (googleConsentMode) gtag('consent', 'default', googleConsentState(categories, required));
		if (current) settle(current);
		else {
			activate(required);
			banner.hidden = false;
		}

		banner.addEventListener('click', (event) => {
			const answer = (event.target as HTMLButtonElement).value;
			if (answer) choose(answer);
		});
		// `submit`, not `close`: it fires synchronously with the click, `close` only in a later task.
		dialog.addEventListener('submit', (event) => {
			const answer = ((event as SubmitEvent).submitter as HTMLButtonElement).value;
			if (answer) choose(answer);
		});
		// Any `[data-consent-open]` control opens the settings: the banner's and the footer's "Cookie settings".
		document.addEventListener('click', (event) => {
			if (!(event.target as Element).closest('[data-consent-open]')) return;
			const granted = current?.categories ?? required;
			for (const box of boxes) box.checked = granted.includes(box.value);
			dialog.showModal();
		});
	}
}

customElements.define('newsroom-consent', NewsroomConsent);
