import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { MountInline } from '@/components/inline/inline-translations';
import { runHelpdeskPage } from '@/components/page/run-helpdesk-page';
import { zendeskAdapter } from '@/services/helpdesk/zendesk/zendesk-adapter';
import type { ContentToBackground, InsertReplyResponse, SnapshotResponse } from '@/services/messaging/protocol';
import { activateTicket, loadZendeskFixture } from '../../services/helpdesk/zendesk/load-fixture';

/** The content script's orchestration on the saved Zendesk page, with the background replaced by a recorder. */
function start() {
  loadZendeskFixture();
  const ctx = new ContentScriptContext('zendesk');
  const sent: ContentToBackground[] = [];
  const send = vi.fn(async (message: ContentToBackground): Promise<SnapshotResponse> => {
    sent.push(message);
    return {
      settings: { agentLanguage: 'en', inlineTranslations: true },
      translations: [{ messageId: message.snapshot.messages[0]!.id, status: 'done', text: 'Hello (cached)', detection: null }],
    };
  });
  const mountedAfter: string[] = [];
  const mount: MountInline = async (anchor) => {
    mountedAfter.push(anchor.closest('article')?.id ?? '');
    const host = document.createElement('parley-inline-translation');
    anchor.after(host);
    return { host, remove: () => host.remove() };
  };
  runHelpdeskPage(ctx, zendeskAdapter, { send: send as never, mount });
  return { ctx, sent, mountedAfter };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function deliver(message: unknown): Promise<unknown> {
  const results = await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id }, () => {});
  return results.find((r) => r !== undefined);
}

describe('runHelpdeskPage', () => {
  let ctx: ContentScriptContext | undefined;
  afterEach(() => ctx?.abort());

  it("reports the active ticket's snapshot and mounts translations under its customer messages", async () => {
    const started = start();
    ctx = started.ctx;
    await settle();
    expect(started.sent).toHaveLength(1);
    const snapshot = started.sent[0]!.snapshot;
    expect(snapshot.conversationId).toBe('4821');
    expect(snapshot.messages.map((m) => m.role)).toEqual(['customer', 'agent', 'internal', 'bot', 'customer']);
    expect(started.mountedAfter).toEqual(snapshot.messages.filter((m) => m.role === 'customer').map((m) => m.id));
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
