import { describe, expect, it } from 'vitest';
import { createCustomAdapter } from '@/services/helpdesk/custom/custom-adapter';
import { parseMachineTime } from '@/services/helpdesk/custom/read-custom-page';
import type { ActiveConversation, PageReading, ReadCache } from '@/services/helpdesk/types';
import { ElementReadCache } from '@/services/page/element-read-cache';
import { CHATWOOT_INPUT, CHATWOOT_URL, TIDY_INPUT, TIDY_URL, descriptor, loadFixture, unvalidated } from './custom-fixtures';

function conversationOf(reading: PageReading): ActiveConversation {
  if (reading.kind !== 'conversation') throw new Error(`expected a conversation, got ${JSON.stringify(reading)}`);
  return reading.conversation;
}

describe('custom adapter: matchesUrl', () => {
  it('follows the match patterns: host, scheme and path, with or without a query', () => {
    const chatwoot = createCustomAdapter(descriptor(CHATWOOT_INPUT));
    expect(chatwoot.matchesUrl(new URL(CHATWOOT_URL))).toBe(true);
    expect(chatwoot.matchesUrl(new URL('https://support.acme-shop.test/app/accounts/3/inbox?page=2'))).toBe(true);
    expect(chatwoot.matchesUrl(new URL('https://support.acme-shop.test/login'))).toBe(false);
    expect(chatwoot.matchesUrl(new URL('http://support.acme-shop.test/app/accounts/3'))).toBe(false);
    expect(chatwoot.matchesUrl(new URL('https://evil.test/app/support.acme-shop.test/app/'))).toBe(false);

    const tidy = createCustomAdapter(descriptor(TIDY_INPUT));
    expect(tidy.matchesUrl(new URL(TIDY_URL))).toBe(true);
    expect(tidy.matchesUrl(new URL('https://helpdesk.intranet.test/tickets/view?id=77'))).toBe(false);
  });
});

describe('custom adapter on a self-hosted Chatwoot-like page (synthetic fixture)', () => {
  it('reads the conversation: prefixed id, ids from the attribute, roles by rule order, text without quotes or chrome, Unix times', () => {
    const doc = loadFixture('chatwoot-like', CHATWOOT_URL);
    const { snapshot, anchors } = conversationOf(createCustomAdapter(descriptor(CHATWOOT_INPUT)).read(doc, new URL(CHATWOOT_URL)));
    expect(snapshot.helpdesk).toBe('custom');
    expect(snapshot.conversationId).toBe('acme-chatwoot:118');
    expect(snapshot.title).toBe('Lucía Fernández');
    expect(snapshot.messages).toEqual([
      { id: '9001', role: 'system', text: 'Conversation was assigned to Sam by Automation', time: '2026-01-05T10:00:00.000Z' },
      { id: '9002', role: 'customer', text: 'Hola, mi pedido #5521 no ha llegado.\n¿Pueden ayudarme?', time: '2026-01-05T10:01:00.000Z' },
      { id: '9003', role: 'bot', text: 'Thanks for your message! An agent will reply shortly.', time: '2026-01-05T10:02:00.000Z' },
      { id: '9004', role: 'note', text: 'Carrier says the parcel is stuck in Zaragoza.', time: '2026-01-05T10:05:00.000Z' },
      { id: '9005', role: 'agent', text: 'Hi Lucía, I am checking with the carrier now.', time: '2026-01-05T10:06:00.000Z' },
      { id: '9006', role: 'customer', text: 'Gracias. Lo necesito antes del viernes.', time: '2026-01-05T10:07:00.000Z' },
    ]);
    // The inline translation goes after the text element of the right message.
    const anchor = anchors.get('9002')!;
    expect(anchor.matches('.message-text__wrap')).toBe(true);
    expect(anchor.closest('[data-message-id]')?.getAttribute('data-message-id')).toBe('9002');
  });

  it('has no conversation on the inbox list (no id in the URL)', () => {
    const url = 'https://support.acme-shop.test/app/accounts/3/inbox';
    const doc = loadFixture('chatwoot-like', url);
    expect(createCustomAdapter(descriptor(CHATWOOT_INPUT)).read(doc, new URL(url))).toEqual({ kind: 'no-conversation' });
  });

  it('finds the ProseMirror editor inside the wrapper the selector names, only for the conversation on screen', () => {
    const doc = loadFixture('chatwoot-like', CHATWOOT_URL);
    const adapter = createCustomAdapter(descriptor(CHATWOOT_INPUT));
    const composer = adapter.findComposer(doc, 'acme-chatwoot:118');
    expect(composer).toMatchObject({ kind: 'prosemirror', isPublicReply: null });
    expect(composer?.element.classList.contains('ProseMirror')).toBe(true);
    expect(adapter.findComposer(doc, 'acme-chatwoot:117')).toBeNull();
    expect(adapter.findComposer(doc, '118')).toBeNull();
  });
});

describe('custom adapter on a made-up small helpdesk (synthetic fixture)', () => {
  it('reads the id from an attribute, roles from an ancestor, a descendant or the default, and hashes ids', () => {
    const doc = loadFixture('tidy-tickets', TIDY_URL);
    const { snapshot } = conversationOf(createCustomAdapter(descriptor(TIDY_INPUT)).read(doc, new URL(TIDY_URL)));
    expect(snapshot.conversationId).toBe('tidy-tickets:T-77');
    expect(snapshot.title).toBe('Drucker im 2. Stock druckt nur leere Seiten');
    expect(snapshot.messages.map(({ role, text, time }) => ({ role, text, time }))).toEqual([
      { role: 'customer', text: 'Der Drucker im zweiten Stock druckt seit heute Morgen nur leere Seiten.', time: '2026-03-02T09:15:00.000Z' },
      { role: 'agent', text: 'Have you tried replacing the toner cartridge?', time: '2026-03-02T09:40:00.000Z' },
      { role: 'note', text: 'Toner was replaced last week, probably the fuser.', time: '2026-03-02T09:41:00.000Z' },
      { role: 'customer', text: 'Thanks!', time: undefined },
      { role: 'system', text: 'Status changed to Waiting', time: undefined },
      { role: 'customer', text: 'Thanks!', time: undefined },
    ]);
    const ids = snapshot.messages.map((m) => m.id);
    expect(new Set(ids).size).toBe(6);
    expect(ids.every((id) => /^h[0-9a-z]+(-\d+)?$/.test(id))).toBe(true);
    // The two identical "Thanks!" are told apart by their rank among identical messages.
    expect(ids[5]).toBe(`${ids[3]}-1`);
  });

  it('keeps hashed ids when older messages disappear above (virtualised list, history paging)', () => {
    const doc = loadFixture('tidy-tickets', TIDY_URL);
    const adapter = createCustomAdapter(descriptor(TIDY_INPUT));
    const before = conversationOf(adapter.read(doc, new URL(TIDY_URL))).snapshot.messages;
    doc.querySelector('.thread > li')!.remove();
    doc.querySelector('.thread > li')!.remove();
    const after = conversationOf(adapter.read(doc, new URL(TIDY_URL))).snapshot.messages;
    expect(after.map((m) => m.id)).toEqual(before.slice(2).map((m) => m.id));
  });

  it('finds the textarea inside the form the selector names; an explicit kind is trusted', () => {
    const doc = loadFixture('tidy-tickets', TIDY_URL);
    const composer = createCustomAdapter(descriptor(TIDY_INPUT)).findComposer(doc, 'tidy-tickets:T-77');
    expect(composer?.kind).toBe('textarea');
    expect(composer?.element.id).toBe('reply-text');
    // Said to be a CKEditor but nothing editable in it but a textarea: not a composer Parley can write as CKEditor.
    expect(createCustomAdapter(descriptor(TIDY_INPUT, { composerKind: 'ckeditor5' })).findComposer(doc, 'tidy-tickets:T-77')).toBeNull();
  });

  it('has no conversation when the id element is missing', () => {
    const doc = loadFixture('tidy-tickets', TIDY_URL);
    doc.getElementById('ticket')!.removeAttribute('id');
    expect(createCustomAdapter(descriptor(TIDY_INPUT)).read(doc, new URL(TIDY_URL))).toEqual({ kind: 'no-conversation' });
  });

  it("never reads Parley's own nodes as messages or text", () => {
    const doc = loadFixture('tidy-tickets', TIDY_URL);
    const adapter = createCustomAdapter(descriptor(TIDY_INPUT, { messageSelector: '.thread > li', textSelector: undefined }));
    const first = doc.querySelector('.thread > li')!;
    const inline = doc.createElement('parley-inline-translation');
    inline.textContent = 'The printer only prints blank pages.';
    first.after(inline);
    first.querySelector('.body')!.append(doc.createElement('parley-inline-translation'));
    first.querySelector('parley-inline-translation')!.textContent = 'nested translation';
    const { snapshot } = conversationOf(adapter.read(doc, new URL(TIDY_URL)));
    expect(snapshot.messages).toHaveLength(6);
    expect(snapshot.messages.some((m) => m.text.includes('blank pages') || m.text.includes('nested translation'))).toBe(false);
  });
});

describe('custom adapter: what it cannot read', () => {
  it('names the message selector that matched nothing', () => {
    const doc = loadFixture('chatwoot-like', CHATWOOT_URL);
    const reading = createCustomAdapter(descriptor(CHATWOOT_INPUT, { messageSelector: '.msg' })).read(doc, new URL(CHATWOOT_URL));
    expect(reading).toEqual({ kind: 'unrecognised', missing: ['message selector ".msg" matched nothing'] });
  });

  it('names the text selector, the id attribute or the role rules when messages were found but none could be read', () => {
    const doc = loadFixture('chatwoot-like', CHATWOOT_URL);
    const url = new URL(CHATWOOT_URL);
    expect(createCustomAdapter(descriptor(CHATWOOT_INPUT, { textSelector: '.content' })).read(doc, url)).toEqual({
      kind: 'unrecognised',
      missing: ['1 of 7 messages have no message id attribute "data-message-id"', 'text selector ".content" matched nothing inside 6 of 7 messages'],
    });
    expect(createCustomAdapter(descriptor(CHATWOOT_INPUT, { messageIdAttribute: 'data-id' })).read(doc, url)).toEqual({
      kind: 'unrecognised',
      missing: ['7 of 7 messages have no message id attribute "data-id"'],
    });
    expect(createCustomAdapter(descriptor(CHATWOOT_INPUT, { roleRules: [{ selector: '.from-customer', role: 'customer' }] })).read(doc, url)).toEqual({
      kind: 'unrecognised',
      missing: ['7 of 7 messages matched no role rule (default role: skip)'],
    });
  });

  it('turns a selector the DOM refuses into `unrecognised` naming it, never an exception', () => {
    const doc = loadFixture('chatwoot-like', CHATWOOT_URL);
    const url = new URL(CHATWOOT_URL);
    expect(createCustomAdapter(unvalidated(CHATWOOT_INPUT, { messageSelector: 'li[' })).read(doc, url)).toEqual({
      kind: 'unrecognised',
      missing: ['message selector "li[" is not a valid CSS selector'],
    });
    expect(createCustomAdapter(unvalidated(CHATWOOT_INPUT, { excludeSelectors: ['##x'] })).read(doc, url)).toEqual({
      kind: 'unrecognised',
      missing: ['exclude selector "##x" is not a valid CSS selector'],
    });
    expect(createCustomAdapter(unvalidated(CHATWOOT_INPUT, { composerSelector: 'div >' })).findComposer(doc, 'acme-chatwoot:118')).toBeNull();
    expect(createCustomAdapter(unvalidated(CHATWOOT_INPUT, { urlPatterns: ['not a pattern'] })).matchesUrl(url)).toBe(false);
  });
});

describe('custom adapter: read cache', () => {
  it('reads each message element through the cache, so an unchanged message is not parsed again', () => {
    const doc = loadFixture('chatwoot-like', CHATWOOT_URL);
    const adapter = createCustomAdapter(descriptor(CHATWOOT_INPUT));
    const url = new URL(CHATWOOT_URL);
    const cache = new ElementReadCache();
    let computed = 0;
    const counting: ReadCache = { remember: (element, compute) => cache.remember(element, () => (computed++, compute())) };
    adapter.read(doc, url, counting);
    expect(computed).toBe(7);
    const text = doc.querySelector('[data-message-id="9006"] .message-text__wrap')!;
    text.textContent = 'Edited without telling the cache';
    const again = conversationOf(adapter.read(doc, url, counting));
    expect(computed).toBe(7);
    expect(again.snapshot.messages.at(-1)?.text).toBe('Gracias. Lo necesito antes del viernes.');
    cache.invalidate(text);
    expect(conversationOf(adapter.read(doc, url, counting)).snapshot.messages.at(-1)?.text).toBe('Edited without telling the cache');
    expect(computed).toBe(8);
  });
});

describe('parseMachineTime', () => {
  it('takes ISO dates and Unix seconds or milliseconds, and refuses display times', () => {
    expect(parseMachineTime('2026-03-02T09:15:00Z')).toBe('2026-03-02T09:15:00.000Z');
    expect(parseMachineTime('1767607200')).toBe('2026-01-05T10:00:00.000Z');
    expect(parseMachineTime('1767607200000')).toBe('2026-01-05T10:00:00.000Z');
    expect(parseMachineTime('10:32 AM')).toBeUndefined();
    expect(parseMachineTime('May 5')).toBeUndefined();
    expect(parseMachineTime('')).toBeUndefined();
  });
});

describe('custom adapter: composer kind "auto"', () => {
  it.each([
    ['<div class="ck ck-editor"><div class="ck-editor__editable ck-content" contenteditable="true" role="textbox"></div></div>', 'ckeditor5', 'ck-editor__editable'],
    ['<div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true"></div></div>', 'draftjs', 'public-DraftEditor-content'],
    ['<div class="ProseMirror" contenteditable="true"></div>', 'prosemirror', 'ProseMirror'],
    ['<div><div class="plain" contenteditable="true"></div><div contenteditable="false">chrome</div></div>', 'contenteditable', 'plain'],
  ])('tells the editor apart: %s', (markup, kind, editableClass) => {
    const doc = loadFixture('tidy-tickets', TIDY_URL);
    doc.getElementById('reply')!.innerHTML = `<div class="editor-slot">${markup}</div>`;
    const composer = createCustomAdapter(descriptor(TIDY_INPUT, { composerSelector: '.editor-slot' })).findComposer(doc, 'tidy-tickets:T-77');
    expect(composer?.kind).toBe(kind);
    expect(composer?.element.classList.contains(editableClass)).toBe(true);
  });

  it('finds no composer when the element has nothing editable', () => {
    const doc = loadFixture('tidy-tickets', TIDY_URL);
    expect(createCustomAdapter(descriptor(TIDY_INPUT, { composerSelector: '.ticket-subject' })).findComposer(doc, 'tidy-tickets:T-77')).toBeNull();
  });
});
