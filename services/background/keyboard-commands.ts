import { browser, type Browser } from 'wxt/browser';
import { getTabConversation } from '@/services/conversation/tab-registry';
import { loadDraft } from '@/services/drafts/draft-store';
import { i18n } from '@/services/i18n/i18n';
import type { BackgroundToPage } from '@/services/messaging/protocol';
import { sendToTab } from '@/services/messaging/send';
import type { ParleyDatabase } from '@/services/storage/database';
import type { SuggestionService } from '@/services/suggestions/suggestion-service';
import { insertReplyIntoTab } from './insert-reply';

/**
 * Parley's keyboard shortcuts (the manifest's `commands`, remappable at chrome://extensions/shortcuts),
 * which work wherever the agent is in the browser window, the helpdesk page included:
 * - `insert-suggestion-1..3`: the suggestion as the side panel shows it (with the agent's edit)
 *   goes into the composer of the conversation the tab shows;
 * - `translate-reply`: what the agent typed in the helpdesk's composer, translated, shown in the
 *   page for confirmation (the content script's "translate my reply").
 * `_execute_action` (open the panel) is the browser's own.
 */
const INSERT_SUGGESTION_COMMAND = /^insert-suggestion-([1-9])$/;

export interface KeyboardCommandDeps {
  db: ParleyDatabase;
  suggestions: Pick<SuggestionService, 'currentSuggestions'>;
  insert?: typeof insertReplyIntoTab;
}

export function createKeyboardCommandHandler(deps: KeyboardCommandDeps) {
  const insert = deps.insert ?? insertReplyIntoTab;

  return async function handleCommand(command: string, tab: Browser.tabs.Tab | undefined): Promise<void> {
    const tabId = tab?.id;
    if (tabId === undefined) return;
    const shown = await getTabConversation(tabId);
    if (!shown) return;

    const match = INSERT_SUGGESTION_COMMAND.exec(command);
    if (match) {
      const index = Number(match[1]) - 1;
      const current = await deps.suggestions.currentSuggestions(shown.conversationKey);
      const suggestion = current?.suggestions[index];
      if (!current || !suggestion) {
        notifyTab(tabId, shown.conversationId, shown.frameId ?? 0, i18n.t('errors.no_suggestion_to_insert', [String(index + 1)]));
        return;
      }
      const draft = await loadDraft(deps.db, shown.conversationKey);
      const edited = draft?.suggestionsKey === current.key ? draft.editedSuggestions?.[index] : undefined;
      const result = await insert(deps.db, tabId, shown.conversationKey, edited?.text ?? suggestion.reply, {
        origin: { kind: edited ? 'suggestion-edited' : 'suggestion', suggestionsKey: current.key, suggestionIndex: index },
      });
      if (!result.landed) notifyTab(tabId, shown.conversationId, shown.frameId ?? 0, i18n.t('panel.insert_not_landed_no_clipboard', [result.reason ?? '']));
      tellPages({ type: 'background/shortcut-inserted', conversationKey: shown.conversationKey, index, result });
      return;
    }
    if (command === 'translate-reply') {
      sendToTab(tabId, { type: 'background/translate-composer', conversationId: shown.conversationId }, shown.frameId ?? 0).catch(() => {});
    }
  };
}

/** A short notice in the helpdesk page (shown next to its composer): the panel may be closed. */
function notifyTab(tabId: number, conversationId: string, frameId: number, text: string) {
  sendToTab(tabId, { type: 'background/notice', conversationId, text }, frameId).catch(() => {});
}

/** Extension pages (the side panel) that are open; none open is not an error. */
function tellPages(message: BackgroundToPage) {
  browser.runtime.sendMessage(message).catch(() => {});
}

export function setUpKeyboardCommands(deps: KeyboardCommandDeps): void {
  const handle = createKeyboardCommandHandler(deps);
  browser.commands?.onCommand.addListener((command, tab) => void handle(command, tab));
}
