import { computed, signal } from '@preact/signals';
import { liveQuery, type Subscription } from 'dexie';
import { browser } from 'wxt/browser';
import {
  getTabPageStatus,
  resolveActiveConversation,
  watchTabRegistry,
  type TabConversation,
  type TabPageStatus,
} from '@/services/conversation/tab-registry';
import type { InsertReplyResponse, Suggestion } from '@/services/messaging/protocol';
import { sendToBackground } from '@/services/messaging/send';
import { loadSettings, watchSettings } from '@/services/settings/settings-store';
import type { ParsedSettings } from '@/services/settings/parse-settings';
import { isProviderConfigured } from '@/services/settings/settings-schema';
import { getDatabase, type ConversationRecord, type MessageRecord } from '@/services/storage/database';

export type SuggestionsState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; suggestions: Suggestion[] }
  | { status: 'failed'; error: string };

export type InsertState = { status: 'inserting' } | ({ status: 'done' } & InsertReplyResponse & { copied: boolean });

/**
 * The side panel's state: which conversation it shows (the active helpdesk tab's), that
 * conversation's messages live from the database, and the suggestions. Data lives in signals;
 * the functions below are the only ones that change them.
 */
export function createPanelState() {
  const active = signal<TabConversation | null>(null);
  /** Set when the helpdesk tab shows no readable conversation (e.g. its markup changed). */
  const pageStatus = signal<TabPageStatus | null>(null);
  const conversation = signal<ConversationRecord | null>(null);
  const messages = signal<MessageRecord[]>([]);
  const settings = signal<ParsedSettings | null>(null);
  const suggestions = signal<SuggestionsState>({ status: 'idle' });
  const inserts = signal<Record<number, InsertState>>({});

  /** The conversation's language state, kept by the background (override included). */
  const customerLanguage = computed(() => conversation.value?.language ?? null);
  const configured = computed(() => (settings.value ? isProviderConfigured(settings.value.settings.provider) : true));
  /** Suggestions are for one state of the conversation: the latest message. */
  const latestMessageKey = computed(() => messages.value.at(-1)?.key ?? null);

  let messagesSubscription: Subscription | null = null;
  let suggestedFor: string | null = null;

  function showConversation(next: TabConversation | null) {
    const sameConversation = next?.conversationKey === active.value?.conversationKey;
    active.value = next;
    if (sameConversation) return;
    messagesSubscription?.unsubscribe();
    messages.value = [];
    conversation.value = null;
    suggestions.value = { status: 'idle' };
    inserts.value = {};
    suggestedFor = null;
    if (!next) return;
    const db = getDatabase();
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
    const conversationKey = active.value?.conversationKey;
    if (!conversationKey) return;
    suggestions.value = { status: 'loading' };
    inserts.value = {};
    try {
      const response = await sendToBackground({ type: 'ui/suggest-replies', conversationKey, regenerate });
      if (active.value?.conversationKey !== conversationKey) return;
      suggestions.value = response.ok
        ? { status: 'ready', suggestions: response.suggestions }
        : { status: 'failed', error: response.error };
    } catch (error) {
      suggestions.value = { status: 'failed', error: String(error) };
    }
  }

  async function insertSuggestion(index: number, text: string) {
    const target = active.value;
    if (!target) return;
    inserts.value = { ...inserts.value, [index]: { status: 'inserting' } };
    let result: InsertReplyResponse;
    try {
      result = await sendToBackground({
        type: 'ui/insert-reply',
        tabId: target.tabId,
        conversationKey: target.conversationKey,
        text,
      });
    } catch (error) {
      result = { landed: false, method: 'none', reason: String(error) };
    }
    let copied = false;
    if (!result.landed) {
      // The agent still gets the text: it is on the clipboard, ready to paste.
      copied = await navigator.clipboard.writeText(text).then(
        () => true,
        () => false,
      );
    }
    inserts.value = { ...inserts.value, [index]: { status: 'done', ...result, copied } };
  }

  async function overrideLanguage(tag: string | null) {
    const conversationKey = active.value?.conversationKey;
    if (!conversationKey) return;
    await sendToBackground({ type: 'ui/override-language', conversationKey, tag });
    // Suggestions follow the language: ask again for the new one.
    suggestedFor = null;
    maybeSuggest();
  }

  async function retranslate(messageKey: string) {
    await sendToBackground({ type: 'ui/retranslate-message', messageKey });
  }

  /** Starts following the browser; returns the function that stops it. */
  function start(): () => void {
    void loadSettings().then((parsed) => {
      settings.value = parsed;
      maybeSuggest();
    });
    const stopSettings = watchSettings((parsed) => (settings.value = parsed));
    const stopTabs = watchTabRegistry(() => void refreshActive());
    const onActivated = () => void refreshActive();
    browser.tabs.onActivated.addListener(onActivated);
    void refreshActive();
    return () => {
      stopSettings();
      stopTabs();
      browser.tabs.onActivated.removeListener(onActivated);
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
    inserts,
    customerLanguage,
    configured,
    start,
    requestSuggestions,
    insertSuggestion,
    retranslate,
    overrideLanguage,
  };
}

export type PanelState = ReturnType<typeof createPanelState>;
