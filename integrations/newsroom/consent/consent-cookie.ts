import { CONSENT_COOKIE } from './consent-cookie-name.ts';
import { serializeChoice } from './serialize-choice.ts';
import type { ConsentChoice } from './types.ts';

/** The `document.cookie` assignment storing a choice: first-party, whole site, `maxAge` seconds, SameSite=Lax. */
export function consentCookie(choice: ConsentChoice, maxAge: number, secure: boolean): string {
	return `${CONSENT_COOKIE}=${serializeChoice(choice)};Path=/;Max-Age=${maxAge};SameSite=Lax${secure ? ';Secure' : ''}`;
}
