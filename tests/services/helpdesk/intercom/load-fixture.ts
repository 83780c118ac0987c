import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIXTURE_PATH = resolve(__dirname, '../../../fixtures/intercom/inbox-conversation.html');
export const FIXTURE_URL = new URL('https://app.intercom.com/a/inbox/abc123/inbox/admin/5521/conversation/215469?view=List');

/** Points happy-dom's document (document.URL) at `url`, as the browser's address bar would be. */
export function setPageUrl(url: URL | string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(String(url));
}

/** Replaces happy-dom's document with the saved Intercom page, at the fixture's URL. */
export function loadIntercomFixture(doc: Document = document): Document {
  const parsed = new DOMParser().parseFromString(readFileSync(FIXTURE_PATH, 'utf8'), 'text/html');
  doc.documentElement.innerHTML = parsed.documentElement.innerHTML;
  setPageUrl(FIXTURE_URL);
  return doc;
}

export const groupById = (doc: Document, id: string): Element => doc.querySelector(`[data-part-group-id="${id}"]`)!;
export const partById = (doc: Document, id: string): Element => doc.querySelector(`[data-part-id="${id}"]`)!;

export { countingCache } from '../counting-cache';
