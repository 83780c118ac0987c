// @vitest-environment node
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { Browser, type BrowserPage } from 'happy-dom';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEV_CONVERSATIONS } from '@/scripts/dev-helpdesk/shopify/conversations';
import {
  ADMIN_FIXTURE_PATH,
  INBOX_FIXTURE_PATH,
  bundlePageScript,
  renderAdminShell,
  renderInboxPage,
} from '@/scripts/dev-helpdesk/shopify/routes';
import { startDevHelpdesk, type DevHelpdesk } from '@/scripts/dev-helpdesk/server';
import { shopifyInboxAdapter } from '@/services/helpdesk/shopify-inbox/shopify-inbox-adapter';
import type { PageReading } from '@/services/helpdesk/types';
import { ANA, JONAS, inboxUrl } from './load-fixture';

/**
 * The dev inbox page (e2e tests and the demo) must be what the adapter tests pin down: the same reading as the saved
 * fixture, with a composer that really is React-controlled, so the e2e test proves what it claims.
 */

const inboxFixture = readFileSync(INBOX_FIXTURE_PATH, 'utf8');

interface DevPage {
  doc: Document;
  fixture: {
    appendCustomerMessage(text: string): string;
    openConversation(id: string): void;
    composerValue(): string | null;
    reactState(): string;
  };
}

let script: string;
let browser: Browser;

beforeAll(async () => {
  script = await bundlePageScript();
}, 60_000);

beforeEach(() => {
  browser = new Browser({
    settings: {
      // Our own bundle; happy-dom runs page scripts only when asked to.
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      fetch: {
        interceptor: {
          async beforeAsyncRequest({ request, window }) {
            const url = new URL(request.url);
            if (url.pathname === '/__dev/shopify/inbox-page.js') {
              return new window.Response(script, { headers: { 'content-type': 'text/javascript' } });
            }
            // Without the stylesheet (irrelevant without layout; happy-dom would refuse to load it and say so).
            const html = renderInboxPage(inboxFixture).replace(/<link rel="stylesheet"[^>]*>/, '');
            return new window.Response(html, { headers: { 'content-type': 'text/html' } });
          },
        },
      },
    },
  });
});
afterEach(async () => {
  await browser.close();
});

async function openDevPage(conversationId: string): Promise<DevPage> {
  const page: BrowserPage = browser.newPage();
  await page.goto(inboxUrl(conversationId));
  await page.waitUntilComplete();
  const doc = page.mainFrame.document as unknown as Document;
  // The page script ran without an error (React logs render errors to the console).
  expect(page.virtualConsolePrinter.readAsString()).toBe('');
  expect(doc.documentElement.getAttribute('data-dev-helpdesk-ready')).toBe('true');
  return { doc, fixture: (page.mainFrame.window as unknown as { parleyFixture: DevPage['fixture'] }).parleyFixture };
}

function readPage(doc: Document): PageReading {
  return shopifyInboxAdapter.read(doc, new URL(doc.location.href));
}

function snapshotOf(reading: PageReading) {
  if (reading.kind !== 'conversation') throw new Error(`expected a conversation, got ${JSON.stringify(reading)}`);
  return reading.conversation.snapshot;
}

describe('dev inbox page (React)', () => {
  it('reads exactly like the saved fixture for the conversation the fixture shows', async () => {
    const fixtureOnly = new Browser().newPage();
    fixtureOnly.url = inboxUrl(ANA);
    fixtureOnly.content = inboxFixture;
    const saved = snapshotOf(readPage(fixtureOnly.mainFrame.document as unknown as Document));
    await fixtureOnly.context.browser.close();

    const { doc } = await openDevPage(ANA);
    expect(snapshotOf(readPage(doc))).toEqual(saved);
    // React rendered the pane (the fixture's static rows are gone): the rows are in index order, not recycled order.
    const rows = [...doc.querySelectorAll('.r-msgc9q > [index]')].map((row) => row.getAttribute('index'));
    expect(rows).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
  });

  it('has a React-controlled composer: a naive value write does not reach React, the native setter and an input event do', async () => {
    const { doc, fixture } = await openDevPage(ANA);
    const textarea = doc.querySelector('textarea.r-cmpta1') as HTMLTextAreaElement;
    textarea.value = 'naive write';
    textarea.dispatchEvent(new (doc.defaultView as unknown as typeof globalThis).Event('input', { bubbles: true }));
    expect(fixture.composerValue()).toBe('naive write');
    expect(fixture.reactState()).toBe('');

    const composer = shopifyInboxAdapter.findComposer(doc, ANA)!;
    expect(composer.element).toBe(textarea);
    const view = doc.defaultView as unknown as typeof globalThis;
    Object.getOwnPropertyDescriptor(view.HTMLTextAreaElement.prototype, 'value')!.set!.call(textarea, 'Obrigado, Ana!');
    textarea.dispatchEvent(new view.Event('input', { bubbles: true }));
    expect(fixture.reactState()).toBe('Obrigado, Ana!');
    expect(fixture.composerValue()).toBe('Obrigado, Ana!');
  });

  it('appends a customer message as the new index 0 and answers with the id the adapter reads for it', async () => {
    const { doc, fixture } = await openDevPage(ANA);
    const before = snapshotOf(readPage(doc)).messages;
    const id = fixture.appendCustomerMessage('Alguma novidade?');
    const after = snapshotOf(readPage(doc)).messages;
    expect(after.slice(0, -1)).toEqual(before);
    expect(after.at(-1)).toEqual({ id, role: 'customer', text: 'Alguma novidade?' });
    expect(doc.querySelector('.r-msgc9q > [index="0"]')?.textContent).toContain('Alguma novidade?');
  });

  it('switches conversation in-page with pushState; the composer follows', async () => {
    const { doc, fixture } = await openDevPage(ANA);
    fixture.openConversation(JONAS);
    expect(doc.location.href).toBe(inboxUrl(JONAS));
    const jonas = snapshotOf(readPage(doc));
    expect(jonas.conversationId).toBe(JONAS);
    expect(jonas.title).toBe('Jonas Weber');
    expect(jonas.messages.filter((m) => m.role === 'customer').map((m) => m.text)).toEqual(
      DEV_CONVERSATIONS[1]!.items.filter((item) => item.kind === 'customer').map((item) => item.text),
    );
    expect(shopifyInboxAdapter.findComposer(doc, ANA)).toBeNull();
    expect(shopifyInboxAdapter.findComposer(doc, JONAS)?.element.tagName).toBe('TEXTAREA');
  });

  it('opens another conversation directly by URL', async () => {
    const { doc } = await openDevPage(JONAS);
    expect(snapshotOf(readPage(doc)).title).toBe('Jonas Weber');
  });
});

describe('dev Shopify pages, server side', () => {
  it('serves the fixture as saved, so that before React renders another conversation the adapter waits', () => {
    const html = renderInboxPage(inboxFixture);
    expect(html).toContain('<script src="/__dev/shopify/inbox-page.js" defer></script>');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    // The saved page shows (and its list marks) Ana's conversation: under Jonas's URL that is a page mid-switch.
    const page = new Browser().newPage();
    page.url = inboxUrl(JONAS);
    page.content = html;
    expect(readPage(page.mainFrame.document as unknown as Document)).toEqual({ kind: 'no-conversation' });
    void page.context.browser.close();
  });

  it('points the admin shell iframe at the inbox origin', () => {
    const html = renderAdminShell(readFileSync(ADMIN_FIXTURE_PATH, 'utf8'), JONAS);
    expect(html).toMatch(new RegExp(`<iframe name="app-iframe"[^>]*src="https://inbox\\.shopify\\.com/store/acme/conversations/open/${JONAS}"`));
  });
});

describe('dev helpdesk server, Shopify routes', () => {
  let helpdesk: DevHelpdesk;
  beforeAll(async () => {
    helpdesk = await startDevHelpdesk({ port: 0 });
  });
  afterAll(async () => {
    await helpdesk.close();
  });

  function fetchText(path: string, origin?: string): Promise<{ status: number; type: string; body: string }> {
    return new Promise((resolve, reject) => {
      get(`${helpdesk.url}${path}`, { headers: origin ? { 'x-parley-origin': origin } : {} }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }));
      }).on('error', reject);
    });
  }

  it('tells the admin shell from the inbox app by the x-parley-origin header', async () => {
    const inbox = await fetchText(`/store/acme/conversations/open/${ANA}`, 'https://inbox.shopify.com');
    expect(inbox.status).toBe(200);
    expect(inbox.body).toContain('data-testid="conversationTopic"');
    const shell = await fetchText('/store/acme/apps/inbox', 'https://admin.shopify.com');
    expect(shell.status).toBe(200);
    expect(shell.body).toContain(`src="https://inbox.shopify.com/store/acme/conversations/open/${ANA}"`);
    // Each origin serves only its own pages.
    expect((await fetchText('/store/acme/apps/inbox', 'https://inbox.shopify.com')).status).toBe(404);
    expect((await fetchText(`/store/acme/conversations/open/${ANA}`, 'https://admin.shopify.com')).status).toBe(404);
    expect((await fetchText('/store/acme/conversations/open/0000-unknown', 'https://inbox.shopify.com')).status).toBe(404);
    expect((await fetchText('/agent/tickets/4821', 'https://inbox.shopify.com')).status).toBe(404);
  });

  it('serves the bundled page script with React in it, and keeps the Zendesk pages', async () => {
    const js = await fetchText('/__dev/shopify/inbox-page.js', 'https://inbox.shopify.com');
    expect(js.status).toBe(200);
    expect(js.type).toMatch(/javascript/);
    expect(js.body).toContain('window.parleyFixture');
    expect(js.body).toContain('react-dom');
    expect((await fetchText('/agent/tickets/4821')).status).toBe(200);
  });
});
