import type { Browser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { HELPDESK_PAGE_MATCHES } from '@/services/helpdesk/helpdesk-hosts';

/**
 * Who may ask the background for what. The browser fills in `sender`, so a page cannot fake it:
 * - content scripts may only send page-safe requests, and only from a helpdesk page Parley supports;
 * - privileged requests (model calls with the key, inserting into a tab) come only from Parley's own pages.
 */


const helpdeskPatterns = HELPDESK_PAGE_MATCHES.map((pattern) => new MatchPattern(pattern));

/** Extension pages allowed to make privileged requests. */
const PRIVILEGED_PAGES = ['/sidepanel.html', '/options.html', '/practice.html'];

export type SenderKind = 'helpdesk-content-script' | 'extension-page' | 'unknown';

/**
 * `customPageMatches`: the URL patterns of helpdesks an admin described (stored, validated match
 * patterns); content scripts registered there at run time count as helpdesk content scripts too.
 */
export function classifySender(
  sender: Browser.runtime.MessageSender,
  extensionId: string,
  extensionOrigin: string,
  customPageMatches: readonly string[] = [],
): SenderKind {
  if (sender.id !== extensionId || !sender.url) return 'unknown';
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return 'unknown';
  }
  if (url.origin === new URL(extensionOrigin).origin) {
    return PRIVILEGED_PAGES.includes(url.pathname) ? 'extension-page' : 'unknown';
  }
  if (sender.tab?.id !== undefined && // A string, not the URL object: the library tests `instanceof Location`, which a service worker lacks.
    (helpdeskPatterns.some((pattern) => pattern.includes(url.href)) || matchesAnyPattern(customPageMatches, url.href))) {
    return 'helpdesk-content-script';
  }
  return 'unknown';
}

function matchesAnyPattern(patterns: readonly string[], href: string): boolean {
  return patterns.some((pattern) => {
    try {
      return new MatchPattern(pattern).includes(href);
    } catch {
      return false;
    }
  });
}
