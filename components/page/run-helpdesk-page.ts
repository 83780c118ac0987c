import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createComposerAssist, mountComposerAssist, type ComposerAssistModel } from '@/components/inline/composer-assist';
import { createInlineTranslations, shadowRootMount, type MountedUi, type MountInline } from '@/components/inline/inline-translations';
import { readComposerText } from '@/services/composer/read-composer-text';
import { writeToComposer } from '@/services/composer/write-to-composer';
import type { HelpdeskPage } from '@/services/helpdesk/helpdesk-page';
import type { ConversationSnapshot, HelpdeskAdapter } from '@/services/helpdesk/types';
import { asBackgroundToContent } from '@/services/messaging/content-guards';
import { MAX_MESSAGES_PER_UPDATE } from '@/services/messaging/limits';
import type { InsertReplyResponse } from '@/services/messaging/protocol';
import { sendToBackground } from '@/services/messaging/send';
import { createConversationAccumulator, type PositionedMessage } from '@/services/page/conversation-accumulator';
import { watchConversation } from '@/services/page/conversation-watcher';
import { i18n, useUiMessages } from '@/services/i18n/i18n';
import type { UiLocale } from '@/services/i18n/ui-locales';

/** How long markup must stay unrecognised before the side panel is told. */
const UNRECOGNISED_GRACE_MS = 2500;

export interface HelpdeskPageDeps {
  adapters: readonly HelpdeskAdapter[];
  send: typeof sendToBackground;
  mount: MountInline;
  currentUrl(): URL;
  /** Styles for the inline UI when the entry does not inject its CSS file (run-time registered scripts). */
  inlineCss: string;
  /** Puts the "translate my reply" assist after the composer (tests pass their own). */
  mountAssist(anchor: Element, model: ComposerAssistModel): Promise<MountedUi>;
}

/**
 * Parley in one helpdesk page: reads the open conversation through the adapters, reports what is
 * new to the background, shows translations under customer messages, tells the background when
 * the page cannot be read, and writes replies into the composer when the side panel asks. Never
 * throws into the page.
 */
export function runHelpdeskPage(ctx: ContentScriptContext, deps?: Partial<HelpdeskPageDeps>) {
  const send = deps?.send ?? sendToBackground;
  const currentUrl = deps?.currentUrl ?? (() => new URL(location.href));
  const inline = createInlineTranslations(deps?.mount ?? shadowRootMount(ctx, deps?.inlineCss));
  const accumulator = createConversationAccumulator();
  /** The global setting and this conversation's own switch (the side panel's "show translations in the page"). */
  let inlineEnabled = true;
  const hiddenConversations = new Set<string>();
  const shownConversationId = () => (current?.reading.kind === 'conversation' ? current.reading.conversation.snapshot.conversationId : null);
  const showInline = () => inlineEnabled && !hiddenConversations.has(shownConversationId() ?? '');
  const syncInline = () => inline.sync(current?.reading.kind === 'conversation' ? current.reading.conversation : null, showInline());
  let current: HelpdeskPage | null = null;
  let reportedStatus: string | null = null;

  async function reportUpdate(snapshot: ConversationSnapshot, messages: PositionedMessage[]) {
    const { helpdesk, conversationId, title } = snapshot;
    try {
      // A long first read goes in several messages; each answer carries the translations known so far.
      for (let start = 0; start < Math.max(messages.length, 1); start += MAX_MESSAGES_PER_UPDATE) {
        const chunk = messages.slice(start, start + MAX_MESSAGES_PER_UPDATE);
        const response = await send({ type: 'content/conversation-update', update: { helpdesk, conversationId, title, messages: chunk } });
        void useLocale(response.settings.uiLocale);
        if (response.settings.inlineTranslations !== inlineEnabled || response.inlineVisible === hiddenConversations.has(conversationId)) {
          inlineEnabled = response.settings.inlineTranslations;
          setHidden(conversationId, !response.inlineVisible);
          syncInline();
        }
        for (const translation of response.translations) inline.update(conversationId, translation);
      }
    } catch (error) {
      if (!ctx.isInvalid) console.warn('[Parley] could not reach the background:', error);
    }
  }

  function setHidden(conversationId: string, hidden: boolean) {
    if (hidden) hiddenConversations.add(conversationId);
    else hiddenConversations.delete(conversationId);
  }

  // "Translate my reply" next to the active conversation's composer: one per conversation, re-mounted
  // when the helpdesk redraws its composer.
  const mountAssist = deps?.mountAssist ?? ((anchor: Element, model: ComposerAssistModel) => mountComposerAssist(ctx, anchor, model, deps?.inlineCss));
  let assist: { conversationId: string; model: ComposerAssistModel; anchor: Element | null; ui: Promise<MountedUi | null> | null } | null = null;

  function composerOf(conversationId: string) {
    try {
      return current?.adapter.findComposer(document, conversationId) ?? null;
    } catch {
      return null;
    }
  }

  function syncAssist() {
    const conversationId = shownConversationId();
    if (!conversationId) {
      removeAssist();
      return;
    }
    if (assist?.conversationId !== conversationId) {
      removeAssist();
      const model = createComposerAssist({
        readDraft: () => {
          const composer = composerOf(conversationId);
          return composer ? readComposerText(composer.element) : null;
        },
        translate: (text) => send({ type: 'content/translate-draft', conversationId, text }),
        replaceDraft: async (text) => {
          if (!current) return notReadable();
          const outcome = await writeToComposer(document, currentUrl(), current.adapter, conversationId, text, 'replace');
          if (outcome.landed) send({ type: 'content/reply-replaced', conversationId }).catch(() => {});
          return outcome;
        },
      });
      assist = { conversationId, model, anchor: null, ui: null };
    }
    const composer = composerOf(conversationId);
    // CKEditor's editable lives inside its own frame of toolbars: Parley goes after the whole editor.
    const anchor = composer ? (composer.element.closest('.ck-editor') ?? composer.element) : null;
    if (anchor === assist.anchor && (!anchor || anchor.isConnected)) return;
    void assist.ui?.then((ui) => ui?.remove());
    assist.anchor = anchor;
    assist.ui = anchor ? mountAssist(anchor, assist.model).catch(() => null) : null;
  }

  function removeAssist() {
    void assist?.ui?.then((ui) => ui?.remove());
    assist = null;
  }

  const notReadable = (): InsertReplyResponse => ({ landed: false, method: 'none', reason: i18n.t('errors.helpdesk_other_conversation') });

  let locale: UiLocale | null = null;
  /** Parley's strings in the page speak the agent's interface language: fetched once per locale from the background. */
  async function useLocale(wanted: UiLocale) {
    if (wanted === locale) return;
    locale = wanted;
    try {
      const { strings } = await send({ type: 'content/ui-strings', locale: wanted });
      if (locale === wanted) useUiMessages(wanted, strings);
    } catch {
      locale = null;
    }
  }

  let pendingStatus: number | null = null;

  /**
   * Tells the background when the page has no readable conversation. "Not recognised" waits a
   * moment first: a helpdesk that is still rendering looks unrecognised for a few hundred ms.
   */
  function reportStatus(page: HelpdeskPage) {
    const { adapter, reading } = page;
    if (reading.kind === 'conversation') {
      if (pendingStatus !== null) clearTimeout(pendingStatus);
      pendingStatus = null;
      reportedStatus = null;
      return;
    }
    const missing = reading.kind === 'unrecognised' ? reading.missing : [];
    const key = JSON.stringify([adapter.id, reading.kind, missing]);
    if (key === reportedStatus) return;
    reportedStatus = key;
    if (pendingStatus !== null) clearTimeout(pendingStatus);
    const report = () => {
      pendingStatus = null;
      if (reading.kind === 'unrecognised') {
        console.warn(`[Parley] ${adapter.id} adapter: page not recognised, missing ${missing.join(', ')}`);
      }
      send({ type: 'content/page-status', helpdesk: adapter.id, status: reading.kind, missing }).catch(() => {});
    };
    if (reading.kind === 'unrecognised') pendingStatus = ctx.setTimeout(report, UNRECOGNISED_GRACE_MS);
    else report();
  }

  const watcher = watchConversation({
    doc: document,
    adapters: deps?.adapters,
    currentUrl,
    setTimer: (fn, ms) => ctx.setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as number),
    onRead(page) {
      current = page;
      if (!page || page.reading.kind !== 'conversation') {
        inline.sync(null, showInline());
        removeAssist();
        if (page) reportStatus(page);
        return;
      }
      reportStatus(page);
      const { conversation } = page.reading;
      inline.sync(conversation, showInline());
      syncAssist();
      const { conversationChanged, upserts } = accumulator.merge(conversation.snapshot);
      if (conversationChanged || upserts.length > 0) void reportUpdate(conversation.snapshot, upserts);
    },
  });
  // Single-page helpdesks change conversation by URL without a reload.
  ctx.addEventListener(window, 'wxt:locationchange', () => watcher.readNow());

  async function insertReply(conversationId: string, text: string): Promise<InsertReplyResponse> {
    const adapter = current?.adapter;
    if (!adapter) return { landed: false, method: 'none', reason: i18n.t('errors.helpdesk_other_conversation') };
    return writeToComposer(document, currentUrl(), adapter, conversationId, text);
  }

  const onMessage = (raw: unknown): Promise<InsertReplyResponse> | undefined => {
    const message = asBackgroundToContent(raw);
    if (!message) return undefined;
    if (message.type === 'background/translation-update') {
      inline.update(message.conversationId, message.translation);
      return undefined;
    }
    if (message.type === 'background/insert-reply') return insertReply(message.conversationId, message.text);
    if (message.type === 'background/translate-composer' || message.type === 'background/notice') {
      if (assist?.conversationId === message.conversationId) {
        if (message.type === 'background/notice') assist.model.notify(message.text);
        else void assist.model.actions.translate();
      }
      return undefined;
    }
    if (message.type === 'background/inline-visibility') {
      setHidden(message.conversationId, !message.visible);
      syncInline();
      return undefined;
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    watcher.stop();
    inline.clear();
    removeAssist();
    browser.runtime.onMessage.removeListener(onMessage);
  });
}
