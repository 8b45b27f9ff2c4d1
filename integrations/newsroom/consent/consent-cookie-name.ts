/** The one first-party cookie that holds the reader's choice. */
export const CONSENT_COOKIE = 'newsroom-consent';
