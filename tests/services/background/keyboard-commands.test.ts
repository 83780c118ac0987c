import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createKeyboardCommandHandler } from '@/services/background/keyboard-commands';
import { rememberTabConversation } from '@/services/conversation/tab-registry';
import { saveEditedSuggestion } from '@/services/drafts/draft-store';
import type { InsertReplyResponse } from '@/services/messaging/protocol';
import { ParleyDatabase } from '@/services/storage/database';

const KEY = 'zendesk:h:1';
const SHOWN = {
  key: 'set-1',
  suggestions: [
    { reply: 'Erste Antwort.', gloss: 'First.' },
    { reply: 'Zweite Antwort.', gloss: 'Second.' },
    { reply: 'Dritte Antwort.', gloss: 'Third.' },
  ],
};

describe('keyboard commands', () => {
  let db: ParleyDatabase;
  let inserted: Array<{ tabId: number; conversationKey: string; text: string }>;
  let tabMessages: unknown[];

  beforeEach(async () => {
    db = new ParleyDatabase(`test-${Math.random()}`);
    inserted = [];
    tabMessages = [];
    await rememberTabConversation({ tabId: 7, frameId: 0, windowId: 1, conversationKey: KEY, conversationId: '1', updatedAt: 1 });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tabId: number, message: unknown) => void tabMessages.push(message));
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function handler(current: typeof SHOWN | null = SHOWN) {
    return createKeyboardCommandHandler({
      db,
      suggestions: { currentSuggestions: async () => current },
      insert: async (_db, tabId, conversationKey, text): Promise<InsertReplyResponse> => {
        inserted.push({ tabId, conversationKey, text });
        return { landed: true, method: 'ckeditor-model' };
      },
    });
  }

  it('inserts suggestion N of the conversation the tab shows, as the agent edited it', async () => {
    await handler()('insert-suggestion-2', { id: 7 } as never);
    expect(inserted).toEqual([{ tabId: 7, conversationKey: KEY, text: 'Zweite Antwort.' }]);
    await saveEditedSuggestion(db, KEY, 'set-1', 2, { text: 'Dritte, bearbeitet.', backTranslation: 'Third, edited.', language: 'de', variant: null });
    await handler()('insert-suggestion-3', { id: 7 } as never);
    expect(inserted.at(-1)?.text).toBe('Dritte, bearbeitet.');
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith(expect.objectContaining({ type: 'background/shortcut-inserted', index: 2 }));
  });

  it('ignores edits made for older suggestions', async () => {
    await saveEditedSuggestion(db, KEY, 'set-0', 0, { text: 'Alt.', backTranslation: 'Old.', language: 'de', variant: null });
    await handler()('insert-suggestion-1', { id: 7 } as never);
    expect(inserted.at(-1)?.text).toBe('Erste Antwort.');
  });

  it('says so in the page when there is no suggestion to insert, and does nothing in a tab without a conversation', async () => {
    await handler(null)('insert-suggestion-1', { id: 7 } as never);
    expect(inserted).toEqual([]);
    expect(tabMessages).toEqual([expect.objectContaining({ type: 'background/notice', conversationId: '1' })]);
    await handler()('insert-suggestion-1', { id: 99 } as never);
    expect(inserted).toEqual([]);
  });

  it('asks the tab to translate what the agent typed for translate-reply', async () => {
    await handler()('translate-reply', { id: 7 } as never);
    expect(tabMessages).toEqual([{ type: 'background/translate-composer', conversationId: '1' }]);
  });
});
