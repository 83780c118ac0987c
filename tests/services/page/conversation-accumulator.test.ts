import { describe, expect, it } from 'vitest';
import type { ConversationSnapshot } from '@/services/helpdesk/types';
import { createConversationAccumulator } from '@/services/page/conversation-accumulator';

const snap = (conversationId: string, ids: string[], text = (id: string) => `text ${id}`): ConversationSnapshot => ({
  helpdesk: 'shopify-inbox',
  conversationId,
  messages: ids.map((id) => ({ id, role: 'customer', text: text(id) })),
});

describe('conversation accumulator', () => {
  it('reports everything on the first read, then only what is new or changed', () => {
    const acc = createConversationAccumulator();
    const first = acc.merge(snap('c', ['1', '2', '3']));
    expect(first.conversationChanged).toBe(true);
    expect(first.upserts.map((m) => m.id)).toEqual(['1', '2', '3']);
    expect(acc.merge(snap('c', ['1', '2', '3'])).upserts).toEqual([]);
    const edited = acc.merge(snap('c', ['1', '2', '3'], (id) => (id === '2' ? 'edited' : `text ${id}`)));
    expect(edited.upserts).toEqual([expect.objectContaining({ id: '2', text: 'edited', position: first.upserts[1]!.position })]);
  });

  it('keeps rows a virtualised list unmounted, and places rows that appear in between by position', () => {
    const acc = createConversationAccumulator();
    const first = acc.merge(snap('c', ['5', '6', '7']));
    const pos = Object.fromEntries(first.upserts.map((m) => [m.id, m.position]));
    // The agent scrolls up: older rows mount, newer ones unmount.
    const older = acc.merge(snap('c', ['3', '4', '5']));
    expect(older.upserts.map((m) => m.id)).toEqual(['3', '4']);
    const p3 = older.upserts[0]!.position;
    const p4 = older.upserts[1]!.position;
    expect(p3).toBeLessThan(p4);
    expect(p4).toBeLessThan(pos['5']!);
    // Scrolling back down reports nothing new: 6 and 7 were read before.
    expect(acc.merge(snap('c', ['5', '6', '7'])).upserts).toEqual([]);
    expect(acc.knownCount()).toBe(5);
    // A row between two known ones.
    const inserted = acc.merge(snap('c', ['5', '5b', '6']));
    expect(inserted.upserts[0]!.position).toBeGreaterThan(pos['5']!);
    expect(inserted.upserts[0]!.position).toBeLessThan(pos['6']!);
  });

  it('places a row after a known message whose successors are unmounted before those successors', () => {
    const acc = createConversationAccumulator();
    const first = acc.merge(snap('c', ['1', '2', '3']));
    const [p1, p2] = first.upserts.map((m) => m.position);
    const placed = acc.merge(snap('c', ['1', '1b'])).upserts[0]!.position;
    expect(placed).toBeGreaterThan(p1!);
    expect(placed).toBeLessThan(p2!);
  });

  it('starts over for another conversation', () => {
    const acc = createConversationAccumulator();
    acc.merge(snap('c', ['1', '2']));
    const other = acc.merge(snap('d', ['1']));
    expect(other.conversationChanged).toBe(true);
    expect(other.upserts.map((m) => m.id)).toEqual(['1']);
    expect(acc.knownCount()).toBe(1);
  });
});
