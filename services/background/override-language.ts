import { createConversationState, overrideLanguage, parseLanguageTag } from '@/services/language/conversation-state';
import type { ParleyDatabase } from '@/services/storage/database';

/**
 * The agent's one-click override of a conversation's language: it sticks for that conversation
 * (new messages keep adding evidence underneath, shown again when the override is cleared).
 * False for an unknown conversation or a language Parley does not support.
 */
export async function overrideConversationLanguage(db: ParleyDatabase, conversationKey: string, tag: string | null): Promise<boolean> {
  if (tag !== null && !parseLanguageTag(tag)) return false;
  return db.transaction('rw', db.conversations, async () => {
    const conversation = await db.conversations.get(conversationKey);
    if (!conversation) return false;
    const language = overrideLanguage(conversation.language ?? createConversationState(), tag);
    await db.conversations.put({ ...conversation, language });
    return true;
  });
}
