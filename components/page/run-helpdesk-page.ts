import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createInlineTranslations, shadowRootMount, type MountInline } from '@/components/inline/inline-translations';
import { insertIntoComposer } from '@/services/composer/insert-into-composer';
import type { ActiveConversation, HelpdeskAdapter } from '@/services/helpdesk/types';
import { asBackgroundToContent } from '@/services/messaging/content-guards';
import type { InsertReplyResponse } from '@/services/messaging/protocol';
import { sendToBackground } from '@/services/messaging/send';
import { watchConversation } from '@/services/page/conversation-watcher';

export interface HelpdeskPageDeps {
  send: typeof sendToBackground;
  mount: MountInline;
}

/**
 * Parley in one helpdesk page: reads the active conversation with the adapter, reports it to the
 * background, shows translations under customer messages, and writes replies into the composer
 * when the side panel asks. Never throws into the page.
 */
export function runHelpdeskPage(ctx: ContentScriptContext, adapter: HelpdeskAdapter, deps?: Partial<HelpdeskPageDeps>) {
  const send = deps?.send ?? sendToBackground;
  const inline = createInlineTranslations(deps?.mount ?? shadowRootMount(ctx));
  let inlineEnabled = true;
  let current: ActiveConversation | null = null;

  async function reportSnapshot(active: ActiveConversation) {
    const { snapshot } = active;
    try {
      const response = await send({ type: 'content/conversation-snapshot', snapshot });
      inlineEnabled = response.settings.inlineTranslations;
      inline.sync(current, inlineEnabled);
      for (const translation of response.translations) inline.update(snapshot.conversationId, translation);
    } catch (error) {
      if (!ctx.isInvalid) console.warn('[Parley] could not reach the background:', error);
    }
  }

  const watcher = watchConversation({
    doc: document,
    adapter,
    setTimer: (fn, ms) => ctx.setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as number),
    onScan({ active, snapshotChanged, error }) {
      if (error) console.warn('[Parley]', error);
      current = active;
      inline.sync(active, inlineEnabled);
      if (active && snapshotChanged) void reportSnapshot(active);
    },
  });

  async function insertReply(conversationId: string, text: string): Promise<InsertReplyResponse> {
    try {
      // Read the page again, in the same task as finding the composer: the agent may have switched
      // tickets since the last scan, and the reply must never land in another ticket.
      const active = adapter.readActiveConversation(document);
      if (active?.snapshot.conversationId !== conversationId) {
        return { landed: false, method: 'none', reason: i18n.t('errors.helpdesk_other_conversation') };
      }
      const composer = adapter.findComposer(document);
      if (!composer) return { landed: false, method: 'none', reason: i18n.t('errors.no_composer') };
      return await insertIntoComposer(composer, text);
    } catch (error) {
      return { landed: false, method: 'none', reason: i18n.t('errors.adapter_failed', [adapter.id, String(error)]) };
    }
  }

  const onMessage = (raw: unknown): Promise<InsertReplyResponse> | undefined => {
    const message = asBackgroundToContent(raw);
    if (!message) return undefined;
    if (message.type === 'background/translation-update') {
      inline.update(message.conversationId, message.translation);
      return undefined;
    }
    return insertReply(message.conversationId, message.text);
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    watcher.stop();
    inline.clear();
    browser.runtime.onMessage.removeListener(onMessage);
  });
}
