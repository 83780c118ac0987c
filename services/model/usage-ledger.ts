import { localDay } from '@/services/time/local-day';
import type { ParleyDatabase, UsageRecord } from '@/services/storage/database';
import type { ProviderSettings } from '@/services/settings/settings-schema';

/**
 * What model requests cost and how fast they were, kept locally (never sent anywhere) for the
 * options page: tokens and estimated cost per day and per conversation, latency per provider.
 */

/** Records older than this are deleted when new ones are written. */
const KEEP_DAYS = 90;

export function costOf(provider: Pick<ProviderSettings, 'pricing'>, promptTokens: number, completionTokens: number): number {
  return (promptTokens * provider.pricing.inputPerMillion + completionTokens * provider.pricing.outputPerMillion) / 1_000_000;
}


export interface DayUsage {
  day: string;
  requests: number;
  failures: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

export interface ProviderLatency {
  providerKey: string;
  providerName: string;
  requests: number;
  failures: number;
  /** Of successful requests, ms from start to the full answer. */
  p50Ms: number | null;
  p95Ms: number | null;
  /** Of successful requests, ms from start to the first text. */
  p50FirstTextMs: number | null;
  p95FirstTextMs: number | null;
}

export interface ConversationUsage {
  conversationKey: string;
  requests: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

export interface UsageSummary {
  days: DayUsage[];
  providers: ProviderLatency[];
  conversations: ConversationUsage[];
}

export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function createUsageLedger(db: ParleyDatabase) {
  let lastPrune = 0;

  async function record(entry: Omit<UsageRecord, 'id' | 'day'>): Promise<void> {
    await db.usage.add({ ...entry, day: localDay(entry.at) });
    if (entry.at - lastPrune > 24 * 60 * 60 * 1000) {
      lastPrune = entry.at;
      await db.usage.where('at').below(entry.at - KEEP_DAYS * 24 * 60 * 60 * 1000).delete();
    }
  }

  /** The last `days` days (today included). */
  async function summary(days = 14, now = Date.now()): Promise<UsageSummary> {
    const since = now - days * 24 * 60 * 60 * 1000;
    const records = await db.usage.where('at').aboveOrEqual(since).toArray();

    const byDay = new Map<string, DayUsage>();
    const byProvider = new Map<string, { name: string; total: number[]; first: number[]; requests: number; failures: number }>();
    const byConversation = new Map<string, ConversationUsage>();
    for (const r of records) {
      const day = byDay.get(r.day) ?? { day: r.day, requests: 0, failures: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 };
      day.requests++;
      if (!r.ok) day.failures++;
      day.promptTokens += r.promptTokens;
      day.completionTokens += r.completionTokens;
      day.costUsd += r.costUsd;
      byDay.set(r.day, day);

      const provider = byProvider.get(r.providerKey) ?? { name: r.providerName, total: [], first: [], requests: 0, failures: 0 };
      provider.requests++;
      if (r.ok) {
        provider.total.push(r.totalMs);
        if (r.firstTextMs !== null) provider.first.push(r.firstTextMs);
      } else provider.failures++;
      byProvider.set(r.providerKey, provider);

      if (r.conversationKey) {
        const conversation = byConversation.get(r.conversationKey) ?? {
          conversationKey: r.conversationKey,
          requests: 0,
          promptTokens: 0,
          completionTokens: 0,
          costUsd: 0,
        };
        conversation.requests++;
        conversation.promptTokens += r.promptTokens;
        conversation.completionTokens += r.completionTokens;
        conversation.costUsd += r.costUsd;
        byConversation.set(r.conversationKey, conversation);
      }
    }
    const ascending = (a: number, b: number) => a - b;
    return {
      days: [...byDay.values()].sort((a, b) => b.day.localeCompare(a.day)),
      providers: [...byProvider].map(([providerKey, p]) => {
        const total = p.total.sort(ascending);
        const first = p.first.sort(ascending);
        return {
          providerKey,
          providerName: p.name,
          requests: p.requests,
          failures: p.failures,
          p50Ms: percentile(total, 50),
          p95Ms: percentile(total, 95),
          p50FirstTextMs: percentile(first, 50),
          p95FirstTextMs: percentile(first, 95),
        };
      }),
      conversations: [...byConversation.values()].sort((a, b) => b.costUsd - a.costUsd || b.requests - a.requests).slice(0, 20),
    };
  }

  return { record, summary };
}

export type UsageLedger = ReturnType<typeof createUsageLedger>;
