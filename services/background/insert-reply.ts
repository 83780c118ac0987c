import { getTabConversation } from '@/services/conversation/tab-registry';
import { i18n } from '@/services/i18n/i18n';
import type { InsertReplyResponse } from '@/services/messaging/protocol';
import { sendToTab } from '@/services/messaging/send';
import { checkReply } from '@/services/markets/conversation-market';
import { recordFailedChecks, recordReplyInserted, type InsertOrigin } from '@/services/metrics/record-work';
import type { ParleyDatabase } from '@/services/storage/database';

/**
 * Puts a reply into the composer of the tab that shows the conversation, through that tab's
 * content script (which reads the composer back), after the market's hard checks: a check the lead
 * set to block refuses the insertion, whoever asked (the panel, a keyboard shortcut). Nothing is
 * written if the tab has moved on to another conversation. Never throws.
 */
export async function insertReplyIntoTab(
  db: ParleyDatabase,
  tabId: number,
  conversationKey: string,
  text: string,
  options: { source?: { text: string; language: string }; origin?: InsertOrigin } = {},
): Promise<InsertReplyResponse> {
  const check = await checkReply(db, conversationKey, { text, source: options.source }).catch(() => null);
  await recordFailedChecks(db, conversationKey, check);
  if (check?.status === 'block') {
    const failures = check.results.filter((result) => result.status === 'block').map((result) => result.message);
    return { landed: false, method: 'none', reason: i18n.t('errors.blocked_by_rules', [check.marketName ?? '', failures.join(' ')]), check };
  }
  const shown = await getTabConversation(tabId);
  if (shown?.conversationKey !== conversationKey) {
    return { landed: false, method: 'none', reason: i18n.t('errors.tab_changed_conversation') };
  }
  let result: InsertReplyResponse;
  try {
    // Only the frame the conversation was read in: another frame's composer is not this conversation's.
    result = await sendToTab(tabId, { type: 'background/insert-reply', conversationId: shown.conversationId, text }, shown.frameId);
  } catch {
    return { landed: false, method: 'none', reason: i18n.t('errors.tab_not_answering') };
  }
  if (result.landed && options.origin) await recordReplyInserted(db, conversationKey, options.origin, check?.marketId ?? null);
  return result;
}
