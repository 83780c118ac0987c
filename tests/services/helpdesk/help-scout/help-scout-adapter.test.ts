import { beforeEach, describe, expect, it } from 'vitest';
import { helpScoutAdapter, helpScoutConversationId } from '@/services/helpdesk/help-scout/help-scout-adapter';
import type { ActiveConversation, PageReading } from '@/services/helpdesk/types';
import { FIXTURE_URL, countingCache, loadHelpScoutFixture, setPageUrl, threadById } from './load-fixture';

/** Oldest first, although the page lists the newest thread first. */
const CONVERSATION_2874519361 = [
  {
    id: 'thread-7702001',
    role: 'customer',
    text: 'Goedemiddag,\nMijn bestelling #NL-4471 is beschadigd aangekomen. De lamp is gebroken.',
    time: '2026-05-18T12:03:00.000Z',
  },
  {
    id: 'thread-7702002',
    role: 'system',
    text: 'Assigned to Sam Carter by Workflow: Route NL',
    time: '2026-05-18T12:04:00.000Z',
  },
  {
    id: 'thread-7702003',
    role: 'agent',
    text: "Hi Eva, I'm sorry to hear that!\nCould you send us a photo of the damaged parcel?",
    time: '2026-05-18T13:02:00.000Z',
  },
  {
    id: 'thread-7702004',
    role: 'customer',
    text: "Hallo Sam,\nHier zijn de foto's van de beschadigde doos.",
    time: '2026-05-18T14:12:00.000Z',
  },
  {
    id: 'thread-7702005',
    role: 'note',
    text: 'Carrier confirmed damage in transit. Replacement approved by Lisa.',
    time: '2026-05-18T14:30:00.000Z',
  },
  {
    id: 'thread-7702006',
    role: 'system',
    text: 'Sam Carter changed the status to Pending',
    time: '2026-05-18T14:31:00.000Z',
  },
];

function conversationOf(reading: PageReading): ActiveConversation {
  if (reading.kind !== 'conversation') throw new Error(`expected a conversation, got ${JSON.stringify(reading)}`);
  return reading.conversation;
}

const read = (url: URL = FIXTURE_URL) => conversationOf(helpScoutAdapter.read(document, url));
const threadList = () => document.querySelector('ol[data-testid="ThreadContainer"]')!;

beforeEach(() => {
  loadHelpScoutFixture();
});

describe('helpScoutAdapter.matchesUrl and the conversation id', () => {
  it('accepts secure.helpscout.net only', () => {
    expect(helpScoutAdapter.matchesUrl(FIXTURE_URL)).toBe(true);
    expect(helpScoutAdapter.matchesUrl(new URL('https://secure.helpscout.net/inboxes/6123/views/1'))).toBe(true);
    expect(helpScoutAdapter.matchesUrl(new URL('https://www.helpscout.net/conversation/2874519361/48213'))).toBe(false);
    expect(helpScoutAdapter.matchesUrl(new URL('https://secure.helpscout.net.evil.example/conversation/1/2'))).toBe(false);
  });

  it('reads the conversation id, not the conversation number', () => {
    const id = (path: string) => helpScoutConversationId(new URL(`https://secure.helpscout.net${path}`));
    expect(id('/conversation/2874519361/48213?folderId=6123')).toBe('2874519361');
    expect(id('/conversation/2874519361')).toBe('2874519361');
    expect(id('/inboxes/6123/views/1')).toBeNull();
    expect(id('/conversation/new')).toBeNull();
  });
});

describe('helpScoutAdapter.read', () => {
  it("reads conversation 2874519361's threads oldest first, with ids, roles, clean text and times", () => {
    const { snapshot } = read();
    expect(snapshot.helpdesk).toBe('help-scout');
    expect(snapshot.conversationId).toBe('2874519361');
    expect(snapshot.messages).toEqual(CONVERSATION_2874519361);
  });

  it('keeps the page order when the page already lists the oldest thread first', () => {
    const list = threadList();
    for (const item of [...list.children].reverse()) list.append(item);
    expect(read().snapshot.messages.map((m) => m.id)).toEqual(CONVERSATION_2874519361.map((m) => m.id));
  });

  it('orders by thread id when the threads carry no machine-readable time', () => {
    for (const time of document.querySelectorAll('time')) time.removeAttribute('datetime');
    const { snapshot } = read();
    expect(snapshot.messages.map((m) => m.id)).toEqual(CONVERSATION_2874519361.map((m) => m.id));
    expect(snapshot.messages.some((m) => 'time' in m)).toBe(false);
  });

  it('leaves out authors, timestamps, quoted email history and attachment buttons', () => {
    const allText = read().snapshot.messages.map((m) => m.text).join('\n');
    expect(threadById(document, 'thread-7702004').querySelector('blockquote')?.textContent).toContain('photo');
    for (const chrome of ['Eva de Jong', 'added a note', 'replied', '4:12pm', 'May 18', 'schreef', 'doos.jpg']) {
      expect(allText).not.toContain(chrome);
    }
    expect(read().snapshot.messages[3]!.text).not.toContain('photo');
  });

  it("never reads the conversation list's previews or the reply editor", () => {
    document.querySelector('[data-slate-editor] [data-slate-object="block"]')!.textContent = 'Beste Eva, ';
    const allText = read().snapshot.messages.map((m) => m.text).join('\n');
    expect(allText).not.toContain('remboursement');
    expect(allText).not.toContain('Beste Eva');
  });

  it('anchors each message to its body (or the line item itself), inside its own thread', () => {
    const { snapshot, anchors } = read();
    expect([...anchors.keys()]).toEqual(snapshot.messages.map((m) => m.id));
    expect(anchors.get('thread-7702003')?.classList.contains('is-ignoring-table')).toBe(true);
    expect(anchors.get('thread-7702002')).toBe(threadById(document, 'thread-7702002'));
    for (const [id, anchor] of anchors) expect(anchor.closest('[id^="thread-"]')?.id).toBe(id);
  });

  it('reads each thread through the cache: an unchanged thread is not parsed again', () => {
    const cache = countingCache();
    conversationOf(helpScoutAdapter.read(document, FIXTURE_URL, cache));
    expect(cache.computed).toBe(6);
    const changed = threadById(document, 'thread-7702005').parentElement!;
    changed.querySelector('p')!.textContent = 'Replacement shipped.';
    cache.forget(changed);
    const second = conversationOf(helpScoutAdapter.read(document, FIXTURE_URL, cache));
    expect(cache.computed).toBe(7);
    expect(second.snapshot.messages[4]!.text).toBe('Replacement shipped.');
  });

  it('reads a new thread added on top, and keeps ids across re-rendered items', () => {
    const newest = threadList().children[2]!.cloneNode(true) as Element;
    newest.querySelector('[id^="thread-"]')!.id = 'thread-7702007';
    newest.querySelector('time')!.setAttribute('datetime', '2026-05-19T08:00:00Z');
    newest.querySelector('.is-ignoring-table')!.innerHTML = '<p>Wanneer komt de nieuwe lamp?</p>';
    threadList().prepend(newest);
    for (const item of threadList().children) item.replaceWith(item.cloneNode(true));
    const { snapshot, anchors } = read();
    expect(snapshot.messages.at(-1)).toEqual({
      id: 'thread-7702007',
      role: 'customer',
      text: 'Wanneer komt de nieuwe lamp?',
      time: '2026-05-19T08:00:00.000Z',
    });
    expect(anchors.get('thread-7702001')?.isConnected).toBe(true);
  });

  it('reads the older article markup (2023) with its type class on the article', () => {
    document.body.innerHTML = `
      <div id="wrap">
        <article id="thread-501" class="thread customer">
          <section class="js-thread-content"><section class="messageBodyWrap"><section class="message">
            <section class="threadHeader"><section class="meta"><span>Eva de Jong</span></section></section>
            <section class="messageBody"><p>Is er nieuws?</p></section>
          </section></section></section>
        </article>
      </div>`;
    expect(read().snapshot.messages).toEqual([{ id: 'thread-501', role: 'customer', text: 'Is er nieuws?' }]);
  });

  it('falls back to the aria-label for a customer thread without a type class', () => {
    const item = threadById(document, 'thread-7702001').parentElement!;
    item.classList.remove('is-customer');
    expect(read().snapshot.messages[0]).toMatchObject({ id: 'thread-7702001', role: 'customer' });
    threadById(document, 'thread-7702001').removeAttribute('aria-label');
    expect(read().snapshot.messages.map((m) => m.id)).not.toContain('thread-7702001');
  });

  describe('degrades without throwing', () => {
    it('gives no-conversation on a mailbox page', () => {
      expect(helpScoutAdapter.read(document, new URL('https://secure.helpscout.net/inboxes/6123/views/1'))).toEqual({
        kind: 'no-conversation',
      });
    });

    it('gives no-conversation while the page still shows the previous conversation (mid-switch)', () => {
      const next = new URL('https://secure.helpscout.net/conversation/2874519104/48207');
      expect(helpScoutAdapter.read(document, next)).toEqual({ kind: 'no-conversation' });
    });

    it('gives unrecognised, naming the thread list, when there is none', () => {
      threadList().remove();
      expect(helpScoutAdapter.read(document, FIXTURE_URL)).toEqual({
        kind: 'unrecognised',
        missing: [expect.stringContaining('ThreadContainer')],
      });
    });

    it('gives unrecognised when the list has items of an unknown shape', () => {
      for (const thread of threadList().querySelectorAll('[id^="thread-"]')) thread.removeAttribute('id');
      expect(helpScoutAdapter.read(document, FIXTURE_URL)).toEqual({
        kind: 'unrecognised',
        missing: [expect.stringContaining('thread items')],
      });
    });

    it('gives unrecognised when threads are there but none has a known type', () => {
      for (const item of threadList().children) item.className = 'ThreadListItem';
      for (const thread of threadList().querySelectorAll('[aria-label]')) thread.removeAttribute('aria-label');
      expect(helpScoutAdapter.read(document, FIXTURE_URL)).toEqual({
        kind: 'unrecognised',
        missing: [expect.stringContaining('thread type, id or body')],
      });
    });

    it('skips a thread with a malformed id or an empty body', () => {
      threadById(document, 'thread-7702003').id = 'thread-x';
      threadById(document, 'thread-7702005').querySelector('.is-ignoring-table')!.innerHTML = '<img alt="" src="data:,">';
      expect(read().snapshot.messages.map((m) => m.id)).toEqual([
        'thread-7702001',
        'thread-7702002',
        'thread-7702004',
        'thread-7702006',
      ]);
    });

    it('turns a DOM that throws into unrecognised, and a composer lookup that throws into null', () => {
      const broken = {
        URL: FIXTURE_URL.href,
        querySelector() {
          throw new Error('detached frame');
        },
      } as unknown as Document;
      expect(helpScoutAdapter.read(broken, FIXTURE_URL)).toEqual({
        kind: 'unrecognised',
        missing: [expect.stringContaining('detached frame')],
      });
      expect(helpScoutAdapter.findComposer(broken, '2874519361')).toBeNull();
    });
  });
});

describe('helpScoutAdapter.findComposer', () => {
  const editor = () => document.querySelector('[data-slate-editor="true"]')!;

  it('returns the Slate reply editor as a contenteditable composer, public by its label', () => {
    expect(helpScoutAdapter.findComposer(document, '2874519361')).toEqual({
      kind: 'contenteditable',
      element: editor(),
      isPublicReply: true,
    });
  });

  it('reads a note editor as not public, and an unknown label as unknown', () => {
    editor().setAttribute('aria-label', 'Note Editor');
    expect(helpScoutAdapter.findComposer(document, '2874519361')?.isPublicReply).toBe(false);
    editor().setAttribute('aria-label', 'Éditeur');
    expect(helpScoutAdapter.findComposer(document, '2874519361')?.isPublicReply).toBeNull();
  });

  it('returns null for another conversation, and while the page still shows the previous one', () => {
    expect(helpScoutAdapter.findComposer(document, '2874519104')).toBeNull();
    setPageUrl('https://secure.helpscout.net/conversation/2874519104/48207');
    expect(helpScoutAdapter.findComposer(document, '2874519104')).toBeNull();
    expect(helpScoutAdapter.findComposer(document, '2874519361')).toBeNull();
  });

  it('returns null when the editor is not open (the reply bar only)', () => {
    document.querySelector('[data-cy="ConvoEditor"]')!.remove();
    expect(helpScoutAdapter.findComposer(document, '2874519361')).toBeNull();
  });

  it('finds the older Redactor editor', () => {
    document.querySelector('[data-cy="ConvoEditor"]')!.innerHTML =
      '<div class="redactor_redactor redactor_editor" contenteditable="true"><p></p></div>';
    expect(helpScoutAdapter.findComposer(document, '2874519361')).toMatchObject({
      kind: 'contenteditable',
      isPublicReply: null,
    });
  });
});
