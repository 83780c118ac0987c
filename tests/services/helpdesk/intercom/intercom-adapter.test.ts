import { beforeEach, describe, expect, it } from 'vitest';
import { intercomAdapter, intercomConversationId } from '@/services/helpdesk/intercom/intercom-adapter';
import type { ActiveConversation, PageReading } from '@/services/helpdesk/types';
import { FIXTURE_URL, countingCache, groupById, loadIntercomFixture, partById, setPageUrl } from './load-fixture';

const CONVERSATION_215469 = [
  { id: '801', role: 'customer', text: 'Hola, compré unas zapatillas la semana pasada y me llegaron en la talla equivocada.' },
  { id: '802', role: 'customer', text: '¿Puedo cambiarlas por una talla 39?' },
  { id: '803', role: 'bot', text: '¡Gracias por escribirnos! Un miembro del equipo te responderá en breve.' },
  { id: '804', role: 'system', text: 'Fin AI Agent assigned this conversation to Support' },
  { id: '805', role: 'agent', text: 'Hi Lucía! Sure, I can help with that.\nCould you tell me your order number?' },
  { id: '806', role: 'note', text: 'Checked the shop: size 39 is in stock in Madrid.' },
  { id: '807', role: 'customer', text: 'Es el pedido #A-99812.\n¡Gracias!' },
];

function conversationOf(reading: PageReading): ActiveConversation {
  if (reading.kind !== 'conversation') throw new Error(`expected a conversation, got ${JSON.stringify(reading)}`);
  return reading.conversation;
}

const read = (url: URL = FIXTURE_URL) => conversationOf(intercomAdapter.read(document, url));
const stream = () => document.querySelector('[data-conversation-stream]')!;
const rolesById = () => new Map(read().snapshot.messages.map((m) => [m.id, m.role]));

beforeEach(() => {
  loadIntercomFixture();
});

describe('intercomAdapter.matchesUrl and the conversation id', () => {
  it('accepts the inbox on Intercom app hosts only', () => {
    expect(intercomAdapter.matchesUrl(FIXTURE_URL)).toBe(true);
    expect(intercomAdapter.matchesUrl(new URL('https://app.intercom.com/a/inbox/abc123/inbox/shared/all'))).toBe(true);
    expect(intercomAdapter.matchesUrl(new URL('https://app.eu.intercom.com/a/inbox/abc123/inbox/admin/1/conversation/9'))).toBe(true);
    expect(intercomAdapter.matchesUrl(new URL('https://app.intercom.com/a/apps/abc123/inbox/inbox/admin/1'))).toBe(true);
    expect(intercomAdapter.matchesUrl(new URL('https://app.intercom.com/a/apps/abc123/users/segments/all'))).toBe(false);
    expect(intercomAdapter.matchesUrl(new URL('https://www.intercom.com/a/inbox/abc123/inbox'))).toBe(false);
    expect(intercomAdapter.matchesUrl(new URL('https://app.intercom.com.evil.example/a/inbox/abc123/inbox'))).toBe(false);
  });

  it('reads the conversation id from inbox URLs only', () => {
    const id = (path: string) => intercomConversationId(new URL(`https://app.intercom.com${path}`));
    expect(id('/a/inbox/abc123/inbox/admin/5521/conversation/215469')).toBe('215469');
    expect(id('/a/inbox/abc123/inbox/shared/all/conversation/215469?view=Table')).toBe('215469');
    expect(id('/a/inbox/abc123/inbox/search/conversations/215469')).toBe('215469');
    expect(id('/a/inbox/abc123/inbox/admin/5521')).toBeNull();
    expect(id('/a/apps/abc123/users/conversation/215469')).toBeNull();
  });
});

describe('intercomAdapter.read', () => {
  it("reads conversation 215469's parts in order, each part its own message, with roles and clean text", () => {
    const { snapshot } = read();
    expect(snapshot.helpdesk).toBe('intercom');
    expect(snapshot.conversationId).toBe('215469');
    expect(snapshot.title).toBe('Cambio de talla');
    expect(snapshot.messages).toEqual(CONVERSATION_215469);
  });

  it('leaves out avatars, author lines, part actions and quoted email history', () => {
    const allText = read().snapshot.messages.map((m) => m.text).join('\n');
    expect(partById(document, '807').querySelector('blockquote')?.textContent).toContain('order number');
    for (const chrome of ['LF', 'Lucía Fernández', 'Sam Carter', 'Seen', 'via email', '1d', '↩', 'escribió']) {
      expect(allText).not.toContain(chrome);
    }
    expect(read().snapshot.messages.find((m) => m.id === '807')?.text).not.toContain('order number');
  });

  it("never reads the conversation list's previews", () => {
    const allText = read().snapshot.messages.map((m) => m.text).join('\n');
    expect(document.body.textContent).toContain('Meine Rechnung');
    expect(allText).not.toContain('Meine Rechnung');
  });

  it('anchors each message to its body, inside its own part', () => {
    const { snapshot, anchors } = read();
    expect([...anchors.keys()]).toEqual(snapshot.messages.map((m) => m.id));
    expect(anchors.get('801')?.classList.contains('interblocks-html')).toBe(true);
    expect(anchors.get('807')?.classList.contains('inbox-2__user-email-content')).toBe(true);
    for (const [id, anchor] of anchors) expect(anchor.closest('[data-part-id]')?.getAttribute('data-part-id')).toBe(id);
  });

  it('reads a group without [data-part-id] parts as one message with the group id', () => {
    for (const part of groupById(document, '71001').querySelectorAll('[data-part-id]')) part.removeAttribute('data-part-id');
    const first = read().snapshot.messages[0];
    expect(first).toEqual({
      id: '71001',
      role: 'customer',
      text: 'Hola, compré unas zapatillas la semana pasada y me llegaron en la talla equivocada.\n¿Puedo cambiarlas por una talla 39?',
    });
    expect(read().anchors.get('71001')).toBe(groupById(document, '71001').querySelectorAll('.interblocks-html')[1]);
  });

  it('reads a machine-readable time when a part has one', () => {
    expect(read().snapshot.messages.some((m) => 'time' in m)).toBe(false);
    const time = document.createElement('time');
    time.setAttribute('datetime', '2026-05-18T08:04:00Z');
    time.textContent = '1d';
    partById(document, '805').append(time);
    expect(read().snapshot.messages[4]).toMatchObject({ id: '805', time: '2026-05-18T08:04:00.000Z' });
    expect(read().snapshot.messages[4]!.text).not.toContain('1d');
  });

  it('reads each group through the cache: an unchanged group is not parsed again', () => {
    const cache = countingCache();
    conversationOf(intercomAdapter.read(document, FIXTURE_URL, cache));
    expect(cache.computed).toBe(6);
    const changed = groupById(document, '71004');
    changed.querySelector('p')!.textContent = 'Hi Lucía! Of course.';
    cache.forget(changed);
    const second = conversationOf(intercomAdapter.read(document, FIXTURE_URL, cache));
    expect(cache.computed).toBe(7);
    expect(second.snapshot.messages[4]!.text).toBe('Hi Lucía! Of course.\nCould you tell me your order number?');
  });

  it('keeps ids stable when the stream re-renders its nodes, and reads an appended part', () => {
    const first = read().snapshot.messages.map((m) => m.id);
    for (const group of stream().querySelectorAll('[data-part-group-id]')) group.replaceWith(group.cloneNode(true));
    const extra = partById(document, '802').cloneNode(true) as Element;
    extra.setAttribute('data-part-id', '808');
    extra.querySelector('p')!.textContent = '¿Hola?';
    groupById(document, '71006').querySelector('.flex-col')!.append(extra);
    const second = read();
    expect(second.snapshot.messages.map((m) => m.id)).toEqual([...first, '808']);
    expect(second.snapshot.messages.at(-1)).toEqual({ id: '808', role: 'customer', text: '¿Hola?' });
    expect(second.anchors.get('801')?.isConnected).toBe(true);
  });

  describe('roles without a part group category (newer markup)', () => {
    it('falls back to the author type, then to the layout: right-aligned teammate, left-aligned customer', () => {
      for (const group of stream().querySelectorAll('[data-part-group-category]')) group.removeAttribute('data-part-group-category');
      groupById(document, '71002').setAttribute('data-author-type', 'bot');
      const roles = rolesById();
      expect([...roles]).toEqual([
        ['801', 'customer'],
        ['802', 'customer'],
        ['803', 'bot'],
        ['805', 'agent'],
        ['806', 'agent'],
        ['807', 'customer'],
      ]);
    });

    it('reads parts that carry their id on [data-part-entity-id] when there are no groups', () => {
      stream().innerHTML = `
        <div data-part-entity-id="9001" class="flex flex-row justify-start">
          <div class="group/content-part"><div class="interblocks-html"><p>¿Me ayudan?</p></div></div>
        </div>
        <div data-part-entity-id="9002" class="flex flex-row justify-end">
          <div class="group/content-part"><div class="interblocks-html"><p>Of course!</p></div></div>
        </div>`;
      expect(read().snapshot.messages).toEqual([
        { id: '9001', role: 'customer', text: '¿Me ayudan?' },
        { id: '9002', role: 'agent', text: 'Of course!' },
      ]);
    });
  });

  describe('degrades without throwing', () => {
    it('gives no-conversation when no conversation is open', () => {
      const url = new URL('https://app.intercom.com/a/inbox/abc123/inbox/admin/5521?view=List');
      expect(intercomAdapter.read(document, url)).toEqual({ kind: 'no-conversation' });
    });

    it('gives unrecognised when the page has none of the inbox markup', () => {
      document.body.innerHTML = '<div id="ember3">Loading…</div>';
      const reading = intercomAdapter.read(document, FIXTURE_URL);
      expect(reading).toEqual({ kind: 'unrecognised', missing: [expect.stringContaining('conversation-space')] });
    });

    it('gives unrecognised, naming the stream, when the stream is missing', () => {
      stream().remove();
      const reading = intercomAdapter.read(document, FIXTURE_URL);
      expect(reading).toEqual({ kind: 'unrecognised', missing: [expect.stringContaining('data-conversation-stream')] });
    });

    it('gives unrecognised when parts have no ids Parley can keep', () => {
      stream().innerHTML = '<div class="group/content-part"><div class="interblocks-html"><p>Hola</p></div></div>';
      const reading = intercomAdapter.read(document, FIXTURE_URL);
      expect(reading).toEqual({ kind: 'unrecognised', missing: [expect.stringContaining('part ids')] });
    });

    it('gives unrecognised when groups are there but no part can be read', () => {
      for (const group of stream().querySelectorAll('[data-part-group-id]')) {
        group.setAttribute('data-part-group-category', '99');
        group.querySelectorAll('.justify-start, .flex-row-reverse').forEach((el) => el.classList.remove('justify-start', 'flex-row-reverse'));
      }
      const reading = intercomAdapter.read(document, FIXTURE_URL);
      expect(reading).toEqual({ kind: 'unrecognised', missing: [expect.stringContaining('part author, id or text')] });
    });

    it('skips a part without a body (an attachment) and a part without an id', () => {
      partById(document, '803').innerHTML = '<img alt="photo.jpg" src="data:,">';
      partById(document, '806').setAttribute('data-part-id', ' ');
      expect(read().snapshot.messages.map((m) => m.id)).toEqual(['801', '802', '804', '805', '807']);
    });

    it('turns a DOM that throws into unrecognised, and a composer lookup that throws into null', () => {
      const broken = {
        URL: FIXTURE_URL.href,
        querySelector() {
          throw new Error('detached frame');
        },
      } as unknown as Document;
      expect(intercomAdapter.read(broken, FIXTURE_URL)).toEqual({
        kind: 'unrecognised',
        missing: [expect.stringContaining('detached frame')],
      });
      expect(intercomAdapter.findComposer(broken, '215469')).toBeNull();
    });
  });
});

describe('intercomAdapter.findComposer', () => {
  const replyEditor = () => document.querySelector('[data-conversation-reply-composer] .ProseMirror')!;

  it("returns the conversation's ProseMirror composer, not the Copilot panel's editor", () => {
    expect(intercomAdapter.findComposer(document, '215469')).toEqual({
      kind: 'prosemirror',
      element: replyEditor(),
      isPublicReply: null,
    });
  });

  it('returns null for any conversation but the one the URL shows', () => {
    expect(intercomAdapter.findComposer(document, '215402')).toBeNull();
    setPageUrl('https://app.intercom.com/a/inbox/abc123/inbox/admin/5521/conversation/215402');
    expect(intercomAdapter.findComposer(document, '215469')).toBeNull();
    setPageUrl('https://app.intercom.com/a/inbox/abc123/inbox/admin/5521');
    expect(intercomAdapter.findComposer(document, '215469')).toBeNull();
  });

  it('returns null when the conversation has no composer, even though the sidebar has an editor', () => {
    document.querySelector('[data-conversation-reply-composer]')!.remove();
    expect(document.querySelector('.ProseMirror[contenteditable="true"]')).not.toBeNull();
    expect(intercomAdapter.findComposer(document, '215469')).toBeNull();
  });

  it("reports the older inbox's note pane as not public, and a plain textbox as contenteditable", () => {
    const composer = document.querySelector('[data-conversation-reply-composer]')!;
    composer.innerHTML = '<div class="conversation__text o__note"><div class="embercom-prosemirror-composer-editor" contenteditable="true"><p></p></div></div>';
    expect(intercomAdapter.findComposer(document, '215469')).toMatchObject({ kind: 'contenteditable', isPublicReply: false });
  });
});
