import { i18n } from '#i18n';
import { addMessage, createConversationState } from '@/services/language/conversation-state';
import { detectLanguage } from '@/services/language/detect-language';
import type { SupportedLanguage } from '@/services/language/supported-languages';
import type { ConversationUpdate, InlineTranslation } from '@/services/messaging/protocol';
import { describeModelError } from '@/services/model/describe-model-error';
import type { ModelClient } from '@/services/model/model-client';
import { TRANSLATION_PROMPT_VERSION, translationPrompt } from '@/services/model/prompts';
import type { ParsedSettings } from '@/services/settings/parse-settings';
import { isProviderConfigured, type ProviderSettings } from '@/services/settings/settings-schema';
import {
  conversationKeyOf,
  messageKeyOf,
  type ConversationRecord,
  type MessageRecord,
  type ParleyDatabase,
} from '@/services/storage/database';
import { hashKey } from '@/services/storage/hash-key';

export interface TranslationServiceDeps {
  db: ParleyDatabase;
  loadSettings(): Promise<ParsedSettings>;
  createClient(provider: ProviderSettings): ModelClient;
  /** Tells the pages showing this conversation that a message's translation changed. Must not throw. */
  notify(conversationKey: string, conversationId: string, translation: InlineTranslation): void;
  /** How often streamed text is written and announced while it arrives. */
  streamUpdateIntervalMs?: number;
  maxConcurrentRequests?: number;
}

/** Said wherever a model call would be needed but none is configured. */
export const notConfiguredError = () => i18n.t('errors.not_configured');

/**
 * Turns conversation updates from helpdesk pages into stored messages with translations.
 *
 * Everything that matters is in the database: a message waiting for its translation is stored as
 * `pending`, so a service worker that dies mid-stream resumes the work on its next start
 * (`resumePending`). The in-memory maps below only avoid starting the same work twice.
 */
export function createTranslationService(deps: TranslationServiceDeps) {
  const { db } = deps;
  const streamUpdateIntervalMs = deps.streamUpdateIntervalMs ?? 150;
  const inFlight = new Map<string, Promise<void>>();
  const limit = createLimiter(deps.maxConcurrentRequests ?? 3);

  /** Stores new or changed messages, starts their translations, and answers with what is known now. */
  async function handleUpdate(
    update: ConversationUpdate,
    host: string,
  ): Promise<{ conversationKey: string; translations: InlineTranslation[] }> {
    const conversationKey = conversationKeyOf(update.helpdesk, host, update.conversationId);
    const { settings } = await deps.loadSettings();
    const records = await recordUpdate(conversationKey, update, host);

    const needWork = records.filter(
      (r) =>
        r.role === 'customer' &&
        (r.translationStatus === 'pending' ||
          r.translationStatus === 'failed' ||
          (r.translationStatus === 'done' && r.translatedInto !== settings.agentLanguage)),
    );
    // Newest first: the customer's latest message is the one the agent needs now.
    for (const record of needWork.reverse()) void ensureTranslated(record.key);
    const fresh = await db.messages.bulkGet(records.map((r) => r.key));
    return {
      conversationKey,
      translations: fresh.filter((r): r is MessageRecord => r?.role === 'customer').map(toInline),
    };
  }

  async function recordUpdate(conversationKey: string, update: ConversationUpdate, host: string) {
    return db.transaction('rw', db.conversations, db.messages, async () => {
      const conversation = await db.conversations.get(conversationKey);
      let language = conversation?.language ?? createConversationState();
      const keys = update.messages.map((m) => messageKeyOf(conversationKey, m.id));
      const existing = await db.messages.bulkGet(keys);
      const records = update.messages.map((message, index): MessageRecord => {
        const order = message.position;
        const known = existing[index];
        if (known && known.text === message.text && known.role === message.role) return { ...known, order, time: message.time };
        const isCustomer = message.role === 'customer';
        return {
          key: messageKeyOf(conversationKey, message.id),
          conversationKey,
          messageId: message.id,
          order,
          role: message.role,
          text: message.text,
          time: message.time,
          detection: isCustomer ? detectLanguage(message.text) : null,
          translationStatus: isCustomer ? 'pending' : null,
          translation: '',
        };
      });
      await db.messages.bulkPut(records);
      // New customer messages, oldest first, feed the conversation's language state.
      const fresh = records
        .filter((record, index) => record.role === 'customer' && !(existing[index] && existing[index]!.text === record.text))
        .sort((a, b) => a.order - b.order);
      for (const record of fresh) language = addMessage(language, record.text, record.detection ?? undefined);
      await db.conversations.put({
        key: conversationKey,
        helpdesk: update.helpdesk,
        host,
        conversationId: update.conversationId,
        title: update.title ?? conversation?.title,
        language,
        updatedAt: Date.now(),
      });
      return records;
    });
  }

  /** Starts (or joins) the translation of one stored message. */
  function ensureTranslated(messageKey: string): Promise<void> {
    const running = inFlight.get(messageKey);
    if (running) return running;
    const work = limit(() => translateMessage(messageKey)).finally(() => inFlight.delete(messageKey));
    inFlight.set(messageKey, work);
    return work;
  }

  async function translateMessage(messageKey: string): Promise<void> {
    const record = await db.messages.get(messageKey);
    if (!record || record.role !== 'customer') return;
    const conversation = await db.conversations.get(record.conversationKey);
    const conversationId = conversation?.conversationId ?? record.conversationKey;
    const { settings } = await deps.loadSettings();
    const target = settings.agentLanguage;

    const save = async (changes: Partial<MessageRecord>) => {
      Object.assign(record, changes);
      await db.messages.update(messageKey, changes);
      deps.notify(record.conversationKey, conversationId, toInline(record));
    };

    const source = sourceLanguageOf(record, conversation);
    if (source === target && record.detection?.confidence === 'high') {
      await save({ translationStatus: 'same-language', translation: '', translationError: undefined, translatedInto: target });
      return;
    }
    if (!isProviderConfigured(settings.provider)) {
      await save({ translationStatus: 'failed', translationError: notConfiguredError() });
      return;
    }

    const client = deps.createClient(settings.provider);
    const cacheKey = await hashKey([TRANSLATION_PROMPT_VERSION, client.identity, source, target, record.text]);
    const cached = await db.translations.get(cacheKey);
    if (cached) {
      await save({ translationStatus: 'done', translation: cached.text, translationError: undefined, translatedInto: target });
      return;
    }

    await save({ translationStatus: 'streaming', translation: '', translationError: undefined });
    let lastUpdate = 0;
    try {
      const text = await client.streamChat(translationPrompt(record.text, source, target), {
        onText: (soFar) => {
          const now = Date.now();
          if (now - lastUpdate < streamUpdateIntervalMs) return;
          lastUpdate = now;
          void save({ translation: soFar });
        },
      });
      if (text === '') {
        // Never cached: an empty answer is a failure, and the next snapshot tries again.
        await save({ translationStatus: 'failed', translation: '', translationError: i18n.t('errors.empty_translation') });
        return;
      }
      await db.translations.put({ key: cacheKey, text, createdAt: Date.now() });
      await save({ translationStatus: 'done', translation: text, translatedInto: target });
    } catch (error) {
      await save({ translationStatus: 'failed', translation: '', translationError: describeModelError(error) });
    }
  }

  /** Picks up work a previous service worker left unfinished. */
  async function resumePending(): Promise<number> {
    const unfinished = await db.messages.where('translationStatus').anyOf('pending', 'streaming').primaryKeys();
    for (const key of unfinished) void ensureTranslated(key);
    return unfinished.length;
  }

  /**
   * Tries every failed translation again: after the settings changed (a model configured, a key
   * fixed). Updates from pages carry only new messages, so nothing else would retry them.
   */
  async function retryFailed(): Promise<number> {
    const failed = await db.messages.where('translationStatus').equals('failed').primaryKeys();
    for (const key of failed) void ensureTranslated(key);
    return failed.length;
  }

  /** The agent asked for a fresh translation of one message: forget the cached answer and redo it. */
  async function retranslate(messageKey: string): Promise<boolean> {
    const record = await db.messages.get(messageKey);
    if (!record || record.role !== 'customer') return false;
    const { settings } = await deps.loadSettings();
    if (isProviderConfigured(settings.provider)) {
      const client = deps.createClient(settings.provider);
      const source = sourceLanguageOf(record, await db.conversations.get(record.conversationKey));
      await db.translations.delete(
        await hashKey([TRANSLATION_PROMPT_VERSION, client.identity, source, settings.agentLanguage, record.text]),
      );
    }
    await db.messages.update(messageKey, { translationStatus: 'pending', translation: '', translationError: undefined });
    await ensureTranslated(messageKey);
    return true;
  }

  /** Resolves when every translation started so far has finished (tests and shutdown). */
  async function idle(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
  }

  return { handleUpdate, resumePending, retryFailed, retranslate, idle };
}

export type TranslationService = ReturnType<typeof createTranslationService>;

/**
 * The language a message is translated from: its own detection when confident, otherwise the
 * conversation's language (a short "ok?" in a Portuguese conversation is Portuguese).
 */
function sourceLanguageOf(record: MessageRecord, conversation: ConversationRecord | undefined): SupportedLanguage | null {
  if (record.detection?.confidence === 'high') return record.detection.language;
  return conversation?.language?.language ?? record.detection?.language ?? null;
}

export function toInline(record: MessageRecord): InlineTranslation {
  return {
    messageId: record.messageId,
    status: record.translationStatus ?? 'pending',
    text: record.translation,
    error: record.translationError,
    detection: record.detection,
  };
}

/** Runs at most `max` tasks at once; the rest wait their turn in order. */
function createLimiter(max: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else active++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter, so a newcomer cannot slip in between.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
