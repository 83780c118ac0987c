import { describe, expect, it, vi } from 'vitest';
import type { HelpdeskPage } from '@/services/helpdesk/helpdesk-page';
import { readThrough, type HelpdeskAdapter, type PageReading } from '@/services/helpdesk/types';
import { watchConversation } from '@/services/page/conversation-watcher';

const URL_OF_PAGE = new URL('https://list.example/conversations/1');

/** A stand-in adapter reading `<li data-id>` items, counting how many message elements it parses. */
function listAdapter() {
  const parsed = vi.fn((li: HTMLElement) => ({ id: li.dataset.id!, role: 'customer' as const, text: li.textContent ?? '' }));
  const adapter: HelpdeskAdapter = {
    id: 'custom',
    matchesUrl: (url) => url.hostname === 'list.example',
    findComposer: () => null,
    read(doc, _url, cache): PageReading {
      const items = [...doc.querySelectorAll<HTMLElement>('li[data-id]')];
      if (items.length === 0) return { kind: 'no-conversation' };
      return {
        kind: 'conversation',
        conversation: {
          snapshot: { helpdesk: 'custom', conversationId: '1', messages: items.map((li) => readThrough(cache, li, () => parsed(li))) },
          anchors: new Map(items.map((li) => [li.dataset.id!, li])),
        },
      };
    },
  };
  return { adapter, parsed };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 30));
const ids = (page: HelpdeskPage | null | undefined) =>
  page?.reading.kind === 'conversation' ? page.reading.conversation.snapshot.messages.map((m) => m.id) : null;

describe('watchConversation', () => {
  it('reads at start and after page changes, parsing only the messages that changed', async () => {
    document.body.innerHTML = '<ul><li data-id="a">Hallo</li><li data-id="b">Danke</li></ul>';
    const { adapter, parsed } = listAdapter();
    const reads: Array<HelpdeskPage | null> = [];
    const watcher = watchConversation({ doc: document, adapters: [adapter], currentUrl: () => URL_OF_PAGE, onRead: (p) => reads.push(p), debounceMs: 5 });
    expect(ids(reads[0])).toEqual(['a', 'b']);
    expect(parsed).toHaveBeenCalledTimes(2);

    document.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li data-id="c">Tschüss</li>');
    await flush();
    expect(ids(reads.at(-1))).toEqual(['a', 'b', 'c']);
    expect(parsed).toHaveBeenCalledTimes(3);

    document.querySelector('li[data-id="a"]')!.firstChild!.nodeValue = 'Hallo!';
    await flush();
    expect(parsed).toHaveBeenCalledTimes(4);
    expect(reads.at(-1)?.reading.kind === 'conversation' && reads.at(-1)!.reading).toMatchObject({
      conversation: { snapshot: { messages: [{ id: 'a', text: 'Hallo!' }, { id: 'b' }, { id: 'c' }] } },
    });
    watcher.stop();
  });

  it("does not read again for Parley's own elements coming and going", async () => {
    document.body.innerHTML = '<ul><li data-id="a">Hallo</li></ul>';
    const { adapter } = listAdapter();
    const onRead = vi.fn();
    const watcher = watchConversation({ doc: document, adapters: [adapter], currentUrl: () => URL_OF_PAGE, onRead, debounceMs: 5 });
    document.querySelector('li')!.after(document.createElement('parley-inline-translation'));
    await flush();
    expect(onRead).toHaveBeenCalledTimes(1);
    watcher.stop();
  });

  it('turns an adapter error into an unrecognised reading tagged with its name; the page stays intact', () => {
    document.body.innerHTML = '<p>page</p>';
    const broken: HelpdeskAdapter = { ...listAdapter().adapter, read: () => { throw new Error('selector drift'); } };
    const reads: Array<HelpdeskPage | null> = [];
    expect(() => watchConversation({ doc: document, adapters: [broken], currentUrl: () => URL_OF_PAGE, onRead: (p) => reads.push(p) })).not.toThrow();
    expect(reads[0]?.reading).toEqual({ kind: 'unrecognised', missing: ['custom adapter failed: Error: selector drift'] });
    expect(document.body.innerHTML).toBe('<p>page</p>');
  });

  it('reads null for a page no adapter claims, and stops observing when stopped', async () => {
    document.body.innerHTML = '<ul><li data-id="a">x</li></ul>';
    const { adapter } = listAdapter();
    const reads: Array<HelpdeskPage | null> = [];
    const watcher = watchConversation({ doc: document, adapters: [adapter], currentUrl: () => new URL('https://other.example/'), onRead: (p) => reads.push(p), debounceMs: 5 });
    expect(reads).toEqual([null]);
    watcher.stop();
    document.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li data-id="b">y</li>');
    await flush();
    expect(reads).toHaveLength(1);
  });
});
