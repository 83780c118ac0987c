import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIXTURE_PATH = resolve(__dirname, '../../../fixtures/chatwoot/conversation.html');
export const FIXTURE_URL = new URL('https://app.chatwoot.com/app/accounts/7/inbox/3/conversations/1542');

/** Points happy-dom's document (document.URL) at `url`, as the browser's address bar would be. */
export function setPageUrl(url: URL | string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(String(url));
}

/** Replaces happy-dom's document with the saved Chatwoot page, at the fixture's URL. */
export function loadChatwootFixture(doc: Document = document): Document {
  const parsed = new DOMParser().parseFromString(readFileSync(FIXTURE_PATH, 'utf8'), 'text/html');
  doc.documentElement.innerHTML = parsed.documentElement.innerHTML;
  setPageUrl(FIXTURE_URL);
  return doc;
}

export const rowById = (doc: Document, id: string): Element => doc.querySelector(`[data-message-id="${id}"]`)!;

export { countingCache } from '../counting-cache';
