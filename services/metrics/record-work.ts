import type { ReplyCheck } from '@/services/markets/conversation-market';
import type { MessageRecord, ParleyDatabase } from '@/services/storage/database';
import { recordWorkEvents, type ReplyOrigin } from './work-events';

/**
 * The background's hooks into live work for the dashboard: each records what just happened, never
 * throws, and never delays the work itself by more than one IndexedDB write.
 */

/** Where an inserted reply came from, as the panel or the page says. */
export interface InsertOrigin {
  kind: ReplyOrigin;
  suggestionsKey?: string;
  suggestionIndex?: number;
}

/** When the customer's latest message arrived: the helpdesk's own time when the page shows it, else when Parley first read it. */
export function arrivalOf(message: Pick<MessageRecord, 'time' | 'seenAt'>): number | null {
  const shown = message.time ? Date.parse(message.time) : Number.NaN;
  if (!Number.isNaN(shown)) return shown;
  return message.seenAt ?? null;
}

/** New customer messages of a conversation (counted by the day they arrived). */
export async function recordCustomerMessages(db: ParleyDatabase, conversationKey: string, messages: readonly MessageRecord[], marketId: string | null) {
  await recordWorkEvents(
    db,
    messages.map((message) => ({
      kind: 'customer-message' as const,
      conversationKey,
      at: arrivalOf(message) ?? undefined,
      language: message.detection?.language ?? null,
      marketId,
    })),
  );
}

/** A set of suggestions the agent saw, once per set (reopening the panel shows the same set again). */
export async function recordSuggestionsShown(db: ParleyDatabase, conversationKey: string, suggestionsKey: string, count: number) {
  const seen = await db.events
    .where('conversationKey')
    .equals(conversationKey)
    .filter((event) => event.kind === 'suggestions-shown' && event.suggestionsKey === suggestionsKey)
    .count();
  if (seen === 0) await recordWorkEvents(db, [{ kind: 'suggestions-shown', conversationKey, suggestionsKey, count }]);
}

export async function recordOutboundTranslation(db: ParleyDatabase, conversationKey: string, language: string) {
  await recordWorkEvents(db, [{ kind: 'outbound-translation', conversationKey, language }]);
}

/** The checks that failed on a reply about to be inserted (whether it then went in or was blocked). */
export async function recordFailedChecks(db: ParleyDatabase, conversationKey: string, check: ReplyCheck | null) {
  if (!check?.marketId) return;
  const marketId = check.marketId;
  await recordWorkEvents(
    db,
    check.results
      .filter((result) => result.status !== 'pass')
      .map((result) => ({ kind: 'check-failed' as const, conversationKey, ruleId: result.ruleId, status: result.status as 'warn' | 'block', marketId })),
  );
}

/** A reply that landed in the composer, with the time since the customer's latest message. */
export async function recordReplyInserted(db: ParleyDatabase, conversationKey: string, origin: InsertOrigin, marketId: string | null) {
  const [conversation, messages] = await Promise.all([
    db.conversations.get(conversationKey),
    db.messages.where('conversationKey').equals(conversationKey).sortBy('order'),
  ]);
  const latestCustomer = messages.filter((message) => message.role === 'customer').at(-1);
  const arrived = latestCustomer ? arrivalOf(latestCustomer) : null;
  const now = Date.now();
  await recordWorkEvents(db, [
    {
      kind: 'reply-inserted',
      conversationKey,
      at: now,
      origin: origin.kind,
      suggestionsKey: origin.suggestionsKey,
      suggestionIndex: origin.suggestionIndex,
      responseMs: arrived === null ? null : Math.max(0, now - arrived),
      language: conversation?.language?.tag ?? null,
      marketId,
    },
  ]);
}
