import { createCustomAdapter, type CustomHelpdeskAdapter } from './custom-adapter';
import type { CustomHelpdesk } from './descriptor';
import { permissionOriginOf } from './match-pattern-check';

/**
 * What the background needs to let a custom helpdesk run: the host permissions to ask for, and the id of
 * its dynamically registered content script.
 */

/** Host-permission origins for `permissions.request` / `permissions.contains`, without duplicates. */
export function hostPermissionOrigins(helpdesks: readonly Pick<CustomHelpdesk, 'urlPatterns'>[]): string[] {
  return [...new Set(helpdesks.flatMap((helpdesk) => helpdesk.urlPatterns.map(permissionOriginOf)))];
}

/** The `scripting.registerContentScripts` id of a helpdesk's content script. */
export const contentScriptIdOf = (helpdesk: Pick<CustomHelpdesk, 'id'>): string => `parley-custom-${helpdesk.id}`;

/** The adapter of the first custom helpdesk whose patterns match `url`, or null. */
export function customAdapterFor(helpdesks: readonly CustomHelpdesk[], url: URL): CustomHelpdeskAdapter | null {
  for (const helpdesk of helpdesks) {
    const adapter = createCustomAdapter(helpdesk);
    if (adapter.matchesUrl(url)) return adapter;
  }
  return null;
}
