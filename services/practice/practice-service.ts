import { z } from 'zod';
import { runChecks } from '@/services/checks/run-checks';
import { i18n } from '@/services/i18n/i18n';
import { overrideLanguage, createConversationState } from '@/services/language/conversation-state';
import type { MarketProfile } from '@/services/markets/market-profile';
import type { MarketRules } from '@/services/markets/market-store';
import { describeModelError } from '@/services/model/describe-model-error';
import { askForJson } from '@/services/model/ask-for-json';
import type { ModelGateway } from '@/services/model/model-gateway';
import type { ChatMessage } from '@/services/model/model-types';
import type { ParsedSettings } from '@/services/settings/parse-settings';
import { providersFor } from '@/services/settings/settings-schema';
import type { ParleyDatabase } from '@/services/storage/database';
import type { TranslationService } from '@/services/translation/translation-service';
import { notConfiguredError } from '@/services/translation/translation-service';
import { PRACTICE_CUSTOMER_SCHEMA, PRACTICE_REVIEW_SCHEMA, practiceCustomerPrompt, practiceReviewPrompt } from './practice-prompts';
import { MAX_CUSTOMER_TURNS, practiceConversationKey, type PracticeReview, type PracticeSession, type PracticeTurn } from './practice-session';
import { allScenarios, type Difficulty, type PracticeScenario } from './scenarios';

/**
 * Practice mode, run by the background: a simulated customer (the model, from a scenario, in the
 * market's language and manners) and a new agent who works as in a live chat. The session is also
 * stored as a conversation (`practice:local:<id>`), so translations, suggestions, outbound
 * translation and the market checks work on it exactly as on a helpdesk ticket. When it ends, the
 * agent gets a scored review with the turns it refers to.
 */

export interface PracticeServiceDeps {
  db: ParleyDatabase;
  loadSettings(): Promise<ParsedSettings>;
  loadMarketRules(): Promise<MarketRules>;
  gateway: ModelGateway;
  translations: Pick<TranslationService, 'handleUpdate'>;
  newId?(): string;
}

export type PracticeResult = { ok: true; session: PracticeSession } | { ok: false; error: string };

const customerAnswerSchema = z.object({ message: z.string().trim().min(1), resolved: z.boolean() });
const reviewAnswerSchema = z.object({
  resolution: z.number().min(0).max(100),
  empathy: z.number().min(0).max(100),
  accuracy: z.number().min(0).max(100),
  improvements: z.array(z.object({ turn: z.number().int().min(1), advice: z.string().trim().min(1) })).min(1),
  summary: z.string().trim(),
});

export function createPracticeService(deps: PracticeServiceDeps) {
  const { db } = deps;
  const newId = deps.newId ?? (() => crypto.randomUUID());

  async function contextOf(session: Pick<PracticeSession, 'marketId' | 'scenarioId'>) {
    const { ruleSet } = await deps.loadMarketRules();
    const market = ruleSet.profiles.find((profile) => profile.id === session.marketId);
    const scenario = allScenarios(ruleSet.scenarios).find((candidate) => candidate.id === session.scenarioId);
    return { market, scenario };
  }

  /** One JSON answer through the suggestions route (retried like any request). */
  async function askJson<T>(messages: ChatMessage[], schema: { name: string; schema: object }, parse: (value: unknown) => T | null, conversationKey: string): Promise<T> {
    const { settings } = await deps.loadSettings();
    const providers = providersFor(settings, 'suggestions');
    if (providers.length === 0) throw new Error(notConfiguredError());
    return (await askForJson(deps.gateway, 'suggestions', providers, messages, { schema, temperature: 0.7, conversationKey }, parse)).value;
  }

  /** Stores the session and shows its turns to the translation pipeline, as a helpdesk page would. */
  async function save(session: PracticeSession): Promise<void> {
    await db.practice.put(session);
    await deps.translations.handleUpdate(
      {
        helpdesk: 'practice',
        conversationId: session.id,
        title: `${session.scenarioTitle} · ${session.marketName}`,
        messages: session.turns.map((turn) => ({
          id: `turn-${turn.number}`,
          role: turn.role,
          text: turn.text,
          time: new Date(turn.at).toISOString(),
          position: turn.number * 1024,
        })),
      },
      'local',
    );
  }

  async function nextCustomerTurn(session: PracticeSession, market: MarketProfile, scenario: PracticeScenario): Promise<void> {
    const answer = await askJson(
      practiceCustomerPrompt(scenario, session.language, session.variant, market.cultureNote, session.difficulty, session.turns),
      PRACTICE_CUSTOMER_SCHEMA,
      (value) => customerAnswerSchema.safeParse(value).data ?? null,
      practiceConversationKey(session.id),
    );
    session.turns.push({ number: session.turns.length + 1, role: 'customer', text: answer.message, at: Date.now() });
    session.resolved = answer.resolved;
  }

  async function start(input: { agentName: string; marketId: string; scenarioId: string; difficulty: Difficulty }): Promise<PracticeResult> {
    try {
      const { market, scenario } = await contextOf(input);
      if (!market || !scenario) return { ok: false, error: i18n.t('errors.practice_unknown') };
      const session: PracticeSession = {
        id: newId(),
        agentName: input.agentName.trim() || '—',
        marketId: market.id,
        marketName: market.name,
        language: market.language,
        variant: market.variant,
        scenarioId: scenario.id,
        scenarioTitle: scenario.title,
        difficulty: input.difficulty,
        turns: [],
        status: 'active',
        resolved: false,
        startedAt: Date.now(),
      };
      await nextCustomerTurn(session, market, scenario);
      // The customer's language is the market's, whatever a short first message looks like.
      await db.conversations.put({
        key: practiceConversationKey(session.id),
        helpdesk: 'practice',
        host: 'local',
        conversationId: session.id,
        title: `${scenario.title} · ${market.name}`,
        language: overrideLanguage(createConversationState(), market.variant ?? market.language),
        updatedAt: Date.now(),
      });
      await save(session);
      return { ok: true, session };
    } catch (error) {
      return { ok: false, error: describeModelError(error) };
    }
  }

  /** The agent sends a reply (in the customer's language); the customer answers, unless the session is over. */
  async function reply(sessionId: string, text: string): Promise<PracticeResult> {
    const session = await db.practice.get(sessionId);
    if (!session || session.status !== 'active') return { ok: false, error: i18n.t('errors.practice_unknown') };
    const { market, scenario } = await contextOf(session);
    if (!market || !scenario) return { ok: false, error: i18n.t('errors.practice_unknown') };
    const lastCustomer = [...session.turns].reverse().find((turn) => turn.role === 'customer');
    const now = Date.now();
    const failedChecks = runChecks(market, { text, language: session.variant ?? session.language })
      .filter((result) => result.status !== 'pass')
      .map((result) => `${result.ruleId}: ${result.message}`);
    session.turns.push({
      number: session.turns.length + 1,
      role: 'agent',
      text: text.trim(),
      at: now,
      responseMs: lastCustomer ? now - lastCustomer.at : undefined,
      failedChecks,
    });
    try {
      const customerTurns = session.turns.filter((turn) => turn.role === 'customer').length;
      if (customerTurns < MAX_CUSTOMER_TURNS) await nextCustomerTurn(session, market, scenario);
      if (session.resolved || session.turns.filter((turn) => turn.role === 'customer').length >= MAX_CUSTOMER_TURNS) {
        session.status = 'ended';
        session.endedAt = Date.now();
      }
      await save(session);
      return { ok: true, session };
    } catch (error) {
      // The agent's turn is kept; the customer's answer can be asked for again by sending again.
      await save(session);
      return { ok: false, error: describeModelError(error) };
    }
  }

  /** Ends the session (if still running) and writes its review: the model's judgement and Parley's own measures. */
  async function review(sessionId: string): Promise<PracticeResult> {
    const session = await db.practice.get(sessionId);
    if (!session) return { ok: false, error: i18n.t('errors.practice_unknown') };
    const { scenario } = await contextOf(session);
    if (!scenario) return { ok: false, error: i18n.t('errors.practice_unknown') };
    const { settings } = await deps.loadSettings();
    try {
      const judged = await askJson(
        practiceReviewPrompt(scenario, session.language, settings.agentLanguage, session.resolved, session.turns),
        PRACTICE_REVIEW_SCHEMA,
        (value) => reviewAnswerSchema.safeParse(value).data ?? null,
        practiceConversationKey(session.id),
      );
      session.review = scoreSession(session.turns, judged);
      session.status = 'ended';
      session.endedAt ??= Date.now();
      await db.practice.put(session);
      return { ok: true, session };
    } catch (error) {
      return { ok: false, error: describeModelError(error) };
    }
  }

  return { start, reply, review };
}

export type PracticeService = ReturnType<typeof createPracticeService>;

/**
 * The review: tone and response times measured by Parley (the market checks on every agent turn,
 * the clock), resolution, empathy and accuracy as the model judged them. Improvements that name a
 * turn that is not an agent turn are dropped: every piece of advice points at something the agent wrote.
 */
export function scoreSession(turns: readonly PracticeTurn[], judged: z.infer<typeof reviewAnswerSchema>): PracticeReview {
  const agentTurns = turns.filter((turn) => turn.role === 'agent');
  const passing = agentTurns.filter((turn) => (turn.failedChecks ?? []).length === 0).length;
  const tone = agentTurns.length === 0 ? 0 : Math.round((100 * passing) / agentTurns.length);
  const scores = { resolution: Math.round(judged.resolution), tone, empathy: Math.round(judged.empathy), accuracy: Math.round(judged.accuracy) };
  const agentNumbers = new Set(agentTurns.map((turn) => turn.number));
  const checkAdvice = agentTurns
    .filter((turn) => (turn.failedChecks ?? []).length > 0)
    .map((turn) => ({ turn: turn.number, advice: turn.failedChecks![0]! }));
  const improvements = [...judged.improvements.filter((item) => agentNumbers.has(item.turn)), ...checkAdvice].slice(0, 3);
  return {
    scores,
    overall: Math.round((scores.resolution + scores.tone + scores.empathy + scores.accuracy) / 4),
    responseTimes: agentTurns.filter((turn) => turn.responseMs !== undefined).map((turn) => ({ turn: turn.number, ms: turn.responseMs! })),
    improvements,
    summary: judged.summary,
    reviewedAt: Date.now(),
  };
}
