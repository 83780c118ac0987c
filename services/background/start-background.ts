import { browser } from 'wxt/browser';
import { forgetTab, getTabConversation, tabsShowing } from '@/services/conversation/tab-registry';
import { loadCustomHelpdesks } from '@/services/helpdesk/custom/custom-helpdesk-store';
import { createBackgroundRouter } from '@/services/messaging/background-router';
import { createModelClient } from '@/services/model/model-client';
import { createModelGateway } from '@/services/model/model-gateway';
import { loadProviderHealth, saveProviderHealth } from '@/services/model/provider-health-store';
import { createRequestQueue } from '@/services/model/request-queue';
import { createUsageLedger } from '@/services/model/usage-ledger';
import { loadSettings, watchSettings } from '@/services/settings/settings-store';
import { allProviders, DEFAULT_PROVIDER_LIMITS, type Settings } from '@/services/settings/settings-schema';
import { switchUiLocale } from '@/services/i18n/i18n';
import { chooseUiLocale } from '@/services/i18n/ui-locales';
import { createOutboundService } from '@/services/outbound/outbound-service';
import { marketOfConversation, promptGuidance } from '@/services/markets/conversation-market';
import { recordCustomerMessages } from '@/services/metrics/record-work';
import { loadMarketRules } from '@/services/markets/market-store';
import { createPracticeService } from '@/services/practice/practice-service';
import { getDatabase } from '@/services/storage/database';
import { createSuggestionService } from '@/services/suggestions/suggestion-service';
import { createTranslationService } from '@/services/translation/translation-service';
import { setUpCustomHelpdeskScripts } from './custom-helpdesks';
import { createMessageHandlers, extensionIdentity } from './message-handlers';
import { setUpKeyboardCommands } from './keyboard-commands';
import { setUpPanelOpening } from './side-panel';
import { notifyTabsOfTranslation } from './tab-notifier';

/**
 * Everything the background service worker does, started from `main`. Listeners are registered
 * synchronously (a woken worker must find them at once); state lives in Dexie and storage.session.
 */
export function startBackground() {
  closeStorageToContentScripts();
  const db = getDatabase();
  const queue = createRequestQueue({ onHealthChange: saveProviderHealth });
  const gateway = createModelGateway({ queue, createClient: createModelClient, ledger: createUsageLedger(db) });
  const translations = createTranslationService({
    db,
    loadSettings,
    gateway,
    notify: notifyTabsOfTranslation,
    onNewCustomerMessages: async (conversationKey, messages) => {
      const { market } = await marketOfConversation(db, conversationKey).catch(() => ({ market: null }));
      await recordCustomerMessages(db, conversationKey, messages, market?.id ?? null);
    },
  });
  const suggestions = createSuggestionService({ db, loadSettings, gateway, guidanceFor: (key) => promptGuidance(db, key, 'suggestions') });
  const outbound = createOutboundService({ db, loadSettings, gateway, guidanceFor: (key, kind) => promptGuidance(db, key, kind) });
  const practice = createPracticeService({ db, loadSettings, loadMarketRules, gateway, translations });
  const route = createBackgroundRouter(
    createMessageHandlers({ db, translations, suggestions, outbound, practice, loadSettings, gateway, createClient: createModelClient }),
    extensionIdentity(),
    async () => (await loadCustomHelpdesks()).helpdesks.flatMap((helpdesk) => helpdesk.urlPatterns),
  );

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => {
    void (async () => {
      const shown = await getTabConversation(tabId);
      await forgetTab(tabId);
      // Nobody looks at the conversation any more: its queued model work is not worth paying for.
      if (shown && (await tabsShowing(shown.conversationKey)).length === 0) translations.cancelConversation(shown.conversationKey);
    })();
  });
  setUpPanelOpening();
  setUpKeyboardCommands({ db, suggestions });
  setUpCustomHelpdeskScripts();
  void (async () => {
    const { settings } = await loadSettings();
    // Errors the background writes (stored with messages, sent to pages) speak the agent's interface language.
    applyInterfaceLanguage(settings);
    // What the previous worker knew about failing providers, before any new request goes out.
    const limits = new Map(allProviders(settings).map((p) => [p.id, p.limits]));
    queue.restoreHealth(await loadProviderHealth(), (key) => limits.get(key) ?? DEFAULT_PROVIDER_LIMITS);
    await translations.resumePending();
  })();
  watchSettings(({ settings }) => {
    applyInterfaceLanguage(settings);
    // A newly configured model or a fixed key: what failed before gets another chance.
    void translations.retryFailed();
  });
  return { translations, suggestions, outbound };
}

/**
 * `storage.local` holds the API key: only Parley's own pages and worker may read it (Chrome lets
 * content scripts read it unless told otherwise). Browsers without the switch keep their default.
 */
function closeStorageToContentScripts(): void {
  // The browser's own object: the promise wrapper of Firefox's polyfill does not know this method.
  const local = (globalThis as { chrome?: { storage?: { local?: { setAccessLevel?(options: { accessLevel: string }): Promise<void> } } } }).chrome?.storage?.local;
  local?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch(() => {});
}

function applyInterfaceLanguage(settings: Settings): void {
  void switchUiLocale(chooseUiLocale(settings.uiLanguage, settings.agentLanguage, browser.i18n.getUILanguage()));
}
