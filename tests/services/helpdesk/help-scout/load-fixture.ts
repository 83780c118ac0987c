import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIXTURE_PATH = resolve(__dirname, '../../../fixtures/help-scout/conversation.html');
export const FIXTURE_URL = new URL('https://secure.helpscout.net/conversation/2874519361/48213?folderId=6123');

/** Points happy-dom's document (document.URL) at `url`, as the browser's address bar would be. */
export function setPageUrl(url: URL | string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(String(url));
}

/** Replaces happy-dom's document with the saved Help Scout page, at the fixture's URL. */
export function loadHelpScoutFixture(doc: Document = document): Document {
  const parsed = new DOMParser().parseFromString(readFileSync(FIXTURE_PATH, 'utf8'), 'text/html');
  doc.documentElement.innerHTML = parsed.documentElement.innerHTML;
  setPageUrl(FIXTURE_URL);
  return doc;
}

export const threadById = (doc: Document, id: string): Element => doc.getElementById(id)!;

export { countingCache } from '../counting-cache';
