import { browser } from 'wxt/browser';
import { forgetTab } from '@/services/conversation/tab-registry';
import { loadCustomHelpdesks } from '@/services/helpdesk/custom/custom-helpdesk-store';
import { createBackgroundRouter } from '@/services/messaging/background-router';
import { createModelClient } from '@/services/model/model-client';
import { loadSettings, watchSettings } from '@/services/settings/settings-store';
import { getDatabase } from '@/services/storage/database';
import { createSuggestionService } from '@/services/suggestions/suggestion-service';
import { createTranslationService } from '@/services/translation/translation-service';
import { setUpCustomHelpdeskScripts } from './custom-helpdesks';
import { createMessageHandlers, extensionIdentity } from './message-handlers';
import { setUpPanelOpening } from './side-panel';
import { notifyTabsOfTranslation } from './tab-notifier';

/**
 * Everything the background service worker does, started from `main`. Listeners are registered
 * synchronously (a woken worker must find them at once); state lives in Dexie and storage.session.
 */
export function startBackground() {
  const db = getDatabase();
  const translations = createTranslationService({
    db,
    loadSettings,
    createClient: createModelClient,
    notify: notifyTabsOfTranslation,
  });
  const suggestions = createSuggestionService({ db, loadSettings, createClient: createModelClient });
  const route = createBackgroundRouter(
    createMessageHandlers({ db, translations, suggestions, loadSettings, createClient: createModelClient }),
    extensionIdentity(),
    async () => (await loadCustomHelpdesks()).helpdesks.flatMap((helpdesk) => helpdesk.urlPatterns),
  );

  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  setUpPanelOpening();
  setUpCustomHelpdeskScripts();
  void translations.resumePending();
  // A newly configured model or a fixed key: what failed before gets another chance.
  watchSettings(() => void translations.retryFailed());
  return { translations, suggestions };
}
