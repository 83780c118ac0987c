import { i18n } from '@/services/i18n/i18n';
import { addMessage, createConversationState } from '@/services/language/conversation-state';
import { detectLanguage } from '@/services/language/detect-language';
import type { SupportedLanguage } from '@/services/language/supported-languages';
import type { ConversationUpdate, InlineTranslation } from '@/services/messaging/protocol';
import { describeModelError } from '@/services/model/describe-model-error';
import { modelIdentity } from '@/services/model/model-client';
import type { ModelGateway } from '@/services/model/model-gateway';
import type { ModelClient } from '@/services/model/model-types';
import {
  BATCH_TRANSLATION_JSON_SCHEMA,
  BATCH_TRANSLATION_SCHEMA_NAME,
  TRANSLATION_PROMPT_VERSION,
  batchTranslationPrompt,
} from '@/services/model/prompts';
import { MalformedAnswerError } from '@/services/model/request-queue';
import { maskForModel, maskingFingerprint } from '@/services/privacy/mask-for-model';
import { restorePersonalData, type PersonalDataFinding } from '@/services/privacy/mask-personal-data';
import { detectInjection } from '@/services/safety/detect-injection';
import type { ParsedSettings } from '@/services/settings/parse-settings';
import { providersFor, type ProviderSettings, type Settings } from '@/services/settings/settings-schema';
import {
  conversationKeyOf,
  messageKeyOf,
  type ConversationRecord,
  type ConversationSource,
  type MessageRecord,
  type ParleyDatabase,
} from '@/services/storage/database';
import { DEFAULT_BATCH_LIMITS, planBatches, type BatchLimits, type PlannedItem } from './batch-planner';
import { parseStreamedTranslations } from './streamed-translations';
import { createTranslationCache, translationCacheKey, type TranslationCache } from './translation-cache';

/** A conversation update from a helpdesk page, or from practice mode (a simulated customer). */
export type TranslatableUpdate = Omit<ConversationUpdate, 'helpdesk'> & { helpdesk: ConversationSource };

export interface TranslationServiceDeps {
  db: ParleyDatabase;
  loadSettings(): Promise<ParsedSettings>;
  gateway: ModelGateway;
  cache?: TranslationCache;
  /** Tells the pages showing this conversation that a message's translation changed. Must not throw. */
  notify(conversationKey: string, conversationId: string, translation: InlineTranslation): void;
  /** How often a streaming translation is written and announced while it arrives (the first words go at once). */
  streamUpdateIntervalMs?: number;
  /** How long messages are gathered before they go out together (a ticket opening reports them all at once). */
  batchWindowMs?: number;
  batchLimits?: BatchLimits;
  /** Model requests one message may cost before it is marked failed, across worker restarts (default 3). */
  maxAttempts?: number;
  /** Customer messages Parley has just read for the first time (the dashboard counts them). Must not throw. */
  onNewCustomerMessages?(conversationKey: string, messages: MessageRecord[]): Promise<void>;
}

/** Said wherever a model call would be needed but none is configured. */
export const notConfiguredError = () => i18n.t('errors.not_configured');

/**
 * Turns conversation updates from helpdesk pages into stored messages with translations.
 *
 * Everything that matters is in the database: a message waiting for its translation is stored as
 * `pending` or `streaming` with the number of requests it has cost, so a service worker that dies
 * in the middle of a batch resumes exactly the unfinished messages on its next start
 * (`resumePending`) and never exceeds the retry bound. Messages that arrive together go to the
 * model in few requests (batch-planner), each translation is shown as soon as its first words
 * stream in, and personal data is replaced by placeholders before anything leaves the browser.
 */
export function createTranslationService(deps: TranslationServiceDeps) {
  const { db } = deps;
  const streamUpdateIntervalMs = deps.streamUpdateIntervalMs ?? 120;
  const batchWindowMs = deps.batchWindowMs ?? 8;
  const batchLimits = deps.batchLimits ?? DEFAULT_BATCH_LIMITS;
  const maxAttempts = deps.maxAttempts ?? 3;
  const cache = deps.cache ?? createTranslationCache(db);

  /** Messages waiting for the batch window to close. */
  const scheduled = new Set<string>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** Messages in a running batch: not scheduled twice. */
  const inFlight = new Set<string>();
  const running = new Set<Promise<void>>();
  /** Per conversation: aborts its queued and running work when the agent leaves it. */
  const controllers = new Map<string, AbortController>();

  /** Stores new or changed messages, starts their translations, and answers with what is known now. */
  async function handleUpdate(
    update: TranslatableUpdate,
    host: string,
  ): Promise<{ conversationKey: string; translations: InlineTranslation[] }> {
    const conversationKey = conversationKeyOf(update.helpdesk, host, update.conversationId);
    const { settings } = await deps.loadSettings();
    const { records, newCustomerMessages } = await recordUpdate(conversationKey, update, host);

    const needWork = records.filter(
      (r) =>
        r.role === 'customer' &&
        (r.translationStatus === 'pending' ||
          r.translationStatus === 'streaming' ||
          r.translationStatus === 'failed' ||
          (r.translationStatus === 'done' && r.translatedInto !== settings.agentLanguage)),
    );
    // The agent opened (or reopened) the conversation: failures get a fresh budget.
    const failed = needWork.filter((r) => r.translationStatus === 'failed' || r.translationStatus === 'done').map((r) => r.key);
    if (failed.length > 0) await db.messages.where('key').anyOf(failed).modify({ translationAttempts: 0 });
    schedule(needWork.map((r) => r.key));
    // Counted for the dashboard after the translations are on their way: never in their path.
    if (newCustomerMessages.length > 0) void deps.onNewCustomerMessages?.(conversationKey, newCustomerMessages).catch(() => {});
    const fresh = await db.messages.bulkGet(records.map((r) => r.key));
    return {
      conversationKey,
      translations: fresh.filter((r): r is MessageRecord => r?.role === 'customer').map(toInline),
    };
  }

  async function recordUpdate(conversationKey: string, update: TranslatableUpdate, host: string) {
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
          translationAttempts: 0,
          seenAt: known?.seenAt ?? Date.now(),
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
      return { records, newCustomerMessages: fresh.filter((record) => !existing.some((known) => known?.key === record.key)) };
    });
  }

  /**
   * Flags messages that try to instruct the model. Not needed to translate them (customer text is
   * always sent as data), so it runs after their translation: the first run in a fresh worker
   * compiles many regular expressions, and the agent's translation must not wait for that.
   */
  async function flagInjections(records: readonly MessageRecord[], save: Saver) {
    for (const record of records) {
      if (record.injection) continue;
      const check = detectInjection(record.text);
      if (check.injection) await save(record, { injection: { reasons: check.reasons } });
    }
  }

  /** Queues messages for translation; they leave together when the batch window closes. */
  function schedule(messageKeys: readonly string[]) {
    for (const key of messageKeys) if (!inFlight.has(key)) scheduled.add(key);
    if (scheduled.size === 0 || flushTimer) return;
    flushTimer = setTimeout(flush, batchWindowMs);
  }

  function flush() {
    flushTimer = undefined;
    const keys = [...scheduled];
    scheduled.clear();
    for (const key of keys) inFlight.add(key);
    const work = translateMessages(keys)
      .catch(() => {})
      .finally(() => {
        for (const key of keys) inFlight.delete(key);
        running.delete(work);
      });
    running.add(work);
  }

  async function translateMessages(messageKeys: readonly string[]) {
    const records = (await db.messages.bulkGet([...messageKeys])).filter((r): r is MessageRecord => r?.role === 'customer');
    const byConversation = new Map<string, MessageRecord[]>();
    for (const record of records) byConversation.set(record.conversationKey, [...(byConversation.get(record.conversationKey) ?? []), record]);
    await Promise.all([...byConversation].map(([conversationKey, list]) => translateConversationMessages(conversationKey, list)));
  }

  /** One conversation's messages: same-language and cached ones at once, the rest in batches. */
  async function translateConversationMessages(conversationKey: string, records: MessageRecord[]) {
    const conversation = await db.conversations.get(conversationKey);
    const conversationId = conversation?.conversationId ?? conversationKey;
    const { settings } = await deps.loadSettings();
    const target = settings.agentLanguage;
    const providers = providersFor(settings, 'inbound');
    const save = saver(conversationKey, conversationId);
    const shaping = maskingFingerprint(settings);

    const candidates: Array<{ record: MessageRecord; source: SupportedLanguage | null }> = [];
    for (const record of records) {
      const source = sourceLanguageOf(record, conversation);
      if (source === target && record.detection?.confidence === 'high') {
        await save(record, { translationStatus: 'same-language', translation: '', translationError: undefined, translatedInto: target });
      } else if (providers.length === 0) {
        await save(record, { translationStatus: 'failed', translationError: notConfiguredError() });
      } else if ((record.translationAttempts ?? 0) >= maxAttempts) {
        if (record.translationStatus !== 'failed') {
          await save(record, { translationStatus: 'failed', translation: '', translationError: i18n.t('errors.gave_up', [String(maxAttempts)]) });
        }
      } else candidates.push({ record, source });
    }
    // All cache look-ups at once: a reopened ticket is served in one read.
    const cached = await cachedTranslations(providers, target, shaping, candidates);
    const toTranslate: typeof candidates = [];
    for (const [index, entry] of candidates.entries()) {
      const hit = cached[index];
      if (hit) {
        await save(entry.record, { translationStatus: 'done', translation: hit, translationError: undefined, translationWarning: undefined, translatedInto: target });
      } else toTranslate.push(entry);
    }
    if (toTranslate.length === 0) {
      await flagInjections(records, save);
      return;
    }

    // One language pair per request: the prompt names the source language.
    const bySource = new Map<SupportedLanguage | null, typeof toTranslate>();
    for (const entry of toTranslate) bySource.set(entry.source, [...(bySource.get(entry.source) ?? []), entry]);
    const signal = controllerFor(conversationKey).signal;
    const batches: Promise<void>[] = [];
    for (const [source, entries] of bySource) {
      const masking = new Map<string, { masked: string; found: PersonalDataFinding[] }>();
      for (const { record } of entries) masking.set(record.key, maskForModel(settings, record.text));
      const planned = planBatches(
        entries.map(({ record }) => ({ messageKey: record.key, text: masking.get(record.key)!.masked, order: record.order })),
        batchLimits,
      );
      const recordsByKey = new Map(entries.map(({ record }) => [record.key, record]));
      for (const items of planned) {
        batches.push(
          translateBatch({ conversationKey, source, target, settings, providers, shaping, items, recordsByKey, masking, save, signal }),
        );
      }
    }
    await Promise.all(batches);
    await flagInjections(records, save);
  }

  interface BatchJob {
    conversationKey: string;
    source: SupportedLanguage | null;
    target: SupportedLanguage;
    settings: Settings;
    providers: ProviderSettings[];
    shaping: string;
    items: PlannedItem[];
    recordsByKey: Map<string, MessageRecord>;
    masking: Map<string, { masked: string; found: PersonalDataFinding[] }>;
    save: Saver;
    signal: AbortSignal;
  }

  /** One request's worth of messages, retried and failed over as a unit; finished items stay finished. */
  async function translateBatch(job: BatchJob) {
    const { items, recordsByKey, save, target } = job;
    const finished = new Set<string>();
    const lastShown = new Map<string, number>();
    const recordsOf = (item: PlannedItem) => item.messageKeys.map((key) => recordsByKey.get(key)!);
    const unfinished = () => items.filter((item) => !finished.has(item.id));
    const usedAttempts = Math.max(...items.flatMap((item) => recordsOf(item).map((r) => r.translationAttempts ?? 0)));

    /** A complete translation of one item: restore personal data, check it, cache it, show it. */
    const finish = async (item: PlannedItem, answer: string, provider: ProviderSettings) => {
      if (finished.has(item.id) || answer.trim() === '') return;
      finished.add(item.id);
      const original = recordsOf(item)[0]!;
      const { found } = job.masking.get(original.key)!;
      const restored = restorePersonalData(answer.trim(), found);
      const warning =
        restored.problems.length > 0 ? i18n.t('errors.placeholders_changed', [restored.problems.map((problem) => problem.placeholder).join(', ')]) : undefined;
      if (!warning) {
        await cache.put(
          await translationCacheKey({
            promptVersion: TRANSLATION_PROMPT_VERSION,
            modelIdentity: modelIdentity(provider),
            source: job.source,
            target,
            shaping: job.shaping,
            text: original.text,
          }),
          restored.text,
        );
      }
      for (const record of recordsOf(item)) {
        await save(record, { translationStatus: 'done', translation: restored.text, translationError: undefined, translationWarning: warning, translatedInto: target });
      }
    };

    /** Partial text of an item still streaming: shown at once the first time, then at most every interval. */
    const showPartial = (item: PlannedItem, text: string) => {
      const now = Date.now();
      if (now - (lastShown.get(item.id) ?? 0) < streamUpdateIntervalMs || text.trim() === '') return;
      lastShown.set(item.id, now);
      const { found } = job.masking.get(item.messageKeys[0]!)!;
      const shown = restorePersonalData(text, found).text;
      for (const record of recordsOf(item)) void save(record, { translationStatus: 'streaming', translation: shown });
    };

    try {
      await deps.gateway.call(
        'inbound',
        job.providers,
        async (client, provider, signal) => {
          const pending = unfinished();
          if (client.translateText) {
            await translateOneByOne(client, pending, job, signal, (item, answer) => finish(item, answer, provider));
            return;
          }
          const byId = new Map(pending.map((item) => [item.id, item]));
          const completions: Promise<void>[] = [];
          const answer = await client.streamChat(batchTranslationPrompt(pending, job.source, target), {
            signal,
            json: { name: BATCH_TRANSLATION_SCHEMA_NAME, schema: BATCH_TRANSLATION_JSON_SCHEMA },
            temperature: 0.2,
            onText: (soFar) => {
              for (const streamed of parseStreamedTranslations(soFar).items) {
                const item = streamed.id !== null ? byId.get(streamed.id) : undefined;
                if (!item || finished.has(item.id)) continue;
                if (streamed.complete) completions.push(finish(item, streamed.text, provider));
                else showPartial(item, streamed.text);
              }
            },
          });
          for (const streamed of parseStreamedTranslations(answer.text).items) {
            const item = streamed.id !== null ? byId.get(streamed.id) : undefined;
            if (item && streamed.complete) completions.push(finish(item, streamed.text, provider));
          }
          await Promise.all(completions);
          const missing = unfinished();
          // Only the missing items go out again on the next attempt.
          if (missing.length > 0) throw new MalformedAnswerError(i18n.t('errors.unexpected_answer'));
        },
        {
          signal: job.signal,
          conversationKey: job.conversationKey,
          attemptBudget: maxAttempts - usedAttempts,
          onAttempt: async () => {
            // One write for the whole batch, before the request leaves: a restarted worker sees the count.
            const records = unfinished().flatMap(recordsOf);
            await db.messages.bulkUpdate(
              records.map((record) => ({
                key: record.key,
                changes: { translationStatus: 'streaming', translationAttempts: (record.translationAttempts ?? 0) + 1, translationError: undefined },
              })),
            );
            for (const record of records) {
              Object.assign(record, { translationStatus: 'streaming', translationAttempts: (record.translationAttempts ?? 0) + 1, translationError: undefined });
            }
          },
        },
      );
    } catch (error) {
      if (job.signal.aborted) {
        // The agent left the conversation: the work waits, unfinished, for the next time it is shown.
        for (const item of unfinished()) for (const record of recordsOf(item)) await save(record, { translationStatus: 'pending', translation: '' }, false);
        return;
      }
      const message = describeModelError(error);
      for (const item of unfinished()) {
        for (const record of recordsOf(item)) await save(record, { translationStatus: 'failed', translation: '', translationError: message });
      }
    }
  }

  /** The cached translation of each candidate, from the first provider of the route that has one. */
  async function cachedTranslations(
    providers: readonly ProviderSettings[],
    target: SupportedLanguage,
    shaping: string,
    candidates: ReadonlyArray<{ record: MessageRecord; source: SupportedLanguage | null }>,
  ): Promise<Array<string | null>> {
    const found: Array<string | null> = candidates.map(() => null);
    for (const provider of providers) {
      const missing = candidates.map((_, index) => index).filter((index) => found[index] === null);
      if (missing.length === 0) break;
      const keys = await Promise.all(
        missing.map((index) =>
          translationCacheKey({
            promptVersion: TRANSLATION_PROMPT_VERSION,
            modelIdentity: modelIdentity(provider),
            source: candidates[index]!.source,
            target,
            shaping,
            text: candidates[index]!.record.text,
          }),
        ),
      );
      const hits = await cache.getMany(keys);
      missing.forEach((index, i) => (found[index] = hits[i] ?? null));
    }
    return found;
  }

  type Saver = (record: MessageRecord, changes: Partial<MessageRecord>, announce?: boolean) => Promise<void>;

  function saver(conversationKey: string, conversationId: string): Saver {
    return async (record, changes, announce = true) => {
      Object.assign(record, changes);
      // What this change shows, taken now: later changes to the record must not leak into it.
      const shown = toInline(record);
      await db.messages.update(record.key, changes);
      if (announce) deps.notify(conversationKey, conversationId, shown);
    };
  }

  function controllerFor(conversationKey: string): AbortController {
    let controller = controllers.get(conversationKey);
    if (!controller || controller.signal.aborted) {
      controller = new AbortController();
      controllers.set(conversationKey, controller);
    }
    return controller;
  }

  /** The agent left the conversation (no tab shows it): its waiting and running work stops. */
  function cancelConversation(conversationKey: string): void {
    controllers.get(conversationKey)?.abort(new DOMException(i18n.t('errors.cancelled'), 'AbortError'));
    controllers.delete(conversationKey);
  }

  /** Picks up work a previous service worker left unfinished. */
  async function resumePending(): Promise<number> {
    const unfinished = await db.messages.where('translationStatus').anyOf('pending', 'streaming').primaryKeys();
    schedule(unfinished);
    return unfinished.length;
  }

  /**
   * Tries every failed translation again, with a fresh attempt budget: after the settings changed
   * (a model configured, a key fixed). Updates from pages carry only new messages, so nothing else
   * would retry them.
   */
  async function retryFailed(): Promise<number> {
    const failed = await db.messages.where('translationStatus').equals('failed').primaryKeys();
    await db.messages.where('key').anyOf(failed).modify({ translationAttempts: 0 });
    schedule(failed);
    return failed.length;
  }

  /** The agent asked for a fresh translation of one message: forget the cached answer and redo it. */
  async function retranslate(messageKey: string): Promise<boolean> {
    const record = await db.messages.get(messageKey);
    if (!record || record.role !== 'customer') return false;
    const { settings } = await deps.loadSettings();
    const conversation = await db.conversations.get(record.conversationKey);
    const source = sourceLanguageOf(record, conversation);
    for (const provider of providersFor(settings, 'inbound')) {
      await cache.remove(
        await translationCacheKey({
          promptVersion: TRANSLATION_PROMPT_VERSION,
          modelIdentity: modelIdentity(provider),
          source,
          target: settings.agentLanguage,
          shaping: maskingFingerprint(settings),
          text: record.text,
        }),
      );
    }
    await db.messages.update(messageKey, { translationStatus: 'pending', translation: '', translationError: undefined, translationAttempts: 0 });
    schedule([messageKey]);
    return true;
  }

  /** Resolves when every translation scheduled so far has finished (tests and shutdown). */
  async function idle(): Promise<void> {
    while (flushTimer || running.size > 0) {
      if (flushTimer) await new Promise((resolve) => setTimeout(resolve, batchWindowMs + 1));
      await Promise.allSettled([...running]);
    }
  }

  return { handleUpdate, resumePending, retryFailed, retranslate, cancelConversation, idle };
}

export type TranslationService = ReturnType<typeof createTranslationService>;

/** Chrome's on-device Translator takes one text at a time, with no prompt and no batching. */
async function translateOneByOne(
  client: ModelClient,
  items: readonly PlannedItem[],
  job: { source: SupportedLanguage | null; target: SupportedLanguage },
  signal: AbortSignal,
  finish: (item: PlannedItem, answer: string) => Promise<void>,
) {
  for (const item of items) {
    const text = await client.translateText!(item.text, job.source ?? 'und', job.target, { signal });
    if (text.trim() === '') throw new MalformedAnswerError(i18n.t('errors.empty_translation'));
    await finish(item, text);
  }
}


/**
 * The language a message is translated from: its own detection when confident, otherwise the
 * conversation's language (a short "ok?" in a Portuguese conversation is Portuguese).
 */
function sourceLanguageOf(record: MessageRecord, conversation: ConversationRecord | undefined): SupportedLanguage | null {
  if (record.detection?.confidence === 'high') return record.detection.language;
  return conversation?.language?.language ?? record.detection?.language ?? null;
}

export function toInline(record: MessageRecord): InlineTranslation {
  const warnings: string[] = [];
  if (record.injection) warnings.push(i18n.t('errors.injection_flagged'));
  if (record.translationWarning) warnings.push(record.translationWarning);
  return {
    messageId: record.messageId,
    status: record.translationStatus ?? 'pending',
    text: record.translation,
    error: record.translationError,
    detection: record.detection,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}
