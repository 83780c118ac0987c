/**
 * The pages Parley's helpdesk content script runs on: one list for the manifest's content script
 * `matches`, its host permissions, and the background's sender checks, so they cannot drift apart.
 */
export const HELPDESK_PAGE_MATCHES = ['https://*.zendesk.com/agent/*'];

/** Host permissions those pages need (content scripts, inserting). */
export const HELPDESK_HOST_PERMISSIONS = ['https://*.zendesk.com/*'];
