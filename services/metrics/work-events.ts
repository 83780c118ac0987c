import type { CheckStatus } from '@/services/checks/run-checks';
import type { ParleyDatabase } from '@/services/storage/database';
import { localDay } from '@/services/time/local-day';

/**
 * What happens in live work, recorded locally (IndexedDB, never sent anywhere) for the leads'
 * dashboard: one event per customer message, suggestion set shown, outbound translation, reply
 * inserted and check that failed. Each names its conversation and local day; the dashboard
 * aggregates them (metrics-summary.ts).
 */

/** Where an inserted reply came from. */
export type ReplyOrigin =
  /** A suggestion as the model wrote it. */
  | 'suggestion'
  /** A suggestion the agent edited or rewrote first. */
  | 'suggestion-edited'
  /** The agent's own draft, translated in the panel. */
  | 'draft'
  /** Typed in the helpdesk's composer and translated there ("translate my reply"). */
  | 'composer';

interface EventBase {
  id?: number;
  at: number;
  /** Local day, YYYY-MM-DD. */
  day: string;
  conversationKey: string;
}

export type WorkEvent = EventBase &
  (
    | { kind: 'customer-message'; language: string | null; marketId: string | null }
    | { kind: 'suggestions-shown'; suggestionsKey: string; count: number }
    | { kind: 'outbound-translation'; language: string }
    | {
        kind: 'reply-inserted';
        origin: ReplyOrigin;
        /** The suggestion set and index, for suggestions. */
        suggestionsKey?: string;
        suggestionIndex?: number;
        /** From the customer's latest message to this insertion; null when there is none. */
        responseMs: number | null;
        language: string | null;
        marketId: string | null;
      }
    | { kind: 'check-failed'; ruleId: string; status: Exclude<CheckStatus, 'pass'>; marketId: string }
  );

export type WorkEventKind = WorkEvent['kind'];


type NewEvent = WorkEvent extends infer E ? (E extends WorkEvent ? Omit<E, 'id' | 'day' | 'at'> & { at?: number } : never) : never;

/** Records events; a failure to record never disturbs the work it describes. */
export async function recordWorkEvents(db: ParleyDatabase, allEvents: readonly NewEvent[]): Promise<void> {
  // Practice conversations (simulated customers) are not live work: they have their own review.
  const events = allEvents.filter((event) => !event.conversationKey.startsWith('practice:'));
  if (events.length === 0) return;
  const now = Date.now();
  try {
    await db.events.bulkAdd(events.map((event) => ({ ...event, at: event.at ?? now, day: localDay(event.at ?? now) }) as WorkEvent));
  } catch (error) {
    console.warn('[Parley] metrics not recorded:', error);
  }
}
