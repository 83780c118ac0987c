import { beforeEach, describe, expect, it } from 'vitest';
import { zendeskAdapter } from '@/services/helpdesk/zendesk/zendesk-adapter';
import { FIXTURE_URL, activateTicket, articleById, layoutOf, loadZendeskFixture } from './load-fixture';

const TICKET_4821 = [
  {
    id: 'audit-1001',
    role: 'customer',
    text: 'Hallo, ich habe meine Bestellung #40213 vor zwei Wochen aufgegeben und sie ist immer noch nicht angekommen.',
    time: '2026-05-04T08:12:00Z',
  },
  { id: 'audit-1002', role: 'agent', text: "Hi Lena, thanks for reaching out! I'm checking the tracking for order #40213 now.", time: '2026-05-04T09:01:00Z' },
  { id: 'audit-1003', role: 'note', text: 'Carrier says the parcel is held at customs in Leipzig.', time: '2026-05-05T14:30:00Z' },
  { id: 'audit-1004', role: 'bot', text: 'Your request has been assigned to Sam from the support team.', time: '2026-05-05T14:31:00Z' },
  { id: 'audit-1005', role: 'customer', text: 'Können Sie mir bitte sagen, wann das Paket ankommt? Ich brauche es bis Freitag.', time: '2026-05-18T07:55:00Z' },
];

/** Texts that exist only in the background tickets 4790 and 4902. */
const BACKGROUND_TEXTS = ['não recebi', 'Could you share your order number?', '55781', 'colis', 'Camille', 'refund'];

function reading() {
  return zendeskAdapter.read(document, FIXTURE_URL);
}

function read() {
  const result = reading();
  if (result.kind !== 'conversation') throw new Error(`expected a conversation, got ${JSON.stringify(result)}`);
  return result.conversation;
}

/** A new article shaped like the fixture's customer messages. */
function customerArticle(id: string, text: string, type: string | null = 'end-user'): HTMLElement {
  const article = document.createElement('article');
  article.setAttribute('data-test-id', 'omni-log-comment-item');
  article.id = id;
  article.innerHTML = `
    <div data-test-id="omni-log-item-message"${type === null ? '' : ` type="${type}"`}>
      <span data-test-id="omni-log-item-sender"><a href="/agent/users/1"><strong>Lena Fischer</strong></a></span>
      <time data-test-id="timestamp-relative" datetime="2026-05-18T09:00:00Z">just now</time>
      <div data-test-id="omni-log-message-content" data-originated-from="EmailInteraction">
        <div class="zd-comment"><p></p></div>
      </div>
    </div>`;
  article.querySelector('p')!.textContent = text;
  return article;
}

beforeEach(() => {
  loadZendeskFixture();
});

describe('zendeskAdapter.matchesUrl', () => {
  it('accepts zendesk.com agent URLs only', () => {
    expect(zendeskAdapter.matchesUrl(FIXTURE_URL)).toBe(true);
    expect(zendeskAdapter.matchesUrl(new URL('https://acme.zendesk.com/agent/chat/123'))).toBe(true);
    expect(zendeskAdapter.matchesUrl(new URL('https://acme.zendesk.com/hc/en-us/requests/4821'))).toBe(false);
    expect(zendeskAdapter.matchesUrl(new URL('https://acme.zendesk.com.evil.example/agent/tickets/4821'))).toBe(false);
    expect(zendeskAdapter.matchesUrl(new URL('https://zendesk.com.example.org/agent/'))).toBe(false);
  });

  it('says the page is not recognised when a zendesk.com agent URL has no workspace markup', () => {
    document.body.innerHTML = '<div id="root">Loading…</div>';
    expect(reading()).toEqual({ kind: 'unrecognised', missing: ['agent workspace'] });
  });
});

describe('zendeskAdapter.read', () => {
  it("reads exactly ticket 4821's messages, in order, with ids, roles and clean text", () => {
    const { snapshot } = read();
    expect(snapshot.helpdesk).toBe('zendesk');
    expect(snapshot.conversationId).toBe('4821');
    expect(snapshot.title).toBe('Paket nicht angekommen');
    expect(snapshot.messages).toEqual(TICKET_4821);
  });

  it('reads nothing from the background tickets 4790 and 4902', () => {
    const { snapshot, anchors } = read();
    const allText = snapshot.messages.map((m) => m.text).join('\n');
    for (const text of BACKGROUND_TEXTS) expect(allText).not.toContain(text);
    for (const anchor of anchors.values()) {
      expect(layoutOf(document, '4821').contains(anchor)).toBe(true);
    }
  });

  it('leaves out the quoted history of an email reply', () => {
    const last = read().snapshot.messages.at(-1)!;
    expect(last.id).toBe('audit-1005');
    // The quoted agent email and its signature are in the article's <blockquote>, not in the message.
    expect(articleById(document, 'audit-1005').querySelector('blockquote')?.textContent).toContain('tracking');
    expect(last.text).not.toContain('tracking');
    expect(last.text).not.toContain('Acme Support');
  });

  it('strips sender names, timestamps, via labels, read icons, buttons and the aria-hidden measuring copy', () => {
    const { snapshot } = read();
    const allText = snapshot.messages.map((m) => m.text).join('\n');
    for (const noise of ['Lena Fischer', 'Sam Carter', '2 weeks ago', '5 minutes ago', 'via email', 'Read', 'Internal note',
      'Show quoted text', 'Status changed', 'Layout measuring copy']) {
      expect(allText).not.toContain(noise);
    }
    expect(snapshot.messages.map((m) => m.id)).not.toContain('audit-1003-measure');
  });

  it('maps each message id to its message content element, where the inline translation is mounted', () => {
    const { snapshot, anchors } = read();
    expect([...anchors.keys()]).toEqual(snapshot.messages.map((m) => m.id));
    for (const [id, anchor] of anchors) {
      expect(anchor.getAttribute('data-test-id')).toBe('omni-log-message-content');
      expect(anchor.closest('article')?.id).toBe(id);
    }
  });

  it('keeps message ids stable across reads and re-rendered nodes', () => {
    const first = read().snapshot.messages.map((m) => m.id);
    // Zendesk re-renders by replacing nodes: swap every article for a fresh copy.
    for (const article of layoutOf(document, '4821').querySelectorAll('article')) {
      article.replaceWith(article.cloneNode(true));
    }
    const second = read();
    expect(second.snapshot.messages.map((m) => m.id)).toEqual(first);
    expect(second.anchors.get('audit-1001')?.isConnected).toBe(true);
  });

  it('follows a switch to another ticket tab (attributes flipped as Zendesk does)', () => {
    activateTicket(document, '4790');
    const { snapshot } = read();
    expect(snapshot.conversationId).toBe('4790');
    expect(snapshot.title).toBe('Pedido não recebido');
    expect(snapshot.messages.map(({ id, role, text }) => ({ id, role, text }))).toEqual([
      { id: 'audit-0901', role: 'customer', text: 'Olá, não recebi o meu pedido e já passaram três semanas.' },
      { id: 'audit-0902', role: 'agent', text: 'Hi João, sorry about that. Could you share your order number?' },
      { id: 'audit-0903', role: 'customer', text: 'O número é 55781. Obrigado!' },
    ]);
  });

  it('joins the paragraphs of a message with a newline', () => {
    activateTicket(document, '4902');
    const { snapshot } = read();
    expect(snapshot.conversationId).toBe('4902');
    expect(snapshot.messages.map((m) => m.role)).toEqual(['customer', 'agent']);
    expect(snapshot.messages[1]!.text).toBe(
      "Hi Camille, I'm sorry the parcel arrived damaged.\nI have started a full refund; you will see it within five business days.",
    );
  });

  it('reads a message appended to the active log, and ignores one appended to a background log', () => {
    const activeLog = layoutOf(document, '4821').querySelector('[data-test-id="omni-log-container"]')!;
    activeLog.append(customerArticle('audit-1006', 'Hallo? Gibt es Neuigkeiten?'));
    const backgroundLog = layoutOf(document, '4790').querySelector('[data-test-id="omni-log-container"]')!;
    backgroundLog.append(customerArticle('audit-0904', 'Alguma novidade?'));

    const { snapshot, anchors } = read();
    expect(snapshot.messages).toHaveLength(6);
    expect(snapshot.messages.at(-1)).toEqual({
      id: 'audit-1006',
      role: 'customer',
      text: 'Hallo? Gibt es Neuigkeiten?',
      time: '2026-05-18T09:00:00Z',
    });
    expect(anchors.has('audit-1006')).toBe(true);
    expect(anchors.has('audit-0904')).toBe(false);
  });

  it('falls back to the single active layout when no header tab is marked selected', () => {
    for (const tab of document.querySelectorAll('[data-test-id="header-tab"]')) {
      tab.setAttribute('data-entity-is-selected', 'false');
      tab.removeAttribute('aria-current');
    }
    expect(read().snapshot.conversationId).toBe('4821');
  });

  it('falls back to the aria-current tab and the ticket wrapper when the layout markup differs', () => {
    for (const tab of document.querySelectorAll('[data-test-id="header-tab"]')) tab.removeAttribute('data-entity-is-selected');
    for (const layout of document.querySelectorAll('[data-test-id$="-standard-layout"]')) {
      layout.removeAttribute('data-test-id');
      layout.removeAttribute('data-is-active');
    }
    const { snapshot } = read();
    expect(snapshot.conversationId).toBe('4821');
    expect(snapshot.messages.map((m) => m.id)).toEqual(TICKET_4821.map((m) => m.id));
  });

  describe('degrades on broken markup without throwing', () => {
    it('says what is missing when the active log container is gone', () => {
      layoutOf(document, '4821').querySelector('[data-test-id="omni-log-container"]')!.remove();
      expect(reading()).toEqual({ kind: 'unrecognised', missing: ['message log of the active ticket'] });
    });

    it('says so when no message of the log can be read any more (author markup changed)', () => {
      for (const message of layoutOf(document, '4821').querySelectorAll('[data-test-id="omni-log-item-message"]')) message.removeAttribute('type');
      for (const badge of layoutOf(document, '4821').querySelectorAll('[data-test-id="omni-log-avatar-badge-AgentBadge"]')) badge.remove();
      for (const note of layoutOf(document, '4821').querySelectorAll('[data-test-id="omni-log-internal-note-tag"], [data-originated-from="Trigger"]')) note.remove();
      expect(reading()).toEqual({ kind: 'unrecognised', missing: ['message author, id or text'] });
    });

    it('skips a message whose author type is missing (and that has no agent badge)', () => {
      articleById(document, 'audit-1001').querySelector('[data-test-id="omni-log-item-message"]')!.removeAttribute('type');
      const ids = read().snapshot.messages.map((m) => m.id);
      expect(ids).toEqual(['audit-1002', 'audit-1003', 'audit-1004', 'audit-1005']);
    });

    it('still reads an agent message without type through its agent badge', () => {
      articleById(document, 'audit-1002').querySelector('[data-test-id="omni-log-item-message"]')!.removeAttribute('type');
      expect(read().snapshot.messages[1]).toMatchObject({ id: 'audit-1002', role: 'agent' });
    });

    it('skips articles without an id, without a content element, with an unknown type or with no text', () => {
      articleById(document, 'audit-1001').removeAttribute('id');
      articleById(document, 'audit-1002').querySelector('[data-test-id="omni-log-message-content"]')!.remove();
      articleById(document, 'audit-1004').querySelector('[data-test-id="omni-log-message-content"]')!.innerHTML =
        '<button>Retry</button> <svg><title>Failed</title></svg>';
      const log = layoutOf(document, '4821').querySelector('[data-test-id="omni-log-container"]')!;
      log.append(customerArticle('audit-1007', 'Wer bin ich?', 'ghost'));
      expect(read().snapshot.messages.map((m) => m.id)).toEqual(['audit-1003', 'audit-1005']);
    });

    it('reads no conversation when the selected tab and the active layout disagree (mid-switch)', () => {
      layoutOf(document, '4821').setAttribute('data-is-active', 'false');
      layoutOf(document, '4790').setAttribute('data-is-active', 'true');
      expect(reading()).toEqual({ kind: 'no-conversation' });
    });

    it('reads no conversation on an agent page without a ticket (views)', () => {
      document.body.innerHTML = '<div data-test-id="main-panes"><h1>Views</h1></div>';
      expect(zendeskAdapter.read(document, new URL('https://acme.zendesk.com/agent/filters/360001'))).toEqual({ kind: 'no-conversation' });
      expect(zendeskAdapter.findComposer(document, '4821')).toBeNull();
    });

    it('ignores a non-numeric ticket id instead of building a selector from it', () => {
      const tab = document.querySelector('[data-entity-id="4821"]')!;
      tab.setAttribute('data-entity-id', '"] , body, [x="');
      expect(() => reading()).not.toThrow();
      // No trustworthy tab id: the single active layout still names ticket 4821.
      expect(read().snapshot.conversationId).toBe('4821');
    });
  });
});

describe('zendeskAdapter on a messaging (live chat) conversation', () => {
  it('reads chat messages with roles and times, and leaves read indicators out', () => {
    activateTicket(document, '5001');
    const { snapshot } = read();
    expect(snapshot).toMatchObject({ conversationId: '5001', title: 'Conversation with 佐藤 美咲' });
    expect(snapshot.messages).toEqual([
      { id: 'audit-5101', role: 'customer', text: '荷物がまだ届いていません。いつ届きますか？', time: '2026-05-18T08:20:00Z' },
      { id: 'audit-5102', role: 'bot', text: 'Thanks! An agent will be with you shortly.', time: '2026-05-18T08:20:05Z' },
      { id: 'audit-5103', role: 'customer', text: '注文番号は #40377 です。', time: '2026-05-18T08:21:00Z' },
    ]);
  });

  it("finds the messaging composer (plain-text CKEditor) and knows it is public", () => {
    activateTicket(document, '5001');
    const composer = zendeskAdapter.findComposer(document, '5001');
    expect(composer?.kind).toBe('ckeditor5');
    expect(composer?.element.getAttribute('data-test-id')).toBe('omnicomposer-plain-text-ckeditor');
    expect(composer?.isPublicReply).toBe(true);
  });
});

describe('zendeskAdapter.findComposer', () => {
  const editorOf = (ticketId: string) =>
    layoutOf(document, ticketId).querySelector('[data-test-id="omnicomposer-rich-text-ckeditor"]');

  it("returns the active ticket's CKEditor editable, not a background ticket's", () => {
    const composer = zendeskAdapter.findComposer(document, '4821');
    expect(composer?.kind).toBe('ckeditor5');
    expect(composer?.element).toBe(editorOf('4821'));
    expect(composer?.element).not.toBe(editorOf('4790'));
    expect(composer?.element).not.toBe(editorOf('4902'));
    expect(composer?.isPublicReply).toBe(true);
  });

  it('follows the active ticket and reads an internal-note channel as not public', () => {
    activateTicket(document, '4902');
    expect(zendeskAdapter.findComposer(document, '4821')).toBeNull();
    const composer = zendeskAdapter.findComposer(document, '4902');
    expect(composer?.element).toBe(editorOf('4902'));
    expect(composer?.isPublicReply).toBe(false);
  });

  it('reports the channel as unknown when the switcher label is localised or missing', () => {
    const switcher = layoutOf(document, '4821').querySelector('[data-test-id="omnichannel-channel-switcher-button"]')!;
    switcher.setAttribute('aria-label', 'Öffentliche Antwort');
    expect(zendeskAdapter.findComposer(document, '4821')?.isPublicReply).toBeNull();
    switcher.remove();
    expect(zendeskAdapter.findComposer(document, '4821')?.isPublicReply).toBeNull();
  });

  it('tells textarea and plain contenteditable composers apart', () => {
    const editor = editorOf('4821')!;
    editor.classList.remove('ck-editor__editable');
    expect(zendeskAdapter.findComposer(document, '4821')?.kind).toBe('contenteditable');

    const wrapper = layoutOf(document, '4821').querySelector('[data-test-id="ticket-rich-text-editor"]')!;
    wrapper.innerHTML = '<textarea aria-label="Reply"></textarea>';
    const composer = zendeskAdapter.findComposer(document, '4821');
    expect(composer?.kind).toBe('textarea');
    expect(composer?.element.tagName).toBe('TEXTAREA');
  });

  it('returns null when the active ticket has no composer, even though background tickets do', () => {
    layoutOf(document, '4821').querySelector('[data-test-id="ticket-rich-text-editor"]')!.remove();
    expect(zendeskAdapter.findComposer(document, '4821')).toBeNull();
  });
});
