import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversationsCsv, dailyCsv, daysBetween, median, summarizeWork } from '@/services/metrics/metrics-summary';
import { recordFailedChecks, recordReplyInserted, recordSuggestionsShown } from '@/services/metrics/record-work';
import { recordWorkEvents } from '@/services/metrics/work-events';
import { ParleyDatabase } from '@/services/storage/database';
import { localDay } from '@/services/time/local-day';

const A = 'zendesk:h:1';
const B = 'zendesk:h:2';
const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00`).getTime();

describe('work metrics', () => {
  let db: ParleyDatabase;
  beforeEach(() => {
    db = new ParleyDatabase(`test-${Math.random()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('counts per day and per conversation: messages, replies and their median response time, suggestion use, checks, cost', async () => {
    await db.conversations.bulkPut([
      { key: A, helpdesk: 'zendesk', host: 'h', conversationId: '1', title: 'Paket, "dringend"', updatedAt: 1 },
      { key: B, helpdesk: 'zendesk', host: 'h', conversationId: '2', title: '=SUM(A1)', updatedAt: 1 },
    ]);
    await recordWorkEvents(db, [
      { kind: 'customer-message', conversationKey: A, at: at('2026-12-01', 9), language: 'de', marketId: 'de-DE' },
      { kind: 'customer-message', conversationKey: A, at: at('2026-12-01', 10), language: 'de', marketId: 'de-DE' },
      { kind: 'customer-message', conversationKey: B, at: at('2026-12-02', 9), language: 'pt-BR', marketId: 'pt-BR' },
      { kind: 'suggestions-shown', conversationKey: A, at: at('2026-12-01', 10), suggestionsKey: 's1', count: 3 },
      { kind: 'suggestions-shown', conversationKey: B, at: at('2026-12-02', 9), suggestionsKey: 's2', count: 3 },
      { kind: 'reply-inserted', conversationKey: A, at: at('2026-12-01', 10), origin: 'suggestion', suggestionsKey: 's1', suggestionIndex: 1, responseMs: 60_000, language: 'de', marketId: 'de-DE' },
      { kind: 'reply-inserted', conversationKey: A, at: at('2026-12-01', 11), origin: 'suggestion-edited', suggestionsKey: 's1', suggestionIndex: 0, responseMs: 120_000, language: 'de', marketId: 'de-DE' },
      { kind: 'reply-inserted', conversationKey: A, at: at('2026-12-01', 12), origin: 'draft', responseMs: 300_000, language: 'de', marketId: 'de-DE' },
      { kind: 'outbound-translation', conversationKey: A, at: at('2026-12-01', 12), language: 'de' },
      { kind: 'check-failed', conversationKey: A, at: at('2026-12-01', 11), ruleId: 'formality', status: 'block', marketId: 'de-DE' },
      { kind: 'check-failed', conversationKey: B, at: at('2026-12-02', 9), ruleId: 'emoji', status: 'warn', marketId: 'pt-BR' },
    ]);
    await db.usage.add({ day: '2026-12-01', at: at('2026-12-01', 9), providerKey: 'main', providerName: 'x', purpose: 'inbound', conversationKey: A, promptTokens: 10, completionTokens: 10, estimated: false, costUsd: 0.5, firstTextMs: 1, totalMs: 2, ok: true });

    const summary = await summarizeWork(db, '2026-11-30', '2026-12-02');
    expect(summary.days.map((d) => d.day)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(summary.days[0]).toMatchObject({ customerMessages: 0, repliesInserted: 0, medianResponseMs: null });
    expect(summary.days[1]).toMatchObject({
      customerMessages: 2,
      repliesInserted: 3,
      medianResponseMs: 120_000,
      suggestionSetsShown: 1,
      suggestionsUsedAsIs: 1,
      suggestionsEdited: 1,
      suggestionSetsIgnored: 0,
      outboundTranslations: 1,
      ownReplies: 1,
      checksBlocked: 1,
      modelRequests: 1,
      costUsd: 0.5,
    });
    expect(summary.days[2]).toMatchObject({ customerMessages: 1, suggestionSetsIgnored: 1, checksWarned: 1 });
    expect(summary.totals).toMatchObject({ customerMessages: 3, repliesInserted: 3, suggestionSetsShown: 2, suggestionSetsIgnored: 1 });
    expect(summary.checksByRule).toEqual([
      { ruleId: 'formality', warn: 0, block: 1 },
      { ruleId: 'emoji', warn: 1, block: 0 },
    ]);
    expect(summary.languages).toEqual([
      { language: 'de', customerMessages: 2 },
      { language: 'pt-BR', customerMessages: 1 },
    ]);
    expect(summary.markets).toEqual([
      { marketId: 'de-DE', customerMessages: 2, repliesInserted: 3 },
      { marketId: 'pt-BR', customerMessages: 1, repliesInserted: 0 },
    ]);
    const first = summary.conversations[0]!;
    expect(first).toMatchObject({ conversationKey: A, title: 'Paket, "dringend"', repliesInserted: 3, marketId: 'de-DE' });

    const daily = dailyCsv(summary).split('\r\n');
    expect(daily[0]).toBe(
      'day,customerMessages,repliesInserted,medianResponseMs,suggestionSetsShown,suggestionsUsedAsIs,suggestionsEdited,suggestionSetsIgnored,outboundTranslations,ownReplies,checksWarned,checksBlocked,modelRequests,costUsd',
    );
    expect(daily[2]).toBe('2026-12-01,2,3,120000,1,1,1,0,1,1,0,1,1,0.5000');
    const perConversation = conversationsCsv(summary);
    // Text is quoted where it must be, and never read as a spreadsheet formula.
    expect(perConversation).toContain('"Paket, ""dringend"""');
    expect(perConversation).toContain(",'=SUM(A1),");
  });

  it('records a suggestion set once, a reply with the time since the latest customer message, and each failed check', async () => {
    const arrived = Date.now() - 90_000;
    await db.messages.put({ key: `${A}#m1`, conversationKey: A, messageId: 'm1', order: 1, role: 'customer', text: 'Hallo', detection: null, translationStatus: 'done', translation: '', seenAt: arrived });
    await recordSuggestionsShown(db, A, 's1', 3);
    await recordSuggestionsShown(db, A, 's1', 3);
    await recordReplyInserted(db, A, { kind: 'suggestion', suggestionsKey: 's1', suggestionIndex: 1 }, 'de-DE');
    await recordFailedChecks(db, A, {
      marketId: 'de-DE',
      marketName: 'Germany',
      reason: '',
      status: 'block',
      results: [
        { marketId: 'de-DE', ruleId: 'formality', kind: 'formality', status: 'block', checked: true, message: '', messageKey: 'formality.informal-in-formal', params: {} },
        { marketId: 'de-DE', ruleId: 'emoji', kind: 'emoji', status: 'pass', checked: true, message: '', messageKey: 'emoji.pass', params: {} },
      ],
    });
    const events = await db.events.toArray();
    expect(events.map((e) => e.kind)).toEqual(['suggestions-shown', 'reply-inserted', 'check-failed']);
    const reply = events[1] as Extract<(typeof events)[number], { kind: 'reply-inserted' }>;
    expect(reply.responseMs).toBeGreaterThanOrEqual(90_000);
    expect(reply.responseMs).toBeLessThan(150_000);
    expect(reply.day).toBe(localDay(Date.now()));
  });

  it('has the helpers it needs', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });
});
