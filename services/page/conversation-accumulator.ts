import type { ConversationSnapshot, HelpdeskMessage } from '@/services/helpdesk/types';

export interface PositionedMessage extends HelpdeskMessage {
  /** Sort key within the conversation: older messages have smaller positions. */
  position: number;
}

export interface MergeResult {
  /** True when this snapshot belongs to another conversation than the previous one. */
  conversationChanged: boolean;
  /** Messages that are new or whose text or role changed: what the background must hear about. */
  upserts: PositionedMessage[];
}

const GAP = 1024;

/**
 * Everything read so far of the current conversation, keyed by message id. Helpdesks with
 * virtualised lists unmount old rows while the agent scrolls: a message read once stays known,
 * and a row that appears between two known ones gets a position between theirs. Only what changed
 * is reported, so a new message in a 2,000-message conversation costs one message downstream.
 */
export function createConversationAccumulator() {
  let conversationId: string | null = null;
  let known = new Map<string, PositionedMessage>();
  let highest = 0;

  function merge(snapshot: ConversationSnapshot): MergeResult {
    const conversationChanged = snapshot.conversationId !== conversationId;
    if (conversationChanged) {
      conversationId = snapshot.conversationId;
      known = new Map();
      highest = 0;
    }
    const visible = snapshot.messages;
    const upserts: PositionedMessage[] = [];
    let previousPosition: number | null = null;
    // For each index, the position of the next already-known message after it: computed once, in
    // one backward pass, and only when there is a new message to place.
    let nextKnown: Array<number | null> | null = null;

    for (let index = 0; index < visible.length; index++) {
      const message = visible[index]!;
      const existing = known.get(message.id);
      if (existing) {
        if (existing.text !== message.text || existing.role !== message.role || existing.time !== message.time) {
          const updated = { ...message, position: existing.position };
          known.set(message.id, updated);
          upserts.push(updated);
        }
        previousPosition = existing.position;
        continue;
      }
      nextKnown ??= nextKnownPositions(visible);
      const position = positionBetween(previousPosition, nextKnown[index]!);
      const added = { ...message, position };
      known.set(message.id, added);
      if (position > highest) highest = position;
      upserts.push(added);
      previousPosition = position;
    }
    return { conversationChanged, upserts };
  }

  /** nextKnown[i]: the position of the first message after index i that was known before this merge. */
  function nextKnownPositions(visible: readonly HelpdeskMessage[]): Array<number | null> {
    const result = new Array<number | null>(visible.length);
    let next: number | null = null;
    for (let index = visible.length - 1; index >= 0; index--) {
      result[index] = next;
      const message = known.get(visible[index]!.id);
      if (message) next = message.position;
    }
    return result;
  }

  function positionBetween(before: number | null, after: number | null): number {
    if (before !== null && after !== null) return (before + after) / 2;
    if (before !== null) {
      // Usually the newest message (before is the highest): O(1). Otherwise the row follows a
      // message whose known successors are unmounted: it goes right after it, before them.
      if (before >= highest) return before + GAP;
      return (before + lowestAbove(before)) / 2;
    }
    if (after !== null) return after - GAP;
    return highest + GAP;
  }

  function lowestAbove(position: number): number {
    let lowest = Infinity;
    for (const message of known.values()) if (message.position > position && message.position < lowest) lowest = message.position;
    return lowest;
  }

  return { merge, knownCount: () => known.size };
}
