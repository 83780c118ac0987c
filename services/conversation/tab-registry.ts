import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/**
 * Which conversation each helpdesk tab shows, kept in `storage.session` so it survives a service
 * worker restart (and is dropped when the browser closes). Written by the background when a
 * content script reports a snapshot; read by the background and the side panel.
 */

export interface TabConversation {
  tabId: number;
  /** The frame the conversation was read in (Shopify Inbox is an iframe in Shopify's admin). */
  frameId?: number;
  windowId: number | null;
  conversationKey: string;
  conversationId: string;
  updatedAt: number;
}

/** Set while a tab shows its helpdesk without a readable conversation (none open, or markup not recognised). */
export interface TabPageStatus {
  helpdesk: string;
  status: 'no-conversation' | 'unrecognised';
  /** What the adapter could not find, when unrecognised. */
  missing: string[];
  updatedAt: number;
}

const TAB_KEY_PREFIX = 'tabConversation:';
const STATUS_KEY_PREFIX = 'tabPageStatus:';
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

function statusItem(tabId: number) {
  return storage.defineItem<TabPageStatus>(`session:${STATUS_KEY_PREFIX}${tabId}`);
}

/** Records (or, with null, clears) that the tab shows no readable conversation. */
export async function rememberTabPageStatus(tabId: number, status: TabPageStatus | null): Promise<void> {
  if (status) await statusItem(tabId).setValue(status);
  else await statusItem(tabId).removeValue();
}

export async function getTabPageStatus(tabId: number): Promise<TabPageStatus | null> {
  return statusItem(tabId).getValue();
}

export async function forgetTab(tabId: number): Promise<void> {
  await Promise.all([tabItem(tabId).removeValue(), statusItem(tabId).removeValue()]);
  const last = await lastConversationItem.getValue();
  if (last?.tabId !== tabId) return;
  // The panel falls back to the conversation another open helpdesk tab reported most recently.
  const all = await storage.snapshot('session');
  const remaining = Object.entries(all)
    .filter(([key]) => key.startsWith(TAB_KEY_PREFIX))
    .map(([, value]) => value as TabConversation)
    .sort((a, b) => b.updatedAt - a.updatedAt);
  if (remaining[0]) await lastConversationItem.setValue(remaining[0]);
  else await lastConversationItem.removeValue();
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

/** Calls back whenever any tab's conversation or page status changes. */
export function watchTabRegistry(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>) => {
    if (Object.keys(changes).some((key) => key.startsWith(TAB_KEY_PREFIX) || key.startsWith(STATUS_KEY_PREFIX) || key === 'lastConversation')) {
      onChange();
    }
  };
  browser.storage.session.onChanged.addListener(listener);
  return () => browser.storage.session.onChanged.removeListener(listener);
}
