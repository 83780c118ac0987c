import { describe, expect, it } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { HELPDESK_ADAPTERS, readHelpdeskPage } from '@/services/helpdesk/helpdesk-page';
import { HELPDESK_PAGE_MATCHES } from '@/services/helpdesk/helpdesk-hosts';

/** One URL per helpdesk that its adapter must claim, and the content script must run on. */
const AGENT_URLS: Record<string, string> = {
  zendesk: 'https://acme.zendesk.com/agent/tickets/4821',
  intercom: 'https://app.intercom.com/a/inbox/abc123/inbox/shared/all/conversation/1234567',
  chatwoot: 'https://app.chatwoot.com/app/accounts/1/conversations/118',
  'help-scout': 'https://secure.helpscout.net/conversation/2345678/1042',
  'shopify-inbox': 'https://inbox.shopify.com/store/acme/conversations/open/6f1c2a9e-3b7d-4c1e-9a55-2d8e0f4b7c31',
};

describe('the helpdesk seam', () => {
  it('routes each agent URL to exactly its adapter, and the content script matches it', () => {
    const patterns = HELPDESK_PAGE_MATCHES.map((p) => new MatchPattern(p));
    for (const [id, href] of Object.entries(AGENT_URLS)) {
      const url = new URL(href);
      expect(HELPDESK_ADAPTERS.filter((a) => a.matchesUrl(url)).map((a) => a.id)).toEqual([id]);
      expect(patterns.some((p) => p.includes(href))).toBe(true);
      expect(readHelpdeskPage(document, url)?.adapter.id).toBe(id);
    }
  });

  it('claims nothing elsewhere', () => {
    expect(readHelpdeskPage(document, new URL('https://example.com/agent/tickets/1'))).toBeNull();
    expect(readHelpdeskPage(document, new URL('https://acme.zendesk.com/hc/en-us'))).toBeNull();
  });
});
