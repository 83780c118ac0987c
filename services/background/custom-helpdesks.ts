import { browser, type Browser } from 'wxt/browser';
import { i18n } from '@/services/i18n/i18n';
import { contentScriptIdOf, hostPermissionOrigins } from '@/services/helpdesk/custom/custom-helpdesk-hosts';
import { loadCustomHelpdesks, watchCustomHelpdesks } from '@/services/helpdesk/custom/custom-helpdesk-store';
import type { CustomHelpdesk } from '@/services/helpdesk/custom/descriptor';
import type { ProbeCustomHelpdeskResponse } from '@/services/messaging/protocol';
import { sendToTab } from '@/services/messaging/send';

const PROBE_SCRIPT = '/content-scripts/custom-probe.js';
const CUSTOM_SCRIPT = '/content-scripts/custom-helpdesk.js';
const BRIDGE_SCRIPT = '/content-scripts/ckeditor-bridge.js';
const ID_PREFIX = 'parley-custom-';

/**
 * Runs the admin's description on the open tab of that helpdesk (the most recently used one) and
 * returns what it found. The options page has asked for the host permission first, in the click.
 */
export async function probeCustomHelpdeskInTab(helpdesk: CustomHelpdesk): Promise<ProbeCustomHelpdeskResponse> {
  const origins = hostPermissionOrigins([helpdesk]);
  let tabs: Browser.tabs.Tab[] = [];
  try {
    tabs = await browser.tabs.query({ url: origins });
  } catch {
    // An origin the browser refuses as a query: treated as no tab.
  }
  const tab = tabs.filter((t) => t.id !== undefined).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  if (!tab?.id) return { error: i18n.t('custom_helpdesks.test_no_tab') };
  try {
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [PROBE_SCRIPT] });
    return await sendToTab(tab.id, { type: 'background/probe-custom-helpdesk', helpdesk });
  } catch (error) {
    return { error: i18n.t('custom_helpdesks.permission_denied', [origins.join(', ')]) + ` (${String(error)})` };
  }
}

/**
 * Makes the registered content scripts match the stored custom helpdesks whose host permission is
 * granted: Parley runs there from the next page load. Registration persists across sessions, and
 * this runs again at start-up and whenever the helpdesks or permissions change.
 */
export async function syncCustomHelpdeskScripts(): Promise<string[]> {
  if (!browser.scripting?.registerContentScripts) return [];
  const { helpdesks } = await loadCustomHelpdesks();
  const granted: CustomHelpdesk[] = [];
  for (const helpdesk of helpdesks) {
    if (await browser.permissions.contains({ origins: hostPermissionOrigins([helpdesk]) })) granted.push(helpdesk);
  }
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = registered.map((script) => script.id).filter((id) => id.startsWith(ID_PREFIX));
  if (ours.length > 0) await browser.scripting.unregisterContentScripts({ ids: ours });
  if (granted.length === 0) return [];
  const scripts = granted.flatMap((helpdesk) => {
    const id = contentScriptIdOf(helpdesk);
    const page = { id, matches: helpdesk.urlPatterns, js: [CUSTOM_SCRIPT], runAt: 'document_idle' as const, persistAcrossSessions: true };
    // CKEditor 5 is written through its own model, from the page's world.
    const needsBridge = helpdesk.composerKind === 'ckeditor5' || helpdesk.composerKind === 'auto';
    const bridge = { id: `${id}-bridge`, matches: helpdesk.urlPatterns, js: [BRIDGE_SCRIPT], runAt: 'document_idle' as const, world: 'MAIN' as const, persistAcrossSessions: true };
    return needsBridge ? [page, bridge] : [page];
  });
  await browser.scripting.registerContentScripts(scripts);
  return scripts.map((script) => script.id);
}

/** Keeps registrations in step with the stored helpdesks and the granted permissions. */
export function setUpCustomHelpdeskScripts(): void {
  const sync = () => void syncCustomHelpdeskScripts().catch((error) => console.warn('[Parley] custom helpdesk scripts:', error));
  watchCustomHelpdesks(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
}
