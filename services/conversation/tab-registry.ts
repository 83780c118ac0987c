import { storage } from 'wxt/utils/storage';

/**
 * Which conversation each helpdesk tab shows, kept in `storage.session` so it survives a service
 * worker restart (and is dropped when the browser closes). Written by the background when a
 * content script reports a snapshot; read by the background and the side panel.
 */

export interface TabConversation {
  tabId: number;
  windowId: number | null;
  conversationKey: string;
  conversationId: string;
  updatedAt: number;
}

const TAB_KEY_PREFIX = 'tabConversation:';
const lastConversationItem = storage.defineItem<TabConversation>('session:lastConversation');

function tabItem(tabId: number) {
  return storage.defineItem<TabConversation>(`session:${TAB_KEY_PREFIX}${tabId}`);
}

export async function rememberTabConversation(entry: TabConversation): Promise<void> {
  await Promise.all([tabItem(entry.tabId).setValue(entry), lastConversationItem.setValue(entry)]);
}

export async function getTabConversation(tabId: number): Promise<TabConversation | null> {
  return tabItem(tabId).getValue();
}

export async function forgetTab(tabId: number): Promise<void> {
  await tabItem(tabId).removeValue();
  const last = await lastConversationItem.getValue();
  if (last?.tabId === tabId) await lastConversationItem.removeValue();
}

/** Tabs currently showing the conversation. */
export async function tabsShowing(conversationKey: string): Promise<number[]> {
  const all = await storage.snapshot('session');
  return Object.entries(all)
    .filter(([key, value]) => key.startsWith(TAB_KEY_PREFIX) && (value as TabConversation)?.conversationKey === conversationKey)
    .map(([, value]) => (value as TabConversation).tabId);
}

/**
 * The conversation the side panel should show: the one in the given window's active tab when that
 * tab shows one, else the one most recently reported by any helpdesk tab.
 */
export async function resolveActiveConversation(activeTabId: number | null): Promise<TabConversation | null> {
  if (activeTabId !== null) {
    const inActiveTab = await getTabConversation(activeTabId);
    if (inActiveTab) return inActiveTab;
  }
  return lastConversationItem.getValue();
}

/** Calls back whenever any tab's conversation changes. */
export function watchTabConversations(onChange: () => void): () => void {
  return lastConversationItem.watch(() => onChange());
}
