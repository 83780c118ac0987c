import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Browser, type BrowserPage } from 'happy-dom';

export const FIXTURE_DIR = resolve(__dirname, '../../../fixtures/shopify-inbox');
export const INBOX_FIXTURE_PATH = resolve(FIXTURE_DIR, 'inbox-conversation.html');
export const ADMIN_FIXTURE_PATH = resolve(FIXTURE_DIR, 'admin-embedded.html');

/** The conversation open in the fixture (Ana Souza), and two others in its conversation list. */
export const ANA = '0196f3a2-7c1e-7d41-9a0b-3f5e2c81d4a7';
export const JONAS = '0196f3b0-12aa-7f3c-8e21-6b7d90c4e512';
export const CHLOE = '0196f2ff-5d30-7a88-b1c4-0e9a2f7b3c66';

export const inboxUrl = (conversationId: string, folder = 'open') =>
  `https://inbox.shopify.com/store/acme/conversations/${folder}/${conversationId}`;
export const ADMIN_URL = 'https://admin.shopify.com/store/acme/apps/inbox';

export const readFixture = (path: string): string => readFileSync(path, 'utf8');

/**
 * A happy-dom browser (scripts off, as by default; iframes on) whose network is the fixtures: inbox.shopify.com pages answer with
 * the inbox fixture, admin.shopify.com pages with the admin shell. Each page gets a real URL, so
 * `document.location` is what it would be in Chromium.
 */
export function createFixtureBrowser(pages: { inbox?: string; admin?: string } = {}): Browser {
  const inbox = pages.inbox ?? readFixture(INBOX_FIXTURE_PATH);
  const admin = pages.admin ?? readFixture(ADMIN_FIXTURE_PATH);
  return new Browser({
    settings: {
      enableIframePageLoading: true,
      fetch: {
        interceptor: {
          async beforeAsyncRequest({ request, window }) {
            const host = new URL(request.url).hostname;
            const body = host === 'inbox.shopify.com' ? inbox : host === 'admin.shopify.com' ? admin : null;
            if (body === null) return new window.Response('Not found', { status: 404 });
            return new window.Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } });
          },
        },
      },
    },
  });
}

/** Opens `url` in a new page of `browser` and waits until it (and any iframe) has loaded. */
export async function open(browser: Browser, url: string): Promise<BrowserPage> {
  const page = browser.newPage();
  await page.goto(url);
  await page.waitUntilComplete();
  return page;
}

/** Rows of the message list (not the conversation list), by their `index`. */
export function messageRow(doc: Document, index: number): Element {
  const rows = Array.from(doc.querySelectorAll(`[index="${index}"]`)).filter((row) => !row.querySelector('a[href*="/conversations/"]'));
  if (rows.length !== 1) throw new Error(`expected one message row with index ${index}, found ${rows.length}`);
  return rows[0]!;
}

export const messageRows = (doc: Document): Element[] =>
  Array.from(doc.querySelectorAll('[index]')).filter((row) => !row.querySelector('a[href*="/conversations/"]'));

/** A customer row shaped like the fixture's. */
export function customerRow(doc: Document, index: number, text: string, time: string): Element {
  const row = doc.createElement('div');
  row.setAttribute('index', String(index));
  row.innerHTML = `
    <div class="css-175oi2r r-18u37iz r-1wtj0ep r-in7c2b">
      <img alt="" class="css-9pa8cd r-avt3xx" width="28" height="28">
      <div class="css-175oi2r r-1awozwy r-col8v1">
        <div class="css-175oi2r r-bub1n9"><div dir="auto" class="css-146c3p1 r-msgtx1"></div></div>
        <div dir="auto" class="css-146c3p1 r-n6v787 r-meta5d"></div>
      </div>
    </div>`;
  row.querySelector('.r-msgtx1')!.textContent = text;
  row.querySelector('.r-meta5d')!.textContent = time;
  return row;
}

/** A store row shaped like the fixture's; `sender` is the timestamp line's label ("You", "Auto"…). */
export function storeRow(doc: Document, index: number, text: string, timestampLine: string): Element {
  const row = doc.createElement('div');
  row.setAttribute('index', String(index));
  row.innerHTML = `
    <div class="css-175oi2r r-18u37iz r-1h0z5md r-out2x9">
      <div class="css-175oi2r r-obd0qt">
        <div class="css-175oi2r r-bub0ut"><div dir="auto" class="css-146c3p1 r-msgtx1"></div></div>
        <div dir="auto" class="css-146c3p1 r-n6v787 r-meta5d"></div>
      </div>
    </div>`;
  row.querySelector('.r-msgtx1')!.textContent = text;
  row.querySelector('.r-meta5d')!.textContent = timestampLine;
  return row;
}

/** Adds 1 to every message row's index, as the inverted list does when a message arrives. */
export function shiftIndices(doc: Document, by = 1): void {
  for (const row of messageRows(doc)) row.setAttribute('index', String(Number(row.getAttribute('index')) + by));
}
