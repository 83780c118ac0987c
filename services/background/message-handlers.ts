import { i18n, loadUiMessages, pageStrings } from '@/services/i18n/i18n';
import type { OutboundService } from '@/services/outbound/outbound-service';
import type { PracticeService } from '@/services/practice/practice-service';
import { browser } from 'wxt/browser';
import { getTabConversation, rememberTabConversation, rememberTabPageStatus, tabsShowing } from '@/services/conversation/tab-registry';
import type { BackgroundHandlers } from '@/services/messaging/background-router';
import { sendToTab } from '@/services/messaging/send';
import type { ModelClient } from '@/services/model/model-client';
import type { ModelGateway } from '@/services/model/model-gateway';
import type { ParsedSettings } from '@/services/settings/parse-settings';
import { pageSafeSettings, type ProviderSettings } from '@/services/settings/settings-schema';
import type { SuggestionService } from '@/services/suggestions/suggestion-service';
import type { TranslationService } from '@/services/translation/translation-service';
import { probeCustomHelpdeskInTab } from './custom-helpdesks';
import { overrideConversationLanguage } from './override-language';
import { insertReplyIntoTab } from './insert-reply';
import { customAdapterFor } from '@/services/helpdesk/custom/custom-helpdesk-hosts';
import { loadCustomHelpdesks } from '@/services/helpdesk/custom/custom-helpdesk-store';
import { checkReply, marketOfConversation } from '@/services/markets/conversation-market';
import { recordOutboundTranslation, recordReplyInserted, recordSuggestionsShown } from '@/services/metrics/record-work';
import type { OutboundResult } from '@/services/messaging/protocol';
import { testConnection } from './test-connection';
import type { ParleyDatabase } from '@/services/storage/database';

export interface HandlerDeps {
  db: ParleyDatabase;
  translations: TranslationService;
  suggestions: SuggestionService;
  outbound: OutboundService;
  practice: PracticeService;
  loadSettings(): Promise<ParsedSettings>;
  gateway: ModelGateway;
  createClient(provider: ProviderSettings): ModelClient;
}

/** What the background answers to each request of the protocol. */
export function createMessageHandlers(deps: HandlerDeps): BackgroundHandlers {
  /** A translated draft counts for the dashboard. */
  async function withMetrics(conversationKey: string, result: OutboundResult): Promise<OutboundResult> {
    if (result.ok) await recordOutboundTranslation(deps.db, conversationKey, result.variant ?? result.language);
    return result;
  }

  return {
    content: {
      async 'content/conversation-update'({ update }, { tabId, frameId, windowId, pageUrl }) {
        const { settings } = await deps.loadSettings();
        const previous = await getTabConversation(tabId);
        const { conversationKey, translations } = await deps.translations.handleUpdate(update, pageUrl.host);
        await rememberTabConversation({
          tabId,
          frameId,
          windowId,
          conversationKey,
          conversationId: update.conversationId,
          updatedAt: Date.now(),
        });
        await rememberTabPageStatus(tabId, null);
        // The agent moved on from a conversation no other tab shows: stop paying for its translations.
        if (previous && previous.conversationKey !== conversationKey && (await tabsShowing(previous.conversationKey)).length === 0) {
          deps.translations.cancelConversation(previous.conversationKey);
        }
        const conversation = await deps.db.conversations.get(conversationKey);
        return {
          settings: pageSafeSettings(settings, browser.i18n.getUILanguage()),
          inlineVisible: conversation?.inlineHidden !== true,
          translations,
        };
      },
      async 'content/custom-helpdesk'(_message, { pageUrl }) {
        const { helpdesks } = await loadCustomHelpdesks();
        return customAdapterFor(helpdesks, pageUrl)?.descriptor ?? null;
      },
      async 'content/ui-strings'({ locale }) {
        return { locale, strings: pageStrings(await loadUiMessages(locale)) };
      },
      async 'content/translate-draft'({ conversationId, text }, { tabId }) {
        // Only for the conversation this tab was last seen showing: a page cannot name another one.
        const shown = await getTabConversation(tabId);
        if (!shown || shown.conversationId !== conversationId) return { ok: false, error: i18n.t('errors.tab_changed_conversation') };
        return withMetrics(shown.conversationKey, await deps.outbound.translateDraft(shown.conversationKey, text));
      },
      async 'content/reply-replaced'({ conversationId }, { tabId }) {
        const shown = await getTabConversation(tabId);
        if (!shown || shown.conversationId !== conversationId) return;
        const market = await marketOfConversation(deps.db, shown.conversationKey).catch(() => null);
        await recordReplyInserted(deps.db, shown.conversationKey, { kind: 'composer' }, market?.market?.id ?? null);
      },
      async 'content/page-status'({ helpdesk, status, missing }, { tabId }) {
        await rememberTabPageStatus(tabId, { helpdesk, status, missing, updatedAt: Date.now() });
      },
    },
    ui: {
      async 'ui/suggest-replies'({ conversationKey, regenerate }) {
        const response = await deps.suggestions.suggestReplies(conversationKey, regenerate);
        if (response.ok) await recordSuggestionsShown(deps.db, conversationKey, response.key, response.suggestions.length);
        return response;
      },
      async 'ui/insert-reply'({ tabId, conversationKey, text, source, origin }) {
        return insertReplyIntoTab(deps.db, tabId, conversationKey, text, { source, origin });
      },
      async 'ui/check-reply'({ conversationKey, text, source }) {
        return checkReply(deps.db, conversationKey, { text, source });
      },
      async 'ui/test-connection'({ provider }) {
        return testConnection(provider, deps.gateway.measuredClient(provider, 'test', null));
      },
      async 'ui/retranslate-message'({ messageKey }) {
        return { ok: await deps.translations.retranslate(messageKey) };
      },
      async 'ui/override-language'({ conversationKey, tag }) {
        return { ok: await overrideConversationLanguage(deps.db, conversationKey, tag) };
      },
      async 'ui/translate-draft'({ conversationKey, text }) {
        return withMetrics(conversationKey, await deps.outbound.translateDraft(conversationKey, text));
      },
      async 'ui/rewrite-reply'({ conversationKey, text, style }) {
        return deps.outbound.rewrite(conversationKey, text, style);
      },
      async 'ui/check-meaning'({ conversationKey, text }) {
        return deps.outbound.checkMeaning(conversationKey, text);
      },
      async 'ui/practice-start'({ agentName, marketId, scenarioId, difficulty }) {
        return deps.practice.start({ agentName, marketId, scenarioId, difficulty });
      },
      async 'ui/practice-reply'({ sessionId, text }) {
        return deps.practice.reply(sessionId, text);
      },
      async 'ui/practice-review'({ sessionId }) {
        return deps.practice.review(sessionId);
      },
      async 'ui/set-inline-visibility'({ conversationKey, visible }) {
        const conversation = await deps.db.conversations.get(conversationKey);
        if (!conversation) return { ok: false };
        await deps.db.conversations.update(conversationKey, { inlineHidden: !visible });
        for (const tabId of await tabsShowing(conversationKey)) {
          sendToTab(tabId, { type: 'background/inline-visibility', conversationId: conversation.conversationId, visible }).catch(() => {});
        }
        return { ok: true };
      },
      async 'ui/probe-custom-helpdesk'({ helpdesk }) {
        return probeCustomHelpdeskInTab(helpdesk);
      },
    },
  };
}

export function extensionIdentity() {
  return { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
}
