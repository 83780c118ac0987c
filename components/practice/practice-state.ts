import { computed, signal } from '@preact/signals';
import { liveQuery } from 'dexie';
import { storage } from 'wxt/utils/storage';
import { createPanelState, type PanelState } from '@/components/sidepanel/panel-state';
import { i18n } from '@/services/i18n/i18n';
import { loadMarketRules, watchMarketRules, type MarketRules } from '@/services/markets/market-store';
import type { InsertReplyResponse } from '@/services/messaging/protocol';
import { sendToBackground } from '@/services/messaging/send';
import { practiceConversationKey, type PracticeSession } from '@/services/practice/practice-session';
import { allScenarios, type Difficulty } from '@/services/practice/scenarios';
import { getDatabase } from '@/services/storage/database';
import { parsePracticeExport, practiceExport } from '@/services/practice/practice-export';

/** The agent's name on this browser: their practice results are kept (and exported) under it. */
const agentNameItem = storage.defineItem<string>('local:parleyPracticeAgent', { fallback: '' });

export type PracticeView = 'practice' | 'progress';

/**
 * Practice mode's page state: the setup choices, the session being played (with a side-panel
 * state bound to its conversation and to the practice composer), every stored session for the
 * progress view, and export/import of results.
 */
export function createPracticeState() {
  const db = getDatabase();
  const view = signal<PracticeView>('practice');
  const agentName = signal('');
  const rules = signal<MarketRules | null>(null);
  const marketId = signal('de-DE');
  const scenarioId = signal('late-delivery');
  const difficulty = signal<Difficulty>('normal');
  const sessions = signal<PracticeSession[]>([]);
  const currentId = signal<string | null>(null);
  const composer = signal('');
  const busy = signal(false);
  const error = signal<string | null>(null);
  const notice = signal<string | null>(null);
  /** The side-panel state for the current session's conversation (suggestions, your reply, checks). */
  const assistant = signal<PanelState | null>(null);
  let stopAssistant: (() => void) | null = null;

  const scenarios = computed(() => allScenarios(rules.value?.ruleSet.scenarios ?? []));
  const current = computed(() => sessions.value.find((session) => session.id === currentId.value) ?? null);

  function bindAssistant(session: PracticeSession | null) {
    stopAssistant?.();
    stopAssistant = null;
    assistant.value = null;
    if (!session) return;
    const panel = createPanelState({
      conversationKey: practiceConversationKey(session.id),
      conversationId: session.id,
      insert: async (text): Promise<InsertReplyResponse> => {
        composer.value = text;
        return { landed: true, method: 'none' };
      },
    });
    stopAssistant = panel.start();
    assistant.value = panel;
  }

  function start(): () => void {
    void agentNameItem.getValue().then((name) => (agentName.value = name));
    const refreshRules = () => void loadMarketRules().then((loaded) => (rules.value = loaded));
    refreshRules();
    const stopRules = watchMarketRules(refreshRules);
    const subscription = liveQuery(() => db.practice.orderBy('startedAt').reverse().toArray()).subscribe({
      next: (value) => (sessions.value = value),
      error: (failure) => console.warn('[Parley] practice sessions query failed', failure),
    });
    return () => {
      stopRules();
      subscription.unsubscribe();
      stopAssistant?.();
    };
  }

  async function begin() {
    busy.value = true;
    error.value = null;
    await agentNameItem.setValue(agentName.value.trim());
    const result = await sendToBackground({
      type: 'ui/practice-start',
      agentName: agentName.value,
      marketId: marketId.value,
      scenarioId: scenarioId.value,
      difficulty: difficulty.value,
    });
    busy.value = false;
    if (!result.ok) {
      error.value = result.error;
      return;
    }
    composer.value = '';
    currentId.value = result.session.id;
    bindAssistant(result.session);
  }

  /** Sends what is in the practice composer; the simulated customer answers. */
  async function send() {
    const session = current.value;
    const text = composer.value.trim();
    if (!session || text === '') return;
    busy.value = true;
    error.value = null;
    const result = await sendToBackground({ type: 'ui/practice-reply', sessionId: session.id, text });
    busy.value = false;
    if (!result.ok) {
      error.value = result.error;
      return;
    }
    composer.value = '';
    if (result.session.status === 'ended') await review();
  }

  async function review() {
    const session = current.value;
    if (!session) return;
    busy.value = true;
    error.value = null;
    const result = await sendToBackground({ type: 'ui/practice-review', sessionId: session.id });
    busy.value = false;
    if (!result.ok) error.value = result.error;
  }

  function open(sessionId: string | null) {
    currentId.value = sessionId;
    view.value = 'practice';
    composer.value = '';
    const session = sessions.value.find((candidate) => candidate.id === sessionId) ?? null;
    bindAssistant(session?.status === 'active' ? session : null);
  }

  /** This agent's sessions as a file for their lead. */
  function exportResults(): string {
    return practiceExport(sessions.value.filter((session) => !session.imported));
  }

  /** A team member's exported results (kept apart from this agent's own, by their name). */
  async function importResults(text: string) {
    const parsed = parsePracticeExport(text);
    if (!parsed.ok) {
      notice.value = i18n.t('practice.import_refused', [parsed.reason]);
      return;
    }
    const own = new Set(sessions.value.filter((session) => !session.imported).map((session) => session.id));
    const incoming = parsed.sessions.filter((session) => !own.has(session.id)).map((session) => ({ ...session, imported: true }));
    await db.practice.bulkPut(incoming);
    notice.value = i18n.t('practice.imported', [String(incoming.length)]);
  }

  return {
    view,
    agentName,
    rules,
    marketId,
    scenarioId,
    difficulty,
    scenarios,
    sessions,
    current,
    composer,
    busy,
    error,
    notice,
    assistant,
    start,
    begin,
    send,
    review,
    open,
    exportResults,
    importResults,
  };
}

export type PracticeState = ReturnType<typeof createPracticeState>;
