import type { ParleyDatabase, UsageRecord } from '@/services/storage/database';
import { localDay } from '@/services/time/local-day';
import type { WorkEvent } from './work-events';

/**
 * The leads' figures from the work events (work-events.ts) and the model usage ledger, per day and
 * per conversation: how fast replies went in, how suggestions were used, which checks fired,
 * which languages and markets came in, and what the model cost. Pure aggregation: the dashboard
 * shows it and exports it as CSV.
 */

export interface WorkCounts {
  customerMessages: number;
  repliesInserted: number;
  /** Median time from the customer's latest message to the reply inserted (ms); null without replies. */
  medianResponseMs: number | null;
  suggestionSetsShown: number;
  /** Replies inserted from a suggestion as written. */
  suggestionsUsedAsIs: number;
  /** Replies inserted from a suggestion the agent edited or rewrote. */
  suggestionsEdited: number;
  /** Suggestion sets from which nothing was inserted. */
  suggestionSetsIgnored: number;
  /** Drafts translated into the customer's language (panel and helpdesk composer). */
  outboundTranslations: number;
  /** Replies inserted from the agent's own draft (panel) or typed and translated in the helpdesk. */
  ownReplies: number;
  checksWarned: number;
  checksBlocked: number;
  modelRequests: number;
  costUsd: number;
}

export interface DayMetrics extends WorkCounts {
  day: string;
}

export interface ConversationMetrics extends WorkCounts {
  conversationKey: string;
  title: string | null;
  /** The customer's language (tag) as last recorded. */
  language: string | null;
  marketId: string | null;
}

export interface MetricsSummary {
  from: string;
  to: string;
  days: DayMetrics[];
  totals: WorkCounts;
  conversations: ConversationMetrics[];
  checksByRule: Array<{ ruleId: string; warn: number; block: number }>;
  languages: Array<{ language: string; customerMessages: number }>;
  markets: Array<{ marketId: string; customerMessages: number; repliesInserted: number }>;
}

function emptyCounts(): WorkCounts {
  return {
    customerMessages: 0,
    repliesInserted: 0,
    medianResponseMs: null,
    suggestionSetsShown: 0,
    suggestionsUsedAsIs: 0,
    suggestionsEdited: 0,
    suggestionSetsIgnored: 0,
    outboundTranslations: 0,
    ownReplies: 0,
    checksWarned: 0,
    checksBlocked: 0,
    modelRequests: 0,
    costUsd: 0,
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Every day from `from` to `to` (YYYY-MM-DD, inclusive), so quiet days show as zero. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const cursor = new Date(`${from}T12:00:00`);
  const end = new Date(`${to}T12:00:00`);
  while (cursor <= end && days.length < 400) {
    days.push(localDay(cursor.getTime()));
    cursor.setDate(cursor.getDate() + 1);
  }
  return days;
}

/** Adds events and usage records to counts; response times are collected for the median. */
function accumulate(counts: WorkCounts, events: readonly WorkEvent[], usage: readonly UsageRecord[]): WorkCounts {
  const responses: number[] = [];
  const usedSets = new Set<string>();
  const shownSets = new Set<string>();
  for (const event of events) {
    switch (event.kind) {
      case 'customer-message':
        counts.customerMessages++;
        break;
      case 'suggestions-shown':
        counts.suggestionSetsShown++;
        shownSets.add(event.suggestionsKey);
        break;
      case 'outbound-translation':
        counts.outboundTranslations++;
        break;
      case 'reply-inserted':
        counts.repliesInserted++;
        if (event.responseMs !== null) responses.push(event.responseMs);
        if (event.origin === 'suggestion') counts.suggestionsUsedAsIs++;
        if (event.origin === 'suggestion-edited') counts.suggestionsEdited++;
        if (event.origin === 'draft' || event.origin === 'composer') counts.ownReplies++;
        if (event.suggestionsKey) usedSets.add(event.suggestionsKey);
        break;
      case 'check-failed':
        if (event.status === 'block') counts.checksBlocked++;
        else counts.checksWarned++;
        break;
    }
  }
  counts.suggestionSetsIgnored = [...shownSets].filter((key) => !usedSets.has(key)).length;
  counts.medianResponseMs = median(responses);
  counts.modelRequests = usage.length;
  counts.costUsd = usage.reduce((sum, record) => sum + record.costUsd, 0);
  return counts;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** The figures for the days `from`..`to` (local days, inclusive). */
export async function summarizeWork(db: ParleyDatabase, from: string, to: string): Promise<MetricsSummary> {
  const [events, usage] = await Promise.all([
    db.events.where('day').between(from, to, true, true).toArray(),
    db.usage.where('day').between(from, to, true, true).toArray(),
  ]);
  const eventsByDay = groupBy(events, (e) => e.day);
  const usageByDay = groupBy(usage, (u) => u.day);
  const days = daysBetween(from, to).map((day) => ({ day, ...accumulate(emptyCounts(), eventsByDay.get(day) ?? [], usageByDay.get(day) ?? []) }));

  const eventsByConversation = groupBy(events, (e) => e.conversationKey);
  const usageByConversation = groupBy(usage, (u) => u.conversationKey);
  const keys = [...new Set([...eventsByConversation.keys(), ...usageByConversation.keys()])];
  const records = await db.conversations.bulkGet(keys);
  const conversations = keys
    .map((conversationKey, index): ConversationMetrics => {
      const own = eventsByConversation.get(conversationKey) ?? [];
      const latest = [...own].reverse().find((e) => e.kind === 'reply-inserted' || e.kind === 'customer-message') as
        | Extract<WorkEvent, { kind: 'reply-inserted' | 'customer-message' }>
        | undefined;
      return {
        conversationKey,
        title: records[index]?.title ?? null,
        language: records[index]?.language?.tag ?? (latest && 'language' in latest ? latest.language : null),
        marketId: latest?.marketId ?? null,
        ...accumulate(emptyCounts(), own, usageByConversation.get(conversationKey) ?? []),
      };
    })
    .sort((a, b) => b.repliesInserted + b.customerMessages - (a.repliesInserted + a.customerMessages));

  const checks = events.filter((e): e is Extract<WorkEvent, { kind: 'check-failed' }> => e.kind === 'check-failed');
  const checksByRule = [...groupBy(checks, (e) => e.ruleId)]
    .map(([ruleId, list]) => ({ ruleId, warn: list.filter((e) => e.status === 'warn').length, block: list.filter((e) => e.status === 'block').length }))
    .sort((a, b) => b.warn + b.block - (a.warn + a.block));
  const messages = events.filter((e): e is Extract<WorkEvent, { kind: 'customer-message' }> => e.kind === 'customer-message');
  const languages = [...groupBy(messages, (e) => e.language)]
    .map(([language, list]) => ({ language, customerMessages: list.length }))
    .sort((a, b) => b.customerMessages - a.customerMessages);
  const replies = events.filter((e): e is Extract<WorkEvent, { kind: 'reply-inserted' }> => e.kind === 'reply-inserted');
  const marketIds = new Set([...messages.map((e) => e.marketId), ...replies.map((e) => e.marketId)].filter((id): id is string => id !== null));
  const markets = [...marketIds]
    .map((marketId) => ({
      marketId,
      customerMessages: messages.filter((e) => e.marketId === marketId).length,
      repliesInserted: replies.filter((e) => e.marketId === marketId).length,
    }))
    .sort((a, b) => b.customerMessages + b.repliesInserted - (a.customerMessages + a.repliesInserted));

  return {
    from,
    to,
    days,
    totals: accumulate(emptyCounts(), events, usage),
    conversations,
    checksByRule,
    languages,
    markets,
  };
}

const COUNT_COLUMNS: Array<keyof WorkCounts> = [
  'customerMessages',
  'repliesInserted',
  'medianResponseMs',
  'suggestionSetsShown',
  'suggestionsUsedAsIs',
  'suggestionsEdited',
  'suggestionSetsIgnored',
  'outboundTranslations',
  'ownReplies',
  'checksWarned',
  'checksBlocked',
  'modelRequests',
  'costUsd',
];

/** A CSV cell: quoted when it must be, and never read as a formula by a spreadsheet. */
function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(4);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const row = (values: Array<string | number | null>) => values.map(cell).join(',');

/** One row per day. */
export function dailyCsv(summary: MetricsSummary): string {
  return [row(['day', ...COUNT_COLUMNS]), ...summary.days.map((day) => row([day.day, ...COUNT_COLUMNS.map((c) => day[c])]))].join('\r\n') + '\r\n';
}

/** One row per conversation. */
export function conversationsCsv(summary: MetricsSummary): string {
  return (
    [
      row(['conversation', 'title', 'language', 'market', ...COUNT_COLUMNS]),
      ...summary.conversations.map((c) => row([c.conversationKey, c.title, c.language, c.marketId, ...COUNT_COLUMNS.map((column) => c[column])])),
    ].join('\r\n') + '\r\n'
  );
}
