import { tabsShowing } from '@/services/conversation/tab-registry';
import type { InlineTranslation } from '@/services/messaging/protocol';
import { sendToTab } from '@/services/messaging/send';

/**
 * Sends a translation update to every tab showing the conversation. A tab that went away or
 * navigated elsewhere is not an error: the update is in the database anyway.
 */
export function notifyTabsOfTranslation(conversationKey: string, conversationId: string, translation: InlineTranslation): void {
  void tabsShowing(conversationKey).then((tabIds) => {
    for (const tabId of tabIds) {
      sendToTab(tabId, { type: 'background/translation-update', conversationId, translation }).catch(() => {});
    }
  });
}
