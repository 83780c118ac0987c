import type { HelpdeskAdapter, PageReading, ReadCache } from './types';
import { chatwootAdapter } from './chatwoot/chatwoot-adapter';
import { helpScoutAdapter } from './help-scout/help-scout-adapter';
import { intercomAdapter } from './intercom/intercom-adapter';
import { shopifyInboxAdapter } from './shopify-inbox/shopify-inbox-adapter';
import { zendeskAdapter } from './zendesk/zendesk-adapter';

/** Every built-in adapter; the first whose `matchesUrl` accepts a page reads it. */
export const HELPDESK_ADAPTERS: readonly HelpdeskAdapter[] = [
  zendeskAdapter,
  shopifyInboxAdapter,
  intercomAdapter,
  chatwootAdapter,
  helpScoutAdapter,
];

export interface HelpdeskPage {
  adapter: HelpdeskAdapter;
  reading: PageReading;
}

/**
 * The public seam for reading: given a document and its URL, the helpdesk it belongs to and what
 * the agent has open there, or null when no adapter claims the URL. Never throws: an adapter error
 * becomes an `unrecognised` reading tagged with the adapter's name.
 */
export function readHelpdeskPage(
  doc: Document,
  url: URL,
  adapters: readonly HelpdeskAdapter[] = HELPDESK_ADAPTERS,
  cache?: ReadCache,
): HelpdeskPage | null {
  const adapter = adapters.find((candidate) => safeMatches(candidate, url));
  if (!adapter) return null;
  try {
    return { adapter, reading: adapter.read(doc, url, cache) };
  } catch (error) {
    return { adapter, reading: { kind: 'unrecognised', missing: [`${adapter.id} adapter failed: ${String(error)}`] } };
  }
}

function safeMatches(adapter: HelpdeskAdapter, url: URL): boolean {
  try {
    return adapter.matchesUrl(url);
  } catch {
    return false;
  }
}
