import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserPage } from 'happy-dom';
import { shopifyInboxAdapter } from '@/services/helpdesk/shopify-inbox/shopify-inbox-adapter';
import { ADMIN_URL, ANA, createFixtureBrowser, inboxUrl, open } from './load-fixture';

/**
 * Inside admin.shopify.com, Shopify Inbox is a cross-origin iframe. The content script runs in that frame (all_frames),
 * so the adapter is handed the frame's own document and URL; it must read that document, and must find nothing in
 * the admin shell around it.
 */

let browser: Browser;
let admin: BrowserPage;
let shell: Document;
let inbox: Document;

beforeEach(async () => {
  browser = createFixtureBrowser();
  admin = await open(browser, ADMIN_URL);
  shell = admin.mainFrame.document as unknown as Document;
  const frame = admin.mainFrame.childFrames[0];
  if (!frame) throw new Error('the admin fixture should load the inbox in an iframe');
  inbox = frame.document as unknown as Document;
});
afterEach(async () => {
  await browser.close();
});

describe('Shopify Inbox embedded in admin.shopify.com', () => {
  it('is an iframe on inbox.shopify.com, which the admin shell cannot reach into', () => {
    const iframe = shell.querySelector('iframe[name="app-iframe"]') as HTMLIFrameElement;
    expect(iframe.getAttribute('src')).toBe(inboxUrl(ANA));
    expect(iframe.contentDocument).toBeNull();
    expect(inbox.location.href).toBe(inboxUrl(ANA));
    expect(inbox.defaultView).not.toBe(shell.defaultView);
  });

  it('is not claimed on the admin URL, and the shell read as if it were the inbox has no conversation in it', () => {
    expect(shopifyInboxAdapter.matchesUrl(new URL(shell.location.href))).toBe(false);
    // The shell mentions the customer and a time, but has no message list: nothing is taken from it.
    expect(shell.body.textContent).toContain('Ana Souza');
    const reading = shopifyInboxAdapter.read(shell, new URL(inboxUrl(ANA)));
    expect(reading.kind).toBe('unrecognised');
    expect(shopifyInboxAdapter.findComposer(shell, ANA)).toBeNull();
  });

  it("reads the conversation from the frame's own document and URL", () => {
    expect(shopifyInboxAdapter.matchesUrl(new URL(inbox.location.href))).toBe(true);
    const reading = shopifyInboxAdapter.read(inbox, new URL(inbox.location.href));
    if (reading.kind !== 'conversation') throw new Error(`expected a conversation, got ${JSON.stringify(reading)}`);
    expect(reading.conversation.snapshot.conversationId).toBe(ANA);
    expect(reading.conversation.snapshot.messages.filter((m) => m.role === 'customer').map((m) => m.text)).toEqual([
      'Olá, não recebi o meu pedido e já passaram três semanas.',
      'O número é 55781. Obrigado!',
    ]);
    for (const anchor of reading.conversation.anchors.values()) expect(anchor.ownerDocument).toBe(inbox);
  });

  it('reads the same messages, with the same ids, as the standalone inbox page', async () => {
    const standalone = (await open(browser, inboxUrl(ANA))).mainFrame.document as unknown as Document;
    const inFrame = shopifyInboxAdapter.read(inbox, new URL(inbox.location.href));
    const alone = shopifyInboxAdapter.read(standalone, new URL(standalone.location.href));
    expect(inFrame.kind === 'conversation' && inFrame.conversation.snapshot).toEqual(
      alone.kind === 'conversation' && alone.conversation.snapshot,
    );
  });

  it("finds the composer in the frame's document, in the frame's window", () => {
    const composer = shopifyInboxAdapter.findComposer(inbox, ANA);
    expect(composer?.kind).toBe('textarea');
    expect(composer?.element.ownerDocument).toBe(inbox);
    expect(composer?.element.ownerDocument.defaultView).toBe(inbox.defaultView);
    expect(composer?.element.ownerDocument.defaultView).not.toBe(shell.defaultView);
  });
});
