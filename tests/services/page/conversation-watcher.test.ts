import { describe, expect, it } from 'vitest';
import type { ActiveConversation, HelpdeskAdapter } from '@/services/helpdesk/types';
import { watchConversation, type ScanResult } from '@/services/page/conversation-watcher';

/** A stand-in adapter reading `<li data-id>` items: the watcher's logic does not depend on Zendesk markup. */
const listAdapter: HelpdeskAdapter = {
  id: 'zendesk',
  detect: () => true,
  findComposer: () => null,
  readActiveConversation(doc): ActiveConversation | null {
    const items = [...doc.querySelectorAll<HTMLElement>('li[data-id]')];
    if (items.length === 0) return null;
    return {
      snapshot: { helpdesk: 'zendesk', conversationId: '1', messages: items.map((li) => ({ id: li.dataset.id!, role: 'customer', text: li.textContent ?? '' })) },
      anchors: new Map(items.map((li) => [li.dataset.id!, li])),
    };
  },
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('watchConversation', () => {
  it('reads at start, then again after page changes, reporting only real snapshot changes', async () => {
    document.body.innerHTML = '<ul><li data-id="a">Hallo</li></ul>';
    const scans: ScanResult[] = [];
    const watcher = watchConversation({ doc: document, adapter: listAdapter, onScan: (s) => scans.push(s), debounceMs: 5 });
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ snapshotChanged: true });

    document.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li data-id="b">Danke</li>');
    await flush();
    expect(scans.at(-1)?.snapshotChanged).toBe(true);
    expect(scans.at(-1)?.active?.snapshot.messages.map((m) => m.id)).toEqual(['a', 'b']);

    const count = scans.length;
    document.body.appendChild(document.createElement('div')); // unrelated change
    await flush();
    expect(scans.length).toBe(count + 1);
    expect(scans.at(-1)?.snapshotChanged).toBe(false);
    watcher.stop();
  });

  it('catches an adapter error, reports it tagged, and keeps the page intact', async () => {
    document.body.innerHTML = '<p>page</p>';
    const broken: HelpdeskAdapter = { ...listAdapter, readActiveConversation: () => { throw new Error('selector drift'); } };
    const scans: ScanResult[] = [];
    expect(() => watchConversation({ doc: document, adapter: broken, onScan: (s) => scans.push(s) })).not.toThrow();
    expect(scans[0]).toEqual({ active: null, snapshotChanged: false, error: 'zendesk adapter: Error: selector drift' });
    expect(document.body.innerHTML).toBe('<p>page</p>');
  });

  it('stops observing when stopped', async () => {
    document.body.innerHTML = '<ul><li data-id="a">x</li></ul>';
    const scans: ScanResult[] = [];
    const watcher = watchConversation({ doc: document, adapter: listAdapter, onScan: (s) => scans.push(s), debounceMs: 5 });
    watcher.stop();
    document.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li data-id="b">y</li>');
    await flush();
    expect(scans).toHaveLength(1);
  });
});
