/**
 * Puts the messages that need translating into few requests: identical texts once, at most
 * `maxItems` messages and `maxChars` characters a request (long answers stream slower and a
 * failure costs more), newest first — the customer's latest message is the one the agent reads now.
 */

export interface PlannedMessage {
  messageKey: string;
  /** What is sent (already masked); identical texts are translated once. */
  text: string;
  /** Position in the conversation: higher is newer. */
  order: number;
}

export interface PlannedItem {
  /** Short id used in the request. */
  id: string;
  text: string;
  /** Every message this translation is for. */
  messageKeys: string[];
}

export interface BatchLimits {
  maxItems: number;
  maxChars: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxItems: 8, maxChars: 3_000 };

export function planBatches(messages: readonly PlannedMessage[], limits: BatchLimits = DEFAULT_BATCH_LIMITS): PlannedItem[][] {
  const byText = new Map<string, PlannedItem & { order: number }>();
  for (const message of messages) {
    const known = byText.get(message.text);
    if (known) {
      known.messageKeys.push(message.messageKey);
      known.order = Math.max(known.order, message.order);
    } else {
      byText.set(message.text, { id: '', text: message.text, messageKeys: [message.messageKey], order: message.order });
    }
  }
  const unique = [...byText.values()].sort((a, b) => b.order - a.order);
  const batches: PlannedItem[][] = [];
  let current: PlannedItem[] = [];
  let chars = 0;
  for (const entry of unique) {
    const length = entry.text.length;
    if (current.length > 0 && (current.length >= limits.maxItems || chars + length > limits.maxChars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push({ id: String(current.length + 1), text: entry.text, messageKeys: entry.messageKeys });
    chars += length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
