import { describe, expect, it } from 'vitest';
import { forgetTab, rememberTabConversation, resolveActiveConversation, tabsShowing } from '@/services/conversation/tab-registry';

const entry = (tabId: number, conversationKey: string) => ({ tabId, windowId: 1, conversationKey, conversationId: conversationKey.split(':').at(-1)!, updatedAt: tabId });

describe('tab registry', () => {
  it("resolves the active tab's conversation, else the most recently reported one", async () => {
    await rememberTabConversation(entry(1, 'zendesk:h:1'));
    await rememberTabConversation(entry(2, 'zendesk:h:2'));
    expect((await resolveActiveConversation(1))?.conversationKey).toBe('zendesk:h:1');
    expect((await resolveActiveConversation(99))?.conversationKey).toBe('zendesk:h:2');
    expect((await resolveActiveConversation(null))?.conversationKey).toBe('zendesk:h:2');
  });

  it('finds every tab showing a conversation and forgets closed tabs', async () => {
    await rememberTabConversation(entry(1, 'zendesk:h:1'));
    await rememberTabConversation(entry(3, 'zendesk:h:1'));
    await rememberTabConversation(entry(2, 'zendesk:h:2'));
    expect((await tabsShowing('zendesk:h:1')).sort()).toEqual([1, 3]);
    await forgetTab(2);
    expect(await tabsShowing('zendesk:h:2')).toEqual([]);
    // The closed tab's conversation was the latest: the panel falls back to the latest still open.
    expect((await resolveActiveConversation(null))?.tabId).toBe(3);
    await forgetTab(3);
    await forgetTab(1);
    expect(await resolveActiveConversation(null)).toBeNull();
  });
});
