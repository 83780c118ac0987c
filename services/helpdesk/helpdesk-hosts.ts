/**
 * The pages Parley's helpdesk content script runs on: one list for the manifest's content script
 * `matches`, its host permissions, and the background's sender checks, so they cannot drift apart.
 * Single-page helpdesks (Intercom, Chatwoot, Help Scout) are matched on their whole host: agents
 * reach a conversation without a page load, and each adapter's `matchesUrl` decides per URL.
 */
export const HELPDESK_PAGE_MATCHES = [
  'https://*.zendesk.com/agent/*',
  'https://app.intercom.com/*',
  // Intercom's EU and AU data-hosting regions (G: same app on regional hosts).
  'https://app.eu.intercom.com/*',
  'https://app.au.intercom.com/*',
  'https://app.chatwoot.com/*',
  'https://secure.helpscout.net/*',
  // Shopify Inbox, standalone and as the app iframe inside admin.shopify.com (the content script
  // runs in all frames; only the inbox frame is ever read).
  'https://inbox.shopify.com/*',
];

/** Host permissions those pages need (content scripts, inserting): each match pattern's whole host. */
export const HELPDESK_HOST_PERMISSIONS = [...new Set(HELPDESK_PAGE_MATCHES.map((pattern) => pattern.replace(/^([a-z]+:\/\/[^/]+)\/.*$/, '$1/*')))];
