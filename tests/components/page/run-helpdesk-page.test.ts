import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MountInline } from '@/components/inline/inline-translations';
import { runHelpdeskPage } from '@/components/page/run-helpdesk-page';
import type { ContentToBackground, ConversationUpdateResponse, InsertReplyResponse } from '@/services/messaging/protocol';
import { FIXTURE_URL, activateTicket, layoutOf, loadZendeskFixture } from '../../services/helpdesk/zendesk/load-fixture';

/** The content script's orchestration on the saved Zendesk page, with the background replaced by a recorder. */
function start() {
  loadZendeskFixture();
  const ctx = new ContentScriptContext('helpdesk');
  const sent: ContentToBackground[] = [];
  const send = vi.fn(async (message: ContentToBackground): Promise<ConversationUpdateResponse | undefined> => {
    sent.push(message);
    if (message.type !== 'content/conversation-update') return undefined;
    return {
      settings: { agentLanguage: 'en', inlineTranslations: true, uiLocale: 'en' },
      inlineVisible: true,
      translations: message.update.messages.filter((m) => m.role === 'customer').map((m) => ({ messageId: m.id, status: 'done', text: `EN ${m.id}`, detection: null })),
    };
  });
  const mountedAfter: string[] = [];
  const mount: MountInline = async (anchor) => {
    mountedAfter.push(anchor.closest('article')?.id ?? '');
    const host = document.createElement('parley-inline-translation');
    anchor.after(host);
    return { host, remove: () => host.remove() };
  };
  const url = { current: FIXTURE_URL };
  runHelpdeskPage(ctx, { send: send as never, mount, currentUrl: () => url.current });
  return { ctx, sent, mountedAfter, url };
}

const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
const updates = (sent: ContentToBackground[]) =>
  sent.filter((m): m is Extract<ContentToBackground, { type: 'content/conversation-update' }> => m.type === 'content/conversation-update');

async function deliver(message: unknown): Promise<unknown> {
  const results = await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id }, () => {});
  return results.find((r) => r !== undefined);
}

describe('runHelpdeskPage', () => {
  let ctx: ContentScriptContext | undefined;
  afterEach(() => ctx?.abort());

  it("reports the active ticket's messages with positions, and mounts translations under its customer messages", async () => {
    const started = start();
    ctx = started.ctx;
    await settle();
    const [first] = updates(started.sent);
    expect(first?.update.conversationId).toBe('4821');
    expect(first?.update.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'note', 'bot', 'customer']);
    const positions = first!.update.messages.map((m) => m.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(started.mountedAfter).toEqual(['audit-1001', 'audit-1005']);
  });

  it('sends only the new message when one is appended, not the whole conversation again', async () => {
    const started = start();
    ctx = started.ctx;
    await settle();
    const article = layoutOf(document, '4821').querySelector('article#audit-1005')!.cloneNode(true) as Element;
    article.id = 'audit-1006';
    article.querySelector('.zd-comment')!.textContent = 'Hallo? Gibt es Neuigkeiten?';
    layoutOf(document, '4821').querySelector('[data-test-id="omni-log-container"]')!.append(article);
    await settle(250);
    const all = updates(started.sent);
    expect(all).toHaveLength(2);
    expect(all[1]!.update.messages.map((m) => [m.id, m.text])).toEqual([['audit-1006', 'Hallo? Gibt es Neuigkeiten?']]);
    expect(all[1]!.update.messages[0]!.position).toBeGreaterThan(Math.max(...all[0]!.update.messages.map((m) => m.position)));
  });

  it('follows a switch to another ticket inside the page', async () => {
    const started = start();
    ctx = started.ctx;
    await settle();
    activateTicket(document, '4790');
    started.url.current = new URL('https://acme.zendesk.com/agent/tickets/4790');
    await settle(250);
    const last = updates(started.sent).at(-1)!;
    expect(last.update.conversationId).toBe('4790');
    expect(last.update.messages.map((m) => m.id)).toEqual(['audit-0901', 'audit-0902', 'audit-0903']);
  });

  it('tells the background, after a grace period, that the markup is not recognised; the page is untouched', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const started = start();
      ctx = started.ctx;
      layoutOf(document, '4821').querySelector('[data-test-id="omni-log-container"]')!.remove();
      const before = document.body.innerHTML;
      await vi.advanceTimersByTimeAsync(300);
      expect(started.sent.some((m) => m.type === 'content/page-status')).toBe(false);
      await vi.advanceTimersByTimeAsync(3000);
      expect(started.sent.filter((m) => m.type === 'content/page-status')).toEqual([
        { type: 'content/page-status', helpdesk: 'zendesk', status: 'unrecognised', missing: ['message log of the active ticket'] },
      ]);
      expect(document.body.innerHTML).toBe(before);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses to insert a reply meant for a ticket the agent has left, without touching any composer', async () => {
    const started = start();
    ctx = started.ctx;
    await settle();
    activateTicket(document, '4790');
    const before = document.body.innerHTML;
    const result = (await deliver({ type: 'background/insert-reply', conversationId: '4821', text: 'Hallo Lena' })) as InsertReplyResponse;
    expect(result).toEqual({ landed: false, method: 'none', reason: 'The helpdesk now shows another conversation.' });
    expect(document.body.innerHTML).toBe(before);
  });

  it('ignores messages of unknown shape', async () => {
    const started = start();
    ctx = started.ctx;
    await settle();
    expect(await deliver({ type: 'background/insert-reply', conversationId: 4821 })).toBeUndefined();
    expect(await deliver('hello')).toBeUndefined();
  });
});
