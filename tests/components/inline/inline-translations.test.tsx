import { signal } from '@preact/signals';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { InlineTranslation } from '@/components/inline/inline-translation';
import { createInlineTranslations, type MountInline } from '@/components/inline/inline-translations';
import type { ActiveConversation } from '@/services/helpdesk/types';
import type { InlineTranslation as State } from '@/services/messaging/protocol';

function conversation(id: string, messages: Array<[string, 'customer' | 'agent']>): ActiveConversation {
  document.body.innerHTML = messages.map(([mid]) => `<div class="msg" id="${mid}">text ${mid}</div>`).join('');
  return {
    snapshot: { helpdesk: 'zendesk', conversationId: id, messages: messages.map(([mid, role]) => ({ id: mid, role, text: `text ${mid}` })) },
    anchors: new Map(messages.map(([mid]) => [mid, document.getElementById(mid)!])),
  };
}

/** Mounts like the real shadow-root mount (a host after the anchor), rendering the real component. */
const mountAfter: MountInline = async (anchor, state) => {
  const host = document.createElement('parley-inline-translation');
  const shadow = host.attachShadow({ mode: 'open' });
  anchor.after(host);
  render(<InlineTranslation state={state} />, shadow);
  return { host, remove: () => { render(null, shadow); host.remove(); } };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const hosts = () => [...document.querySelectorAll('parley-inline-translation')];

describe('inline translations', () => {
  it('mounts one UI after each customer message only, leaving page nodes untouched', async () => {
    const inline = createInlineTranslations(mountAfter);
    const active = conversation('1', [['c1', 'customer'], ['a1', 'agent'], ['c2', 'customer']]);
    const before = [...document.querySelectorAll('.msg')].map((el) => el.outerHTML);
    inline.sync(active, true);
    await settle();
    expect(hosts().map((h) => h.previousElementSibling?.id)).toEqual(['c1', 'c2']);
    expect([...document.querySelectorAll('.msg')].map((el) => el.outerHTML)).toEqual(before);
  });

  it('renders model text as text, never as HTML', async () => {
    const inline = createInlineTranslations(mountAfter);
    inline.sync(conversation('1', [['c1', 'customer']]), true);
    await settle();
    inline.update('1', { messageId: 'c1', status: 'done', text: '<img src=x onerror=alert(1)>Hi', detection: { language: 'de', confidence: 'high', reason: 'statistical' } });
    await settle();
    const shadow = hosts()[0]!.shadowRoot!;
    expect(shadow.querySelector('img')).toBeNull();
    expect(shadow.querySelector('.parley-inline__text')?.textContent).toBe('<img src=x onerror=alert(1)>Hi');
    expect(shadow.querySelector('.parley-inline__meta')?.textContent).toBe('Translated from German');
  });

  it('shows streaming, low confidence and failures in words', async () => {
    const state = signal<State | null>({ messageId: 'c1', status: 'streaming', text: 'Hel', detection: null });
    const container = document.createElement('div');
    render(<InlineTranslation state={state} />, container);
    expect(container.textContent).toContain('Translating…');
    state.value = { messageId: 'c1', status: 'done', text: 'Hi', detection: { language: 'pt', confidence: 'low', reason: 'short-text' } };
    await settle();
    expect(container.textContent).toContain('Translated from Portuguese (low confidence)');
    state.value = { messageId: 'c1', status: 'failed', text: '', error: 'The provider refused the API key (401).', detection: null };
    await settle();
    expect(container.querySelector('.parley-inline__error')?.textContent).toBe('Translation failed: The provider refused the API key (401).');
    state.value = { messageId: 'c1', status: 'same-language', text: '', detection: null };
    await settle();
    expect(container.innerHTML).toBe('');
  });

  it('re-mounts after a re-render, clears on conversation switch, and hides when turned off', async () => {
    const inline = createInlineTranslations(mountAfter);
    inline.sync(conversation('1', [['c1', 'customer']]), true);
    await settle();
    inline.update('1', { messageId: 'c1', status: 'done', text: 'Hello', detection: null });
    // The helpdesk re-renders the message: new node, our host gone with the old one.
    const rerendered = conversation('1', [['c1', 'customer']]);
    inline.sync(rerendered, true);
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]!.shadowRoot!.textContent).toContain('Hello');

    inline.sync(conversation('2', [['d1', 'customer']]), true);
    await settle();
    inline.update('1', { messageId: 'c1', status: 'done', text: 'stale', detection: null });
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]!.previousElementSibling?.id).toBe('d1');
    expect(hosts()[0]!.shadowRoot!.textContent).not.toContain('stale');

    inline.sync(conversation('2', [['d1', 'customer']]), false);
    await settle();
    expect(hosts()).toHaveLength(0);
  });
});
