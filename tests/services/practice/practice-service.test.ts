import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStarterRuleSet } from '@/services/markets/starter-markets';
import { createModelGateway } from '@/services/model/model-gateway';
import type { ChatMessage, ModelClient } from '@/services/model/model-types';
import { createRequestQueue } from '@/services/model/request-queue';
import { createPracticeService, scoreSession } from '@/services/practice/practice-service';
import { practiceConversationKey } from '@/services/practice/practice-session';
import { parseSettings } from '@/services/settings/parse-settings';
import { DEFAULT_SETTINGS, type Settings } from '@/services/settings/settings-schema';
import { ParleyDatabase } from '@/services/storage/database';
import type { TranslatableUpdate } from '@/services/translation/translation-service';
import { respond } from '../../../scripts/model-server/responder';

const CONFIGURED: Settings = {
  ...DEFAULT_SETTINGS,
  provider: { ...DEFAULT_SETTINGS.provider, kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' },
};

/** The local model server's simulated customer and coach, as a client. */
function localServerClient() {
  const calls: ChatMessage[][] = [];
  const client: ModelClient = {
    identity: 'fake|m',
    async streamChat(messages) {
      calls.push(messages);
      return { text: respond({ messages }).content, usage: { promptTokens: 1, completionTokens: 1, estimated: false } };
    },
    listModels: async () => [],
  };
  return { client, calls };
}

describe('practice service', () => {
  let db: ParleyDatabase;
  let updates: TranslatableUpdate[];

  beforeEach(() => {
    db = new ParleyDatabase(`test-${Math.random()}`);
    updates = [];
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function service() {
    const { client, calls } = localServerClient();
    const practice = createPracticeService({
      db,
      loadSettings: async () => parseSettings(CONFIGURED),
      loadMarketRules: async () => ({ ruleSet: createStarterRuleSet(), managedIds: [], warnings: [] }),
      gateway: createModelGateway({ queue: createRequestQueue({ baseBackoffMs: 1, maxBackoffMs: 1 }), createClient: () => client }),
      translations: { handleUpdate: async (update) => void updates.push(update) as never },
      newId: () => 'session-1',
    });
    return { practice, calls };
  }

  it("starts with the customer's first message in the market's language, stored as a conversation in that language", async () => {
    const { practice, calls } = service();
    const started = await practice.start({ agentName: 'Mia', marketId: 'de-DE', scenarioId: 'late-delivery', difficulty: 'normal' });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(started.session.turns).toEqual([expect.objectContaining({ number: 1, role: 'customer', text: 'Hallo, meine Bestellung #40213 ist nach 12 Tagen immer noch nicht da. Wo ist sie?' })]);
    expect(calls[0]![0]!.content).toContain('Your situation: Ordered a pair of running shoes (order #40213)');
    expect((await db.conversations.get(practiceConversationKey('session-1')))?.language?.tag).toBe('de');
    expect(updates.at(-1)).toMatchObject({ helpdesk: 'practice', conversationId: 'session-1', messages: [{ id: 'turn-1', role: 'customer' }] });
  });

  it('lets the customer react to what the agent writes, checks every agent turn, and ends when the problem is solved', async () => {
    const { practice } = service();
    await practice.start({ agentName: 'Mia', marketId: 'de-DE', scenarioId: 'late-delivery', difficulty: 'normal' });
    const asked = await practice.reply('session-1', 'Kannst du mir deine Bestellnummer sagen?');
    expect(asked.ok && asked.session.turns.at(-1)?.text).toBe('Es ist die Bestellung #40213, die Laufschuhe. Ich brauche sie bis Samstag für einen Wettkampf.');
    // Informal German in a formal market: recorded against the turn.
    expect(asked.ok && asked.session.turns[1]!.failedChecks?.[0]).toMatch(/^formality: /);
    expect(asked.ok && asked.session.turns[1]!.responseMs).toBeGreaterThanOrEqual(0);
    const solved = await practice.reply('session-1', 'Entschuldigen Sie bitte! Ich schicke Ihnen heute ein neues Paar per Express.');
    expect(solved.ok && solved.session).toMatchObject({ status: 'ended', resolved: true });
    expect(solved.ok && solved.session.turns.map((t) => t.role)).toEqual(['customer', 'agent', 'customer', 'agent', 'customer']);
    expect(await practice.reply('session-1', 'Noch etwas?')).toMatchObject({ ok: false });
  });

  it('reviews the session: tone from the checks, the judged scores, and advice tied to agent turns', async () => {
    const { practice } = service();
    await practice.start({ agentName: 'Mia', marketId: 'de-DE', scenarioId: 'late-delivery', difficulty: 'normal' });
    await practice.reply('session-1', 'Kannst du mir deine Bestellnummer sagen?');
    await practice.reply('session-1', 'Entschuldigen Sie bitte! Ich schicke Ihnen heute ein neues Paar per Express.');
    const reviewed = await practice.review('session-1');
    expect(reviewed.ok).toBe(true);
    if (!reviewed.ok) return;
    const review = reviewed.session.review!;
    expect(review.scores).toEqual({ resolution: 90, tone: 50, empathy: 85, accuracy: 85 });
    expect(review.overall).toBe(78);
    expect(review.improvements[0]).toEqual({ turn: 2, advice: 'Acknowledge the problem and apologise in your first reply, before asking for details.' });
    expect(review.improvements.every((item) => [2, 4].includes(item.turn))).toBe(true);
    expect(review.responseTimes.map((r) => r.turn)).toEqual([2, 4]);
    expect((await db.practice.get('session-1'))?.review?.overall).toBe(78);
  });

  it('drops advice about turns the agent did not write', () => {
    const turns = [
      { number: 1, role: 'customer' as const, text: 'Hallo', at: 0 },
      { number: 2, role: 'agent' as const, text: 'Guten Tag', at: 1000, responseMs: 1000, failedChecks: [] },
    ];
    const review = scoreSession(turns, { resolution: 50, empathy: 50, accuracy: 50, improvements: [{ turn: 1, advice: 'x' }, { turn: 2, advice: 'y' }], summary: '' });
    expect(review.improvements).toEqual([{ turn: 2, advice: 'y' }]);
    expect(review.scores.tone).toBe(100);
  });

  it('says so for an unknown market or scenario', async () => {
    const { practice, calls } = service();
    expect(await practice.start({ agentName: '', marketId: 'xx-XX', scenarioId: 'late-delivery', difficulty: 'easy' })).toMatchObject({ ok: false });
    expect(calls).toHaveLength(0);
  });
});
