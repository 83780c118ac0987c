import { i18n } from '@/services/i18n/i18n';
import type { HelpdeskAdapter } from '@/services/helpdesk/types';
import { insertIntoComposer, type InsertMode, type InsertResult } from './insert-into-composer';

/**
 * The public seam for writing: puts `text` into the composer of conversation `conversationId`
 * and reports whether it really landed (read back from the page). The page is read again first,
 * in the same task: if the agent has switched conversations, nothing is written. Never throws.
 */
export async function writeToComposer(
  doc: Document,
  url: URL,
  adapter: HelpdeskAdapter,
  conversationId: string,
  text: string,
  mode: InsertMode = 'append',
): Promise<InsertResult> {
  try {
    const reading = adapter.read(doc, url);
    if (reading.kind !== 'conversation' || reading.conversation.snapshot.conversationId !== conversationId) {
      return { landed: false, method: 'none', reason: i18n.t('errors.helpdesk_other_conversation') };
    }
    const composer = adapter.findComposer(doc, conversationId);
    if (!composer) return { landed: false, method: 'none', reason: i18n.t('errors.no_composer') };
    return await insertIntoComposer(composer, text, mode);
  } catch (error) {
    return { landed: false, method: 'none', reason: i18n.t('errors.adapter_failed', [adapter.id, String(error)]) };
  }
}
