import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'happy-dom';
import { conversationIdFromUrl, shopifyInboxAdapter } from '@/services/helpdesk/shopify-inbox/shopify-inbox-adapter';
import type { ActiveConversation, ReadCache } from '@/services/helpdesk/types';
import {
  ANA,
  CHLOE,
  JONAS,
  createFixtureBrowser,
  customerRow,
  inboxUrl,
  messageRow,
  messageRows,
  open,
  shiftIndices,
  storeRow,
} from './load-fixture';

/** Ana Souza's conversation as the fixture shows it, oldest first (the "Today" day separator is not a message). */
const ANA_MESSAGES = [
  { role: 'system', text: 'Ana Souza messaged you from the Order status page' },
  { role: 'customer', text: 'Olá, não recebi o meu pedido e já passaram três semanas.' },
  { role: 'bot', text: 'Thanks for reaching out! We usually reply within a few hours.' },
  { role: 'system', text: 'Sam Carter opened this conversation' },
  { role: 'system', text: 'Sam Carter assigned this conversation to themself' },
  { role: 'agent', text: 'Hi Ana, sorry about that! Could you share your order number?' },
  { role: 'customer', text: 'O número é 55781. Obrigado!' },
];

let browser: Browser;
let doc: Document;

beforeEach(async () => {
  browser = createFixtureBrowser();
  doc = (await open(browser, inboxUrl(ANA))).mainFrame.document as unknown as Document;
});
afterEach(async () => {
  await browser.close();
});

const url = () => new URL(doc.location.href);

function read(at: URL = url(), cache?: ReadCache): ActiveConversation {
  const reading = shopifyInboxAdapter.read(doc, at, cache);
  if (reading.kind !== 'conversation') throw new Error(`expected a conversation, got ${JSON.stringify(reading)}`);
  return reading.conversation;
}

const shown = (conversation: ActiveConversation) => conversation.snapshot.messages.map(({ role, text }) => ({ role, text }));
const idsByText = (conversation: ActiveConversation) => new Map(conversation.snapshot.messages.map((m) => [m.text, m.id]));

/** What the conversation list and header show when the agent opens Jonas Weber's conversation. */
function switchPageTo(conversationId: string, name: string) {
  for (const link of doc.querySelectorAll('a[href*="/conversations/open/"]')) {
    if (link.getAttribute('href')!.endsWith(conversationId)) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const header = doc.querySelector('[data-testid="conversationTopic"]');
  if (header) header.textContent = name;
  const list = messageRow(doc, 0).parentElement!;
  for (const row of messageRows(doc)) row.remove();
  list.append(
    customerRow(doc, 2, 'Hallo, ich habe meine Bestellung #40213 vor zwei Wochen aufgegeben und sie ist immer noch nicht angekommen.', '9:14 AM'),
    storeRow(doc, 1, "Hi Jonas, I'm checking the tracking for order #40213 now.", 'You • 9:20 AM'),
    customerRow(doc, 0, 'Können Sie mir bitte sagen, wann das Paket ankommt? Ich brauche es bis Freitag.', '9:22 AM'),
  );
}

describe('shopifyInboxAdapter.matchesUrl', () => {
  it('accepts inbox.shopify.com conversation pages only', () => {
    const matches = (href: string) => shopifyInboxAdapter.matchesUrl(new URL(href));
    expect(matches(inboxUrl(ANA))).toBe(true);
    expect(matches(inboxUrl(ANA, 'unread'))).toBe(true);
    expect(matches(inboxUrl(ANA, 'closed'))).toBe(true);
    expect(matches('https://inbox.shopify.com/store/acme/conversations/open')).toBe(true);
    // The admin shell is not the inbox: the content script runs in the inbox frame instead.
    expect(matches('https://admin.shopify.com/store/acme/apps/inbox')).toBe(false);
    expect(matches('https://inbox.shopify.com/store/acme/settings')).toBe(false);
    expect(matches('https://inbox.shopify.com.evil.example/store/acme/conversations/open')).toBe(false);
    expect(matches('http://inbox.shopify.com/store/acme/conversations/open')).toBe(false);
  });

  it('takes the conversation id from the URL path', () => {
    expect(conversationIdFromUrl(new URL(`${inboxUrl(JONAS, 'unread')}?tab=profile`))).toBe(JONAS);
    expect(conversationIdFromUrl(new URL('https://inbox.shopify.com/store/acme/conversations/open'))).toBeNull();
    expect(conversationIdFromUrl(new URL(`https://admin.shopify.com/store/acme/conversations/open/${ANA}`))).toBeNull();
  });
});

describe('shopifyInboxAdapter.read', () => {
  it("reads the open conversation's messages, oldest first, with roles, title and id from the URL", () => {
    const conversation = read();
    expect(conversation.snapshot.helpdesk).toBe('shopify-inbox');
    expect(conversation.snapshot.conversationId).toBe(ANA);
    expect(conversation.snapshot.title).toBe('Ana Souza');
    expect(shown(conversation)).toEqual(ANA_MESSAGES);
  });

  it('orders rows by descending index (the list is inverted and recycles cells), not by DOM order', () => {
    const domOrder = messageRows(doc).map((row) => row.getAttribute('index'));
    expect(domOrder).toEqual(['3', '4', '5', '6', '7', '0', '1', '2']);
    expect(read().snapshot.messages.at(-1)?.text).toBe('O número é 55781. Obrigado!');
  });

  it('tells customer, store and automated messages apart by the timestamp line', () => {
    const list = messageRow(doc, 0).parentElement!;
    shiftIndices(doc, 5);
    list.append(
      storeRow(doc, 4, 'Merci, je regarde.', 'Vous • 10:45 AM'),
      storeRow(doc, 3, '我们会尽快回复。', '自动 • 下午 3:05'),
      storeRow(doc, 2, '好的，我来查一下。', '您 • 下午 3:06'),
      customerRow(doc, 1, 'Obrigado, fico à espera.', '10:47 AM'),
      customerRow(doc, 0, 'Já chegou, obrigada!', '10.52am'),
    );
    expect(shown(read()).slice(-5)).toEqual([
      // A sender label in another UI language still marks the store's side.
      { role: 'agent', text: 'Merci, je regarde.' },
      { role: 'bot', text: '我们会尽快回复。' },
      { role: 'agent', text: '好的，我来查一下。' },
      { role: 'customer', text: 'Obrigado, fico à espera.' },
      { role: 'customer', text: 'Já chegou, obrigada!' },
    ]);
  });

  it('reads event lines as system messages, but a bubble with a timestamp stays a message whatever it says', () => {
    const list = messageRow(doc, 0).parentElement!;
    shiftIndices(doc, 2);
    const event = storeRow(doc, 1, '', 'Sam Carter closed this conversation • 10:50 AM');
    event.querySelector('.r-bub0ut')!.remove();
    list.append(event, customerRow(doc, 0, 'Why was this conversation closed? I opened this conversation yesterday.', '10:51 AM'));
    expect(shown(read()).slice(-2)).toEqual([
      { role: 'system', text: 'Sam Carter closed this conversation • 10:50 AM' },
      { role: 'customer', text: 'Why was this conversation closed? I opened this conversation yesterday.' },
    ]);
  });

  it('leaves out timestamps, delivery status, day separators, avatars, hidden rows and everything outside the list', () => {
    const hidden = customerRow(doc, 0, 'Layout measuring copy', '10:41 AM');
    hidden.setAttribute('aria-hidden', 'true');
    messageRow(doc, 0).parentElement!.append(hidden);
    const texts = read().snapshot.messages.map((m) => m.text).join('\n');
    expect(texts).not.toContain('Layout measuring copy');
    for (const noise of ['10:32 AM', 'You •', 'Auto •', 'Delivered', 'Today', 'Customer details', 'Add note', 'Jonas Weber',
      'Chloé', 'ana.souza@example.com', 'Shift + Enter', 'Send', '#1042']) {
      expect(texts).not.toContain(noise);
    }
  });

  it('takes the list next to the conversation header for the message list, even a long conversation list without links', () => {
    // Conversation-list rows as plain pressable divs (no href, no role), with a bare time like a customer's, and many.
    const list = doc.querySelector('a[href*="/conversations/open/"]')!.closest('[index]')!.parentElement!;
    for (let index = 3; index < 20; index++) list.append(list.children[1]!.cloneNode(true));
    [...list.children].forEach((row, index) => row.setAttribute('index', String(index)));
    for (const link of list.querySelectorAll('a')) {
      const button = doc.createElement('div');
      button.setAttribute('tabindex', '0');
      button.innerHTML = link.innerHTML;
      link.replaceWith(button);
    }
    const conversation = read();
    expect(shown(conversation)).toEqual(ANA_MESSAGES);
    expect(conversation.snapshot.title).toBe('Ana Souza');
  });

  it('still reads the conversation while a dialog hides the app from assistive technology (aria-hidden on the root)', () => {
    doc.getElementById('root')!.setAttribute('aria-hidden', 'true');
    expect(shown(read())).toEqual(ANA_MESSAGES);
  });

  it("anchors each message at the element holding its text, inside that message's row, without the timestamp", () => {
    const conversation = read();
    expect([...conversation.anchors.keys()]).toEqual(conversation.snapshot.messages.map((m) => m.id));
    for (const message of conversation.snapshot.messages) {
      const anchor = conversation.anchors.get(message.id)!;
      expect(anchor.textContent?.trim()).toBe(message.text);
      expect(anchor.closest('[index]')).not.toBeNull();
    }
    const lastCustomer = conversation.snapshot.messages.at(-1)!;
    expect(conversation.anchors.get(lastCustomer.id)!.closest('[index]')).toBe(messageRow(doc, 0));
  });

  it('keeps ids stable when the list re-renders every row', () => {
    const before = read();
    for (const row of messageRows(doc)) row.replaceWith(row.cloneNode(true));
    const after = read();
    expect(after.snapshot.messages.map((m) => m.id)).toEqual(before.snapshot.messages.map((m) => m.id));
    for (const anchor of after.anchors.values()) expect(anchor.isConnected).toBe(true);
    expect(new Set(before.snapshot.messages.map((m) => m.id)).size).toBe(ANA_MESSAGES.length);
  });

  it('keeps ids stable when a new message shifts every index by one', () => {
    const before = idsByText(read());
    shiftIndices(doc);
    messageRow(doc, 1).parentElement!.append(customerRow(doc, 0, 'Alguma novidade?', '11:02 AM'));
    const after = read();
    for (const [text, id] of before) expect(idsByText(after).get(text)).toBe(id);
    expect(shown(after).at(-1)).toEqual({ role: 'customer', text: 'Alguma novidade?' });
    expect(new Set(after.snapshot.messages.map((m) => m.id)).size).toBe(ANA_MESSAGES.length + 1);
  });

  it('gives rows re-mounted after scrolling (and recycled cells) the ids they had before', () => {
    const before = idsByText(read());
    const list = messageRow(doc, 0).parentElement!;
    // Scroll up: the newest rows unmount, yesterday's rows mount, and FlashList reuses cells for them.
    const recycled = [messageRow(doc, 0), messageRow(doc, 1), messageRow(doc, 2)];
    const newest = recycled.map((cell) => cell.cloneNode(true) as Element);
    const older = [
      storeRow(doc, 8, 'Hi Ana, yes, we ship to Portugal with CTT.', 'You • 4:12 PM'),
      customerRow(doc, 9, 'Vocês enviam para Portugal?', '4:05 PM'),
      customerRow(doc, 10, 'Boa tarde!', '4:05 PM'),
    ];
    const showIn = (cell: Element, content: Element) => {
      cell.setAttribute('index', content.getAttribute('index')!);
      cell.replaceChildren(...Array.from(content.childNodes));
    };
    recycled.forEach((cell, i) => showIn(cell, older[i]!));
    const scrolledUp = read();
    expect(shown(scrolledUp).slice(0, 3)).toEqual([
      { role: 'customer', text: 'Boa tarde!' },
      { role: 'customer', text: 'Vocês enviam para Portugal?' },
      { role: 'agent', text: 'Hi Ana, yes, we ship to Portugal with CTT.' },
    ]);
    expect(scrolledUp.snapshot.messages).toHaveLength(ANA_MESSAGES.length - 3 + 3);
    for (const [text, id] of idsByText(scrolledUp)) if (before.has(text)) expect(id).toBe(before.get(text));

    // Scroll back down: the same three cells show the newest messages again.
    recycled.forEach((cell, i) => showIn(cell, newest[i]!));
    expect(list.children).toHaveLength(8);
    expect(idsByText(read())).toEqual(before);
  });

  it('tells two identical lines at the same minute apart, in order', () => {
    shiftIndices(doc, 2);
    const list = messageRow(doc, 2).parentElement!;
    list.append(customerRow(doc, 1, 'Olá?', '10:44 AM'), customerRow(doc, 0, 'Olá?', '10:44 AM'));
    const ids = read().snapshot.messages.slice(-2).map((m) => m.id);
    expect(ids[1]).toBe(`${ids[0]}-2`);
  });

  it('reads each unchanged row once through the cache', () => {
    const computed: Element[] = [];
    const memo = new WeakMap<Element, unknown>();
    const cache: ReadCache = {
      remember<T>(element: Element, compute: () => T): T {
        if (!memo.has(element)) {
          computed.push(element);
          memo.set(element, compute());
        }
        return memo.get(element) as T;
      },
    };
    const first = read(url(), cache);
    expect(computed.filter((element) => messageRows(doc).includes(element))).toHaveLength(8);
    computed.length = 0;
    shiftIndices(doc);
    messageRow(doc, 1).parentElement!.append(customerRow(doc, 0, 'Alguma novidade?', '11:02 AM'));
    const second = read(url(), cache);
    expect(computed).toEqual([messageRow(doc, 0)]);
    expect(second.snapshot.messages.slice(0, -1)).toEqual(first.snapshot.messages);
  });

  it('uses the bubble side when a row has no timestamp line (layout available)', () => {
    for (const line of doc.querySelectorAll('.r-meta5d')) line.remove();
    const box = (left: number, width: number, top: number) =>
      ({ left, width, right: left + width, top, bottom: top + 40, height: 40, x: left, y: top, toJSON() {} }) as DOMRect;
    // A 600px-wide list; rows laid out top to bottom in reading order (index 7 at the top).
    for (const row of messageRows(doc)) {
      const top = (7 - Number(row.getAttribute('index'))) * 50;
      row.getBoundingClientRect = () => box(0, 600, top);
      const text = row.querySelector('[dir="auto"]')!;
      const isStore = Boolean(row.querySelector('.r-1h0z5md'));
      const isCentred = Boolean(row.querySelector('.r-evt4qa, .r-day2k1'));
      const left = isCentred ? 200 : isStore ? 340 : 40;
      for (let element: Element | null = text; element && element !== row; element = element.parentElement) {
        element.getBoundingClientRect = () => box(left, isCentred ? 200 : 220, top);
      }
    }
    expect(shown(read())).toEqual([
      { role: 'system', text: 'Ana Souza messaged you from the Order status page' },
      { role: 'customer', text: 'Olá, não recebi o meu pedido e já passaram três semanas.' },
      // Without its "Auto •" line an automated message is only known to be the store's.
      { role: 'agent', text: 'Thanks for reaching out! We usually reply within a few hours.' },
      { role: 'system', text: 'Sam Carter opened this conversation' },
      { role: 'system', text: 'Sam Carter assigned this conversation to themself' },
      { role: 'agent', text: 'Hi Ana, sorry about that! Could you share your order number?' },
      { role: 'customer', text: 'O número é 55781. Obrigado!' },
    ]);
  });

  it('follows a switch to another conversation by URL (pushState), and waits while the page still shows the old one', () => {
    const before = read();
    doc.defaultView!.history.pushState({}, '', inboxUrl(JONAS));
    // The URL changed first; the list still marks Ana's conversation as open: not Jonas's messages yet.
    expect(shopifyInboxAdapter.read(doc, url())).toEqual({ kind: 'no-conversation' });

    switchPageTo(JONAS, 'Jonas Weber');
    const after = read();
    expect(after.snapshot.conversationId).toBe(JONAS);
    expect(after.snapshot.title).toBe('Jonas Weber');
    expect(shown(after)).toEqual([
      { role: 'customer', text: 'Hallo, ich habe meine Bestellung #40213 vor zwei Wochen aufgegeben und sie ist immer noch nicht angekommen.' },
      { role: 'agent', text: "Hi Jonas, I'm checking the tracking for order #40213 now." },
      { role: 'customer', text: 'Können Sie mir bitte sagen, wann das Paket ankommt? Ich brauche es bis Freitag.' },
    ]);
    const ids = new Set(after.snapshot.messages.map((m) => m.id));
    for (const message of before.snapshot.messages) expect(ids.has(message.id)).toBe(false);
  });

  it('takes the title from the conversation list when the header has none', () => {
    doc.querySelector('[data-testid="conversationTopic"]')!.remove();
    expect(read().snapshot.title).toBe('Ana Souza');
    doc.defaultView!.history.pushState({}, '', inboxUrl(CHLOE));
    switchPageTo(CHLOE, 'unused: no header');
    expect(read().snapshot.title).toBe('Chloé Martin');
  });

  it('has no conversation on the conversation list, or while a conversation is loading', () => {
    expect(shopifyInboxAdapter.read(doc, new URL('https://inbox.shopify.com/store/acme/conversations/open'))).toEqual({
      kind: 'no-conversation',
    });
    const list = messageRow(doc, 0).parentElement!;
    list.replaceChildren();
    list.setAttribute('aria-busy', 'true');
    expect(shopifyInboxAdapter.read(doc, url())).toEqual({ kind: 'no-conversation' });
  });
});

describe('shopifyInboxAdapter.read on markup it does not know', () => {
  it('is unrecognised, naming the virtualised rows, when rows lose their index attribute', () => {
    for (const row of doc.querySelectorAll('[index]')) row.removeAttribute('index');
    const reading = shopifyInboxAdapter.read(doc, url());
    expect(reading.kind).toBe('unrecognised');
    expect(reading.kind === 'unrecognised' && reading.missing.join(' ')).toMatch(/index/);
  });

  it('is unrecognised, naming the timestamp line, when no row says who wrote it (and there is no layout)', () => {
    for (const line of doc.querySelectorAll('.r-meta5d')) line.remove();
    const reading = shopifyInboxAdapter.read(doc, url());
    expect(reading.kind).toBe('unrecognised');
    expect(reading.kind === 'unrecognised' && reading.missing.join(' ')).toMatch(/timestamp line/);
  });

  it('never throws, even when the document itself fails', () => {
    const broken = {
      querySelector() {
        throw new Error('detached document');
      },
      querySelectorAll() {
        throw new Error('detached document');
      },
      location: { href: inboxUrl(ANA) },
      URL: inboxUrl(ANA),
    } as unknown as Document;
    const reading = shopifyInboxAdapter.read(broken, new URL(inboxUrl(ANA)));
    expect(reading).toEqual({ kind: 'unrecognised', missing: ['readable markup (Error: detached document)'] });
    expect(shopifyInboxAdapter.findComposer(broken, ANA)).toBeNull();
  });
});

describe('shopifyInboxAdapter.findComposer', () => {
  it("finds the open conversation's reply textarea, not the customer panel's note field", () => {
    const composer = shopifyInboxAdapter.findComposer(doc, ANA);
    expect(composer?.kind).toBe('textarea');
    expect(composer?.isPublicReply).toBe(true);
    expect(composer?.element.getAttribute('placeholder')).toBe('Write a message');
    expect(doc.querySelectorAll('textarea')).toHaveLength(2);
    // Even when the customer panel comes first in the document (its place on screen is up to CSS).
    const panel = doc.querySelector('[role="complementary"]')!;
    panel.parentElement!.prepend(panel);
    expect(shopifyInboxAdapter.findComposer(doc, ANA)?.element.getAttribute('placeholder')).toBe('Write a message');
  });

  it('finds nothing for a conversation that is not the open one', () => {
    expect(shopifyInboxAdapter.findComposer(doc, JONAS)).toBeNull();
    doc.defaultView!.history.pushState({}, '', inboxUrl(JONAS));
    // Mid-switch: the URL names Jonas, the page still shows Ana.
    expect(shopifyInboxAdapter.findComposer(doc, ANA)).toBeNull();
    expect(shopifyInboxAdapter.findComposer(doc, JONAS)).toBeNull();
    switchPageTo(JONAS, 'Jonas Weber');
    expect(shopifyInboxAdapter.findComposer(doc, JONAS)?.element.tagName).toBe('TEXTAREA');
    doc.defaultView!.history.pushState({}, '', 'https://inbox.shopify.com/store/acme/conversations/open');
    expect(shopifyInboxAdapter.findComposer(doc, JONAS)).toBeNull();
  });

  it('accepts a contenteditable composer', () => {
    const textarea = doc.querySelector('textarea[placeholder="Write a message"]')!;
    const editable = doc.createElement('div');
    editable.setAttribute('contenteditable', 'true');
    editable.setAttribute('role', 'textbox');
    textarea.replaceWith(editable);
    const composer = shopifyInboxAdapter.findComposer(doc, ANA);
    expect(composer?.kind).toBe('contenteditable');
    expect(composer?.element).toBe(editable);
  });
});
