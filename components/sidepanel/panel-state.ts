import { computed, signal } from '@preact/signals';
import { liveQuery, type Subscription } from 'dexie';
import { browser, type Browser } from 'wxt/browser';
import {
  getTabPageStatus,
  resolveActiveConversation,
  watchTabRegistry,
  type TabConversation,
  type TabPageStatus,
} from '@/services/conversation/tab-registry';
import { clearDraftText, loadDraft, saveDraftOutbound, saveDraftText, saveEditedSuggestion } from '@/services/drafts/draft-store';
import type { BackgroundToPage, InsertReplyResponse, OutboundResult, Suggestion } from '@/services/messaging/protocol';
import { sendToBackground } from '@/services/messaging/send';
import { i18n } from '@/services/i18n/i18n';
import type { RewriteStyle } from '@/services/model/prompts';
import { loadSettings, watchSettings } from '@/services/settings/settings-store';
import type { ParsedSettings } from '@/services/settings/parse-settings';
import { isProviderConfigured } from '@/services/settings/settings-schema';
import { getDatabase, type ConversationRecord, type MessageRecord, type OutboundText } from '@/services/storage/database';
import { runChecks, type CheckResult } from '@/services/checks/run-checks';
import { loadMarketRules, watchMarketRules, type MarketRules } from '@/services/markets/market-store';
import { pickMarketForConversation, type MarketChoice } from '@/services/markets/pick-market';
import type { InsertOrigin } from '@/services/metrics/record-work';

/** The agent's own-language text a reply was translated from. */
export type ReplySource = { text: string; language: string };

export type SuggestionsState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; key: string; suggestions: Suggestion[] }
  | { status: 'failed'; error: string };

export type InsertState = { status: 'inserting' } | ({ status: 'done' } & InsertReplyResponse & { copied: boolean });

/** A suggestion the agent is editing or has edited/rewritten: its new text and what it says. */
export type SuggestionEdit =
  | { status: 'editing'; text: string }
  | { status: 'working'; text: string }
  | { status: 'ready'; text: string; backTranslation: string }
  | { status: 'failed'; text: string; error: string };

/** The agent's own-language reply and the text the customer will read. */
export interface DraftState {
  text: string;
  status: 'idle' | 'working' | 'failed';
  error?: string;
  /** The customer-language text for exactly `text` (absent when the text changed since). */
  outbound?: OutboundText;
}

/** Where an insertion came from: a suggestion (by index) or the draft. */
export type InsertTarget = `suggestion-${number}` | 'draft';

const DRAFT_SAVE_DELAY_MS = 250;

/**
 * The side panel's state: which conversation it shows (the active helpdesk tab's), that
 * conversation's messages live from the database, the suggestions with the agent's edits, and the
 * agent's own draft with its translation. Data lives in signals; the functions below are the only
 * ones that change them. Drafts and edits are written to the database as the agent works, so
 * closing the panel, switching tickets or a worker restart loses nothing.
 */
/**
 * Where the panel works: by default the active helpdesk tab's conversation, inserting into that
 * tab's composer; practice mode gives one fixed conversation and its own composer.
 */
export interface PanelTarget {
  conversationKey: string;
  conversationId: string;
  /** Puts a reply into the practice composer (checks and all decided by the caller). */
  insert(text: string): Promise<InsertReplyResponse>;
}

export function createPanelState(fixed?: PanelTarget) {
  const db = getDatabase();
  const active = signal<TabConversation | null>(null);
  /** Set when the helpdesk tab shows no readable conversation (e.g. its markup changed). */
  const pageStatus = signal<TabPageStatus | null>(null);
  const conversation = signal<ConversationRecord | null>(null);
  const messages = signal<MessageRecord[]>([]);
  const settings = signal<ParsedSettings | null>(null);
  const suggestions = signal<SuggestionsState>({ status: 'idle' });
  const edits = signal<Record<number, SuggestionEdit>>({});
  const draft = signal<DraftState>({ text: '', status: 'idle' });
  const inserts = signal<Partial<Record<InsertTarget, InsertState>>>({});
  /** A short message for screen readers about what just happened (announced by a live region). */
  const announcement = signal('');
  const marketRules = signal<MarketRules | null>(null);

  /** The conversation's language state, kept by the background (override included). */
  const customerLanguage = computed(() => conversation.value?.language ?? null);
  const configured = computed(() => (settings.value ? isProviderConfigured(settings.value.settings.provider) : true));
  const inlineVisible = computed(() => conversation.value?.inlineHidden !== true);
  /** Suggestions are for one state of the conversation: the latest message. */
  const latestMessageKey = computed(() => messages.value.at(-1)?.key ?? null);
  /** The market whose rules apply to this conversation, and why. */
  const market = computed<MarketChoice | null>(() => {
    const rules = marketRules.value;
    const language = customerLanguage.value;
    if (!rules || !language?.language) return null;
    return pickMarketForConversation(rules.ruleSet.profiles, language);
  });
  /** The draft's translation is current: it was made for exactly the text in the box. */
  const draftReady = computed(() => draft.value.outbound !== undefined && draft.value.outbound.forText === draft.value.text.trim());

  let messagesSubscription: Subscription | null = null;
  let suggestedFor: string | null = null;
  /** Edits loaded with the draft, applied once the suggestions they belong to are shown. */
  let storedEdits: { key?: string; edits: Record<number, OutboundText> } = { edits: {} };
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  let pendingDraftWrite: (() => Promise<void>) | null = null;

  const conversationKey = () => active.value?.conversationKey ?? null;

  function flushDraft() {
    clearTimeout(draftTimer);
    const write = pendingDraftWrite;
    pendingDraftWrite = null;
    return write?.() ?? Promise.resolve();
  }

  function showConversation(next: TabConversation | null) {
    const sameConversation = next?.conversationKey === active.value?.conversationKey;
    active.value = next;
    if (sameConversation) return;
    void flushDraft();
    messagesSubscription?.unsubscribe();
    messages.value = [];
    conversation.value = null;
    suggestions.value = { status: 'idle' };
    edits.value = {};
    draft.value = { text: '', status: 'idle' };
    inserts.value = {};
    suggestedFor = null;
    storedEdits = { edits: {} };
    if (!next) return;
    void loadDraft(db, next.conversationKey).then((stored) => {
      if (active.value?.conversationKey !== next.conversationKey || !stored) return;
      draft.value = { text: stored.text, status: 'idle', outbound: stored.outbound };
      storedEdits = { key: stored.suggestionsKey, edits: stored.editedSuggestions ?? {} };
      applyStoredEdits();
    });
    messagesSubscription = liveQuery(async () => ({
      conversation: (await db.conversations.get(next.conversationKey)) ?? null,
      messages: await db.messages.where('conversationKey').equals(next.conversationKey).sortBy('order'),
    })).subscribe({
      next(value) {
        conversation.value = value.conversation;
        messages.value = value.messages;
        maybeSuggest();
      },
      error(error) {
        console.warn('[Parley] panel query failed', error);
      },
    });
  }

  function applyStoredEdits() {
    const shown = suggestions.value;
    if (shown.status !== 'ready' || storedEdits.key !== shown.key) return;
    const restored: Record<number, SuggestionEdit> = {};
    for (const [index, edit] of Object.entries(storedEdits.edits)) {
      restored[Number(index)] = { status: 'ready', text: edit.text, backTranslation: edit.backTranslation };
    }
    edits.value = restored;
  }

  async function refreshActive() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const next = await resolveActiveConversation(tab?.id ?? null);
    showConversation(next);
    const tabStatus = tab?.id !== undefined ? await getTabPageStatus(tab.id) : null;
    pageStatus.value = tabStatus ?? (next ? await getTabPageStatus(next.tabId) : null);
  }

  /** Asks for suggestions once per conversation state, when there is a customer message to answer. */
  function maybeSuggest() {
    const key = latestMessageKey.value;
    if (!key || key === suggestedFor || !configured.value) return;
    if (!messages.value.some((m) => m.role === 'customer')) return;
    suggestedFor = key;
    void requestSuggestions(false);
  }

  async function requestSuggestions(regenerate: boolean) {
    const key = conversationKey();
    if (!key) return;
    suggestions.value = { status: 'loading' };
    edits.value = {};
    inserts.value = { draft: inserts.value.draft };
    try {
      const response = await sendToBackground({ type: 'ui/suggest-replies', conversationKey: key, regenerate });
      if (conversationKey() !== key) return;
      suggestions.value = response.ok
        ? { status: 'ready', key: response.key, suggestions: response.suggestions }
        : { status: 'failed', error: response.error };
      if (response.ok) {
        applyStoredEdits();
        if (storedEdits.key !== response.key) storedEdits = { key: response.key, edits: {} };
        announce(i18n.t('panel.announce_suggestions_ready'));
      }
    } catch (error) {
      suggestions.value = { status: 'failed', error: String(error) };
    }
  }

  /** The text suggestion `index` would insert: the agent's edit when there is one. */
  function suggestionText(index: number): string | null {
    const shown = suggestions.value;
    if (shown.status !== 'ready' || !shown.suggestions[index]) return null;
    const edit = edits.value[index];
    return edit && edit.status !== 'failed' ? edit.text : shown.suggestions[index]!.reply;
  }

  function setEdit(index: number, edit: SuggestionEdit | null) {
    const next = { ...edits.value };
    if (edit) next[index] = edit;
    else delete next[index];
    edits.value = next;
  }

  function startEditing(index: number) {
    const text = suggestionText(index);
    if (text !== null) setEdit(index, { status: 'editing', text });
  }

  function changeEdit(index: number, text: string) {
    setEdit(index, { status: 'editing', text });
  }

  /** Stores an edit once it has been back-translated (so the agent sees what it says). */
  async function storeEdit(index: number, result: OutboundResult) {
    const key = conversationKey();
    const shown = suggestions.value;
    if (!key || shown.status !== 'ready') return;
    if (!result.ok) {
      setEdit(index, { status: 'failed', text: edits.value[index]?.text ?? '', error: result.error });
      announce(result.error);
      return;
    }
    setEdit(index, { status: 'ready', text: result.text, backTranslation: result.backTranslation });
    storedEdits.edits[index] = result;
    await saveEditedSuggestion(db, key, shown.key, index, result);
  }

  /** The agent finished editing: back-translate the edited text, then keep it. */
  async function finishEditing(index: number) {
    const key = conversationKey();
    const edit = edits.value[index];
    const shown = suggestions.value;
    if (!key || !edit || shown.status !== 'ready') return;
    if (edit.text.trim() === shown.suggestions[index]?.reply.trim()) {
      cancelEditing(index);
      return;
    }
    setEdit(index, { status: 'working', text: edit.text });
    await storeEdit(index, await sendToBackground({ type: 'ui/check-meaning', conversationKey: key, text: edit.text }));
  }

  function cancelEditing(index: number) {
    const key = conversationKey();
    const shown = suggestions.value;
    setEdit(index, null);
    delete storedEdits.edits[index];
    if (key && shown.status === 'ready') void saveEditedSuggestion(db, key, shown.key, index, null);
  }

  async function rewriteSuggestion(index: number, style: RewriteStyle) {
    const key = conversationKey();
    const text = suggestionText(index);
    if (!key || text === null) return;
    setEdit(index, { status: 'working', text });
    await storeEdit(index, await sendToBackground({ type: 'ui/rewrite-reply', conversationKey: key, text, style }));
  }

  /**
   * The market's checks on a reply (pure and fast: run while rendering). The background runs them
   * again before inserting, and refuses what a rule set to block.
   */
  function checksFor(text: string, source?: ReplySource): CheckResult[] {
    const chosen = market.value?.market;
    if (!chosen || text.trim() === '') return [];
    return runChecks(chosen, { text, language: customerLanguage.value?.tag ?? undefined, source: source ?? null });
  }

  /** The agent's draft as the checks and the background want it: the own-language text a translation came from. */
  function draftSource(): ReplySource | undefined {
    const forText = draft.value.outbound?.forText;
    const agentLanguage = settings.value?.settings.agentLanguage;
    return forText && agentLanguage ? { text: forText, language: agentLanguage } : undefined;
  }

  /** A check's fix for a suggestion: it becomes the agent's edit (and is back-translated). */
  async function applySuggestionFix(index: number, replacement: string) {
    const key = conversationKey();
    if (!key) return;
    setEdit(index, { status: 'working', text: replacement });
    await storeEdit(index, await sendToBackground({ type: 'ui/check-meaning', conversationKey: key, text: replacement }));
  }

  /** A check's fix for the translated draft: the customer text changes, and is back-translated again. */
  async function applyDraftFix(replacement: string) {
    const key = conversationKey();
    const current = draft.value;
    if (!key || !current.outbound) return;
    draft.value = { ...current, status: 'working' };
    const result = await sendToBackground({ type: 'ui/check-meaning', conversationKey: key, text: replacement });
    if (!result.ok) {
      draft.value = { ...current, status: 'failed', error: result.error };
      return;
    }
    const outbound = { ...result, forText: current.outbound.forText };
    draft.value = { text: current.text, status: 'idle', outbound };
    await saveDraftOutbound(db, key, outbound);
  }

  async function insertText(target: InsertTarget, text: string, source?: ReplySource, origin?: InsertOrigin): Promise<boolean> {
    const tab = active.value;
    if (!tab) return false;
    inserts.value = { ...inserts.value, [target]: { status: 'inserting' } };
    let result: InsertReplyResponse;
    try {
      result = fixed
        ? await fixed.insert(text)
        : await sendToBackground({ type: 'ui/insert-reply', tabId: tab.tabId, conversationKey: tab.conversationKey, text, source, origin });
    } catch (error) {
      result = { landed: false, method: 'none', reason: String(error) };
    }
    let copied = false;
    // A reply the market's rules block is not handed to the agent through the clipboard either.
    if (!result.landed && !result.check) {
      // The agent still gets the text: it is on the clipboard, ready to paste.
      copied = await navigator.clipboard.writeText(text).then(
        () => true,
        () => false,
      );
    }
    inserts.value = { ...inserts.value, [target]: { status: 'done', ...result, copied } };
    if (result.landed) announce(i18n.t('panel.insert_landed'));
    return result.landed;
  }

  async function insertSuggestion(index: number) {
    const text = suggestionText(index);
    const shown = suggestions.value;
    if (text === null || shown.status !== 'ready') return;
    const edited = text !== shown.suggestions[index]?.reply;
    await insertText(`suggestion-${index}`, text, undefined, { kind: edited ? 'suggestion-edited' : 'suggestion', suggestionsKey: shown.key, suggestionIndex: index });
  }

  function setDraftText(text: string) {
    const key = conversationKey();
    if (!key) return;
    const outbound = draft.value.outbound?.forText === text.trim() ? draft.value.outbound : undefined;
    draft.value = { text, status: 'idle', outbound };
    pendingDraftWrite = () => saveDraftText(db, key, text);
    clearTimeout(draftTimer);
    draftTimer = setTimeout(() => void flushDraft(), DRAFT_SAVE_DELAY_MS);
  }

  /** The draft in the customer's language, with its back-translation. */
  async function translateDraft() {
    const key = conversationKey();
    const text = draft.value.text.trim();
    if (!key || text === '') return;
    await flushDraft();
    draft.value = { ...draft.value, status: 'working', error: undefined };
    const result = await sendToBackground({ type: 'ui/translate-draft', conversationKey: key, text });
    if (conversationKey() !== key || draft.value.text.trim() !== text) return;
    if (!result.ok) {
      draft.value = { ...draft.value, status: 'failed', error: result.error };
      announce(result.error);
      return;
    }
    draft.value = { text: draft.value.text, status: 'idle', outbound: result };
    announce(i18n.t('panel.announce_draft_translated'));
    await saveDraftOutbound(db, key, result);
  }

  /** A rewrite of the draft's customer-language text (the agent's own text stays as written). */
  async function rewriteDraft(style: RewriteStyle) {
    const key = conversationKey();
    const current = draft.value;
    if (!key || !current.outbound || !draftReady.value) return;
    draft.value = { ...current, status: 'working', error: undefined };
    const result = await sendToBackground({ type: 'ui/rewrite-reply', conversationKey: key, text: current.outbound.text, style });
    if (conversationKey() !== key || draft.value.text !== current.text) return;
    if (!result.ok) {
      draft.value = { ...current, status: 'failed', error: result.error };
      return;
    }
    const outbound = { ...result, forText: current.outbound.forText };
    draft.value = { text: current.text, status: 'idle', outbound };
    await saveDraftOutbound(db, key, outbound);
  }

  async function insertDraft() {
    const key = conversationKey();
    const outbound = draft.value.outbound;
    if (!key || !outbound || !draftReady.value) return;
    const landed = await insertText('draft', outbound.text, draftSource(), { kind: 'draft' });
    if (landed && conversationKey() === key) {
      draft.value = { text: '', status: 'idle' };
      await clearDraftText(db, key);
    }
  }

  /** Ctrl+Enter in the draft: translate first, insert once the agent has seen the result. */
  async function translateOrInsertDraft() {
    if (draftReady.value) await insertDraft();
    else await translateDraft();
  }

  async function overrideLanguage(tag: string | null) {
    const key = conversationKey();
    if (!key) return;
    await sendToBackground({ type: 'ui/override-language', conversationKey: key, tag });
    // Suggestions follow the language: ask again for the new one.
    suggestedFor = null;
    maybeSuggest();
  }

  async function retranslate(messageKey: string) {
    await sendToBackground({ type: 'ui/retranslate-message', messageKey });
  }

  async function setInlineVisible(visible: boolean) {
    const key = conversationKey();
    if (key) await sendToBackground({ type: 'ui/set-inline-visibility', conversationKey: key, visible });
  }

  function announce(text: string) {
    announcement.value = text;
  }

  /** Starts following the browser; returns the function that stops it. */
  function start(): () => void {
    void loadSettings().then((parsed) => {
      settings.value = parsed;
      maybeSuggest();
    });
    const refreshRules = () => void loadMarketRules().then((rules) => (marketRules.value = rules));
    refreshRules();
    const stopRules = watchMarketRules(refreshRules);
    const stopSettings = watchSettings((parsed) => (settings.value = parsed));
    const onActivated = () => void refreshActive();
    let stopTabs = () => {};
    if (fixed) {
      // One fixed conversation (practice mode): no tab to follow.
      showConversation({ tabId: -1, windowId: null, conversationKey: fixed.conversationKey, conversationId: fixed.conversationId, updatedAt: Date.now() });
    } else {
      stopTabs = watchTabRegistry(() => void refreshActive());
      browser.tabs.onActivated.addListener(onActivated);
    }
    // A suggestion inserted by keyboard shortcut (from anywhere in the window) shows its outcome here too.
    const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
      if (sender.id !== browser.runtime.id || sender.tab) return undefined;
      const update = message as BackgroundToPage | null;
      if (update?.type !== 'background/shortcut-inserted' || update.conversationKey !== conversationKey()) return undefined;
      inserts.value = { ...inserts.value, [`suggestion-${update.index}`]: { status: 'done', ...update.result, copied: false } };
      if (update.result.landed) announce(i18n.t('panel.insert_landed'));
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    // A panel closed mid-typing still saves what was typed.
    const onHide = () => void flushDraft();
    addEventListener('pagehide', onHide);
    if (!fixed) void refreshActive();
    return () => {
      void flushDraft();
      stopSettings();
      stopRules();
      stopTabs();
      browser.tabs.onActivated.removeListener(onActivated);
      browser.runtime.onMessage.removeListener(onMessage);
      removeEventListener('pagehide', onHide);
      messagesSubscription?.unsubscribe();
    };
  }

  return {
    active,
    pageStatus,
    conversation,
    messages,
    settings,
    suggestions,
    edits,
    draft,
    draftReady,
    inserts,
    announcement,
    market,
    checksFor,
    draftSource,
    applySuggestionFix,
    applyDraftFix,
    customerLanguage,
    configured,
    inlineVisible,
    start,
    requestSuggestions,
    startEditing,
    changeEdit,
    finishEditing,
    cancelEditing,
    rewriteSuggestion,
    insertSuggestion,
    setDraftText,
    translateDraft,
    rewriteDraft,
    insertDraft,
    translateOrInsertDraft,
    retranslate,
    setInlineVisible,
    overrideLanguage,
  };
}

export type PanelState = ReturnType<typeof createPanelState>;
