import { beforeEach, describe, expect, it } from 'vitest';
import {
  chatwootAdapter,
  chatwootConversationId,
  createChatwootAdapter,
  findChatwootComposer,
  readChatwootPage,
} from '@/services/helpdesk/chatwoot/chatwoot-adapter';
import type { ActiveConversation, PageReading } from '@/services/helpdesk/types';
import { FIXTURE_URL, countingCache, loadChatwootFixture, rowById, setPageUrl } from './load-fixture';

const CONVERSATION_1542 = [
  { id: '90210', role: 'system', text: 'Conversation was created from the website widget' },
  {
    id: '90211',
    role: 'customer',
    text: 'Buongiorno, ho ordinato una lampada da tavolo tre settimane fa e non è ancora arrivata.',
  },
  { id: '90212', role: 'bot', text: 'Grazie per averci scritto! Un operatore ti risponderà a breve.' },
  { id: '90213', role: 'system', text: 'Marco Bianchi self-assigned this conversation' },
  { id: '90214', role: 'agent', text: 'Hi Giulia, sorry for the wait!\nCould you send me your order number?' },
  { id: '90215', role: 'customer', text: 'Certo, è il numero 58-1173. Grazie mille!' },
  { id: '90216', role: 'note', text: 'Carrier says the parcel is held in Bologna. @Sam can we refund?' },
  { id: '90217', role: 'customer', text: "Ciao Marco,\nc'è qualche novità sulla spedizione?" },
];

function conversationOf(reading: PageReading): ActiveConversation {
  if (reading.kind !== 'conversation') throw new Error(`expected a conversation, got ${JSON.stringify(reading)}`);
  return reading.conversation;
}

const read = (url: URL = FIXTURE_URL) => conversationOf(chatwootAdapter.read(document, url));

/** A contact's text row shaped like the fixture's. */
function contactRow(id: string, text: string): HTMLElement {
  const row = document.createElement('div');
  row.id = `message${id}`;
  row.className = 'flex w-full message-bubble-container mb-2 justify-start';
  row.setAttribute('data-message-id', id);
  row.innerHTML = `
    <div class="grid grid-cols-1fr gap-x-2"><div class="[grid-area:bubble] flex">
      <div class="text-sm bg-n-slate-4 text-n-slate-12 left-bubble rounded-xl" data-bubble-name="text">
        <div class="gap-3 flex flex-col"><span class="prose prose-bubble"><p></p></span></div>
        <div class="text-[11px] flex"><div class="inline"><time class="inline">12:01 PM</time></div></div>
      </div>
    </div></div>`;
  row.querySelector('p')!.textContent = text;
  return row;
}

const panel = () => document.querySelector('ul.conversation-panel')!;

beforeEach(() => {
  loadChatwootFixture();
});

describe('chatwootAdapter.matchesUrl and the conversation id', () => {
  it('accepts the cloud host on agent paths only', () => {
    expect(chatwootAdapter.matchesUrl(FIXTURE_URL)).toBe(true);
    expect(chatwootAdapter.matchesUrl(new URL('https://app.chatwoot.com/app/accounts/7/conversations/1542'))).toBe(true);
    expect(chatwootAdapter.matchesUrl(new URL('https://APP.chatwoot.com/app/accounts/7/dashboard'))).toBe(true);
    expect(chatwootAdapter.matchesUrl(new URL('https://app.chatwoot.com/app/login'))).toBe(false);
    expect(chatwootAdapter.matchesUrl(new URL('https://www.chatwoot.com/app/accounts/7/dashboard'))).toBe(false);
    expect(chatwootAdapter.matchesUrl(new URL('https://app.chatwoot.com.evil.example/app/accounts/7/dashboard'))).toBe(false);
  });

  it('reads the conversation id from every route that opens a conversation', () => {
    const id = (path: string) => chatwootConversationId(new URL(`https://app.chatwoot.com${path}`));
    expect(id('/app/accounts/7/conversations/1542')).toBe('1542');
    expect(id('/app/accounts/7/inbox/3/conversations/1542')).toBe('1542');
    expect(id('/app/accounts/7/label/vip%20clients/conversations/1542')).toBe('1542');
    expect(id('/app/accounts/7/team/2/conversations/1542/')).toBe('1542');
    expect(id('/app/accounts/7/custom_view/9/conversations/1542')).toBe('1542');
    expect(id('/app/accounts/7/mentions/conversations/1542')).toBe('1542');
    expect(id('/app/accounts/7/unattended/conversations/1542')).toBe('1542');
    expect(id('/app/accounts/7/participating/conversations/1542')).toBe('1542');
    expect(id('/app/accounts/7/dashboard')).toBeNull();
    expect(id('/app/accounts/7/inbox/3')).toBeNull();
    expect(id('/app/accounts/7/contacts/1542')).toBeNull();
    expect(id('/app/accounts/7/conversations/abc')).toBeNull();
  });

  it('builds the same adapter for a self-hosted host', () => {
    const selfHosted = createChatwootAdapter((host) => host === 'support.example.org');
    const url = new URL('https://support.example.org/app/accounts/1/conversations/1542');
    expect(selfHosted.id).toBe('chatwoot');
    expect(selfHosted.matchesUrl(url)).toBe(true);
    expect(selfHosted.matchesUrl(FIXTURE_URL)).toBe(false);
    expect(chatwootAdapter.matchesUrl(url)).toBe(false);
    setPageUrl(url);
    expect(conversationOf(selfHosted.read(document, url)).snapshot.messages.map((m) => m.id)).toEqual(
      CONVERSATION_1542.map((m) => m.id),
    );
    expect(selfHosted.findComposer(document, '1542')?.kind).toBe('prosemirror');
  });
});

describe('chatwootAdapter.read', () => {
  it("reads conversation 1542's messages in order, with ids, roles and clean text", () => {
    const { snapshot } = read();
    expect(snapshot.helpdesk).toBe('chatwoot');
    expect(snapshot.conversationId).toBe('1542');
    expect(snapshot.messages).toEqual(CONVERSATION_1542);
  });

  it('leaves out the reply-to preview, meta line, avatars, quoted email history and buttons', () => {
    const { snapshot } = read();
    const byId = new Map(snapshot.messages.map((m) => [m.id, m.text]));
    // The contact's reply quotes the agent's question above her own words.
    expect(rowById(document, '90215').textContent).toContain('Could you send me your order number?');
    expect(byId.get('90215')).not.toContain('order number');
    // The email reply's quoted history is expanded in the page, but it is not her message.
    expect(rowById(document, '90217').querySelector('blockquote')?.textContent).toContain('sorry for the wait');
    expect(byId.get('90217')).not.toMatch(/sorry for the wait|ha scritto|Hide quoted text|Subject|example\.it/);
    const allText = snapshot.messages.map((m) => m.text).join('\n');
    for (const chrome of ['AM', 'PM', 'MB', 'Captain', 'Reply', 'Private Note', 'Send']) expect(allText).not.toContain(chrome);
  });

  it("never reads the conversation list's previews of other conversations", () => {
    const allText = read().snapshot.messages.map((m) => m.text).join('\n');
    expect(document.body.textContent).toContain('Mijn bestelling');
    expect(allText).not.toContain('Mijn bestelling');
  });

  it('anchors each message to the element holding its text, inside its own row', () => {
    const { snapshot, anchors } = read();
    expect([...anchors.keys()]).toEqual(snapshot.messages.map((m) => m.id));
    expect(anchors.get('90214')?.matches('span.prose-bubble')).toBe(true);
    expect(anchors.get('90217')?.classList.contains('letter-render')).toBe(true);
    expect(anchors.get('90213')?.getAttribute('title')).toBe('Marco Bianchi self-assigned this conversation');
    for (const [id, anchor] of anchors) expect(anchor.closest('[data-message-id]')?.getAttribute('data-message-id')).toBe(id);
  });

  it('gives no time: Chatwoot shows only a clock time, and reads one when a datetime is there', () => {
    expect(read().snapshot.messages.some((m) => 'time' in m)).toBe(false);
    rowById(document, '90211').querySelector('time')!.setAttribute('datetime', '2026-05-19T07:02:00+00:00');
    expect(read().snapshot.messages[1]).toMatchObject({ id: '90211', time: '2026-05-19T07:02:00.000Z' });
  });

  it('reads rows of the early-2025 markup, without the container class or the element id', () => {
    for (const row of panel().querySelectorAll('[data-message-id]')) {
      row.classList.remove('message-bubble-container');
      row.removeAttribute('id');
    }
    expect(read().snapshot.messages).toEqual(CONVERSATION_1542);
  });

  it('reads a message appended to the list, with ids stable across re-rendered rows', () => {
    panel().append(contactRow('90218', 'Va bene, aspetto. Grazie!'));
    for (const row of panel().querySelectorAll('[data-message-id]')) row.replaceWith(row.cloneNode(true));
    const { snapshot, anchors } = read();
    expect(snapshot.messages.map((m) => m.id)).toEqual([...CONVERSATION_1542.map((m) => m.id), '90218']);
    expect(snapshot.messages.at(-1)).toEqual({ id: '90218', role: 'customer', text: 'Va bene, aspetto. Grazie!' });
    expect(anchors.get('90211')?.isConnected).toBe(true);
  });

  it('reads each row through the cache: an unchanged row is not parsed again', () => {
    const cache = countingCache();
    const first = conversationOf(readChatwootPage(document, FIXTURE_URL, cache));
    expect(cache.computed).toBe(CONVERSATION_1542.length);
    // The watcher forgets a row whose subtree changed.
    const changed = rowById(document, '90215');
    changed.querySelector('strong')!.textContent = '58-1174';
    cache.forget(changed);
    const second = conversationOf(readChatwootPage(document, FIXTURE_URL, cache));
    expect(cache.computed).toBe(CONVERSATION_1542.length + 1);
    expect(second.snapshot.messages[5]!.text).toBe('Certo, è il numero 58-1174. Grazie mille!');
    expect(second.snapshot.messages[1]).toBe(first.snapshot.messages[1]);
  });

  describe('roles when the theme changes', () => {
    const bubbleOf = (id: string) => rowById(document, id).querySelector('[data-bubble-name]')!;

    it('falls back to the row alignment when the bubble colours are unknown (a re-themed fork)', () => {
      for (const bubble of document.querySelectorAll('[data-bubble-name]')) {
        bubble.classList.remove('bg-n-slate-4', 'bg-n-solid-blue', 'bg-n-solid-iris', 'bg-n-solid-amber');
      }
      const roles = read().snapshot.messages.map((m) => [m.id, m.role]);
      expect(roles).toEqual([
        ['90210', 'system'],
        ['90211', 'customer'],
        ['90212', 'agent'],
        ['90213', 'system'],
        ['90214', 'agent'],
        ['90215', 'customer'],
        // The lock icon still marks the note.
        ['90216', 'note'],
        ['90217', 'customer'],
      ]);
    });

    it('trusts the bubble colour over the alignment, and the lock icon over both', () => {
      // In an early-2025 Chatwoot, only the current agent's own messages were right-aligned.
      rowById(document, '90214').classList.replace('justify-end', 'justify-start');
      bubbleOf('90216').classList.replace('bg-n-solid-amber', 'bg-n-solid-blue');
      const roles = new Map(read().snapshot.messages.map((m) => [m.id, m.role]));
      expect(roles.get('90214')).toBe('agent');
      expect(roles.get('90216')).toBe('note');
    });

    it('reads an activity line marked only by its centred row (newer Marker markup)', () => {
      const row = rowById(document, '90213');
      row.innerHTML = '<div class="marker"><span title="Conversation was resolved by Marco">Conversation was resolved by Marco</span></div>';
      expect(read().snapshot.messages[3]).toEqual({ id: '90213', role: 'system', text: 'Conversation was resolved by Marco' });
    });
  });

  describe('degrades without throwing', () => {
    it('gives no-conversation on a page without a conversation in its URL', () => {
      const url = new URL('https://app.chatwoot.com/app/accounts/7/dashboard');
      expect(chatwootAdapter.read(document, url)).toEqual({ kind: 'no-conversation' });
    });

    it('gives unrecognised, naming the message list, when the list is missing', () => {
      panel().remove();
      const reading = chatwootAdapter.read(document, FIXTURE_URL);
      expect(reading.kind).toBe('unrecognised');
      expect(reading.kind === 'unrecognised' && reading.missing.join(' ')).toMatch(/message list.*conversation-panel/);
    });

    it('gives unrecognised when rows are there but none can be read', () => {
      for (const row of panel().querySelectorAll('[data-message-id]')) {
        row.classList.remove('justify-start', 'justify-end', 'justify-center');
        row.querySelector('[data-bubble-name]')?.removeAttribute('data-bubble-name');
        row.querySelector('.i-lucide-lock-keyhole')?.remove();
        row.querySelectorAll('[class]').forEach((el) => el.classList.remove('bg-n-slate-4', 'bg-n-solid-blue', 'bg-n-solid-iris', 'bg-n-solid-amber'));
      }
      const reading = chatwootAdapter.read(document, FIXTURE_URL);
      expect(reading).toEqual({ kind: 'unrecognised', missing: [expect.stringMatching(/author, id or text/)] });
    });

    it('skips rows without a numeric id, without text, or without any role signal', () => {
      rowById(document, '90211').setAttribute('data-message-id', '"], body, [x="');
      rowById(document, '90212').querySelector('span.prose')!.innerHTML = '<button>Retry</button>';
      const orphan = rowById(document, '90214');
      orphan.classList.remove('justify-end');
      orphan.querySelector('[data-bubble-name]')!.classList.remove('bg-n-solid-blue');
      expect(read().snapshot.messages.map((m) => m.id)).toEqual(['90210', '90213', '90215', '90216', '90217']);
    });

    it('gives an empty conversation for a conversation without messages yet', () => {
      for (const row of panel().querySelectorAll('[data-message-id]')) row.remove();
      const { snapshot, anchors } = read();
      expect(snapshot.messages).toEqual([]);
      expect(anchors.size).toBe(0);
    });

    it('turns a DOM that throws into unrecognised, and a composer lookup that throws into null', () => {
      const broken = {
        URL: FIXTURE_URL.href,
        querySelector() {
          throw new Error('detached frame');
        },
      } as unknown as Document;
      const reading = chatwootAdapter.read(broken, FIXTURE_URL);
      expect(reading).toEqual({ kind: 'unrecognised', missing: [expect.stringContaining('detached frame')] });
      expect(chatwootAdapter.findComposer(broken, '1542')).toBeNull();
    });
  });
});

describe('chatwootAdapter.findComposer', () => {
  const replyEditor = () => document.querySelector('.reply-box .ProseMirror')!;

  it("returns the reply box's ProseMirror editor, not the contact panel's notes editor", () => {
    const composer = chatwootAdapter.findComposer(document, '1542');
    expect(composer).toEqual({ kind: 'prosemirror', element: replyEditor(), isPublicReply: true });
    expect(composer?.element.closest('.conversation-sidebar')).toBeNull();
  });

  it('reports a private note as not public', () => {
    document.querySelector('.reply-box')!.classList.add('is-private');
    expect(chatwootAdapter.findComposer(document, '1542')?.isPublicReply).toBe(false);
  });

  it('returns null for any conversation but the one the page shows', () => {
    expect(chatwootAdapter.findComposer(document, '1539')).toBeNull();
    setPageUrl('https://app.chatwoot.com/app/accounts/7/inbox/3/conversations/1539');
    expect(chatwootAdapter.findComposer(document, '1542')).toBeNull();
    setPageUrl('https://app.chatwoot.com/app/accounts/7/dashboard');
    expect(chatwootAdapter.findComposer(document, '1542')).toBeNull();
    expect(findChatwootComposer(document, '1542', FIXTURE_URL)?.element).toBe(replyEditor());
  });

  it('returns null without a reply box, even though another ProseMirror editor is on the page', () => {
    document.querySelector('.reply-box')!.remove();
    expect(document.querySelector('.ProseMirror[contenteditable="true"]')).not.toBeNull();
    expect(chatwootAdapter.findComposer(document, '1542')).toBeNull();
  });

  it('finds the plain textarea of channels without the rich editor', () => {
    document.querySelector('.reply-box__top')!.innerHTML = '<textarea class="input" placeholder="Shift + enter for new line."></textarea>';
    const composer = chatwootAdapter.findComposer(document, '1542');
    expect(composer?.kind).toBe('textarea');
    expect(composer?.element.tagName).toBe('TEXTAREA');
  });
});
