import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { createBackgroundRouter, type BackgroundHandlers } from '@/services/messaging/background-router';
import { classifySender } from '@/services/messaging/sender-checks';

const EXTENSION = { id: 'parley-id', origin: 'chrome-extension://parley-id/' };
const helpdeskTab = { id: 7, windowId: 1 } as Browser.tabs.Tab;

function sender(partial: Partial<Browser.runtime.MessageSender>): Browser.runtime.MessageSender {
  return { id: EXTENSION.id, ...partial };
}

const snapshotMessage = {
  type: 'content/conversation-update',
  update: { helpdesk: 'zendesk', conversationId: '4821', messages: [{ id: 'a1', role: 'customer', text: 'Hallo', position: 0 }] },
};

function handlers() {
  const h = {
    content: {
      'content/conversation-update': vi.fn(async () => ({ settings: { agentLanguage: 'en', inlineTranslations: true }, translations: [] })),
      'content/page-status': vi.fn(async () => undefined),
    },
    ui: {
      'ui/suggest-replies': vi.fn(async () => ({ ok: false, error: 'x' })),
      'ui/insert-reply': vi.fn(async () => ({ landed: true, method: 'paste' })),
      'ui/test-connection': vi.fn(async () => ({ ok: false, error: 'x' })),
      'ui/retranslate-message': vi.fn(async () => ({ ok: true })),
    },
  };
  return h as typeof h & BackgroundHandlers;
}

describe('classifySender', () => {
  it('tells helpdesk content scripts, Parley pages and everyone else apart', () => {
    expect(classifySender(sender({ tab: helpdeskTab, url: 'https://acme.zendesk.com/agent/tickets/1' }), EXTENSION.id, EXTENSION.origin)).toBe('helpdesk-content-script');
    expect(classifySender(sender({ url: 'chrome-extension://parley-id/sidepanel.html' }), EXTENSION.id, EXTENSION.origin)).toBe('extension-page');
    expect(classifySender(sender({ tab: helpdeskTab, url: 'chrome-extension://parley-id/options.html' }), EXTENSION.id, EXTENSION.origin)).toBe('extension-page');
    expect(classifySender(sender({ url: 'chrome-extension://parley-id/practice.html' }), EXTENSION.id, EXTENSION.origin)).toBe('extension-page');
    // The dashboard only reads the database: it has no business asking the background for model calls.
    expect(classifySender(sender({ url: 'chrome-extension://parley-id/dashboard.html' }), EXTENSION.id, EXTENSION.origin)).toBe('unknown');
    // A content script on a page Parley does not support, another extension, an unknown extension page:
    expect(classifySender(sender({ tab: helpdeskTab, url: 'https://evil.example/agent/x' }), EXTENSION.id, EXTENSION.origin)).toBe('unknown');
    expect(classifySender({ id: 'other', url: 'chrome-extension://other/sidepanel.html' }, EXTENSION.id, EXTENSION.origin)).toBe('unknown');
    expect(classifySender(sender({ url: 'chrome-extension://parley-id/somewhere.html' }), EXTENSION.id, EXTENSION.origin)).toBe('unknown');
    expect(classifySender(sender({ url: 'https://acme.zendesk.com/agent/tickets/1' }), EXTENSION.id, EXTENSION.origin)).toBe('unknown');
  });
});

describe('background router', () => {
  it('passes a valid content message with the sender tab and page URL the browser reported', async () => {
    const h = handlers();
    const route = createBackgroundRouter(h, EXTENSION);
    await route(snapshotMessage, sender({ tab: helpdeskTab, url: 'https://acme.zendesk.com/agent/tickets/4821' }));
    expect(h.content['content/conversation-update']).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'content/conversation-update' }),
      expect.objectContaining({ tabId: 7, windowId: 1, pageUrl: new URL('https://acme.zendesk.com/agent/tickets/4821') }),
    );
  });

  it('never lets a content script reach a privileged handler', async () => {
    const h = handlers();
    const route = createBackgroundRouter(h, EXTENSION);
    const fromPage = sender({ tab: helpdeskTab, url: 'https://acme.zendesk.com/agent/tickets/4821' });
    await expect(route({ type: 'ui/test-connection', provider: {} }, fromPage)).rejects.toThrow(/invalid content message/);
    await expect(route({ type: 'ui/insert-reply', tabId: 7, conversationKey: 'k', text: 'hi' }, fromPage)).rejects.toThrow();
    expect(h.ui['ui/test-connection']).not.toHaveBeenCalled();
    expect(h.ui['ui/insert-reply']).not.toHaveBeenCalled();
  });

  it('rejects malformed payloads and unknown senders before any handler runs', async () => {
    const h = handlers();
    const route = createBackgroundRouter(h, EXTENSION);
    const fromPage = sender({ tab: helpdeskTab, url: 'https://acme.zendesk.com/agent/tickets/4821' });
    await expect(route({ ...snapshotMessage, update: { ...snapshotMessage.update, messages: [{ id: 'a', role: 'boss', text: '', position: 0 }] } }, fromPage)).rejects.toThrow();
    await expect(route(snapshotMessage, sender({ tab: helpdeskTab, url: 'https://other.example/agent/1' }))).rejects.toThrow(/sender not allowed/);
    await expect(route({ type: 'ui/suggest-replies', conversationKey: 'k' }, sender({ url: 'chrome-extension://parley-id/sidepanel.html' }))).rejects.toThrow();
    expect(h.content['content/conversation-update']).not.toHaveBeenCalled();
    expect(h.ui['ui/suggest-replies']).not.toHaveBeenCalled();
  });

  it("accepts content scripts on a page an admin described, and only there", async () => {
    const h = handlers();
    const route = createBackgroundRouter(h, EXTENSION, async () => ['https://support.example.com/app/*']);
    await route(snapshotMessage, sender({ tab: helpdeskTab, url: 'https://support.example.com/app/conversations/9' }));
    expect(h.content['content/conversation-update']).toHaveBeenCalledTimes(1);
    await expect(route(snapshotMessage, sender({ tab: helpdeskTab, url: 'https://support.example.com/admin/' }))).rejects.toThrow(/sender not allowed/);
    // Still no privileged request from there.
    await expect(route({ type: 'ui/test-connection', provider: {} }, sender({ tab: helpdeskTab, url: 'https://support.example.com/app/x' }))).rejects.toThrow();
  });

  it('routes a valid page request to its handler', async () => {
    const h = handlers();
    const route = createBackgroundRouter(h, EXTENSION);
    await route({ type: 'ui/suggest-replies', conversationKey: 'k', regenerate: true }, sender({ url: 'chrome-extension://parley-id/sidepanel.html' }));
    expect(h.ui['ui/suggest-replies']).toHaveBeenCalledWith({ type: 'ui/suggest-replies', conversationKey: 'k', regenerate: true }, expect.anything());
  });
});
