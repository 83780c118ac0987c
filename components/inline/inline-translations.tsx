import { signal, type Signal } from '@preact/signals';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ActiveConversation } from '@/services/helpdesk/types';
import type { InlineTranslation as InlineTranslationState } from '@/services/messaging/protocol';
import { InlineTranslation } from './inline-translation';

type TranslationSignal = Signal<InlineTranslationState | null>;

export interface MountedUi {
  /** The element Parley added to the page (the shadow host). */
  host: Element;
  remove(): void;
}

/** Puts one translation UI right after `anchor`, without touching the page's own nodes. */
export type MountInline = (anchor: Element, state: TranslationSignal) => Promise<MountedUi>;

/**
 * Keeps one inline translation under each customer message of the active conversation: mounts
 * new ones, re-mounts when the helpdesk re-rendered a message (new anchor element), and removes
 * them when the agent switches conversation or turns inline translations off.
 */
export function createInlineTranslations(mount: MountInline) {
  const states = new Map<string, TranslationSignal>();
  const mounted = new Map<string, { anchor: Element; ui: Promise<MountedUi | null>; host?: Element }>();
  let conversationId: string | null = null;

  function stateFor(messageId: string): TranslationSignal {
    let state = states.get(messageId);
    if (!state) {
      state = signal(null);
      states.set(messageId, state);
    }
    return state;
  }

  function unmount(messageId: string) {
    const entry = mounted.get(messageId);
    mounted.delete(messageId);
    void entry?.ui.then((ui) => ui?.remove());
  }

  function clear() {
    for (const id of [...mounted.keys()]) unmount(id);
    states.clear();
    conversationId = null;
  }

  function sync(active: ActiveConversation | null, enabled: boolean) {
    if (!active || !enabled) {
      clear();
      return;
    }
    if (active.snapshot.conversationId !== conversationId) {
      clear();
      conversationId = active.snapshot.conversationId;
    }
    const customerIds = new Set(active.snapshot.messages.filter((m) => m.role === 'customer').map((m) => m.id));
    for (const id of [...mounted.keys()]) if (!customerIds.has(id)) unmount(id);
    for (const id of customerIds) {
      const anchor = active.anchors.get(id);
      if (!anchor) continue;
      const existing = mounted.get(id);
      // The helpdesk may have re-rendered the message (new anchor) or dropped our host: mount again.
      const intact = existing && existing.anchor === anchor && anchor.isConnected && existing.host?.isConnected !== false;
      if (intact) continue;
      if (existing) unmount(id);
      const entry: { anchor: Element; ui: Promise<MountedUi | null>; host?: Element } = {
        anchor,
        ui: mount(anchor, stateFor(id)).then(
          (ui) => {
            entry.host = ui.host;
            return ui;
          },
          () => null,
        ),
      };
      mounted.set(id, entry);
    }
  }

  function update(forConversationId: string, translation: InlineTranslationState) {
    if (forConversationId !== conversationId) return;
    stateFor(translation.messageId).value = translation;
  }

  return { sync, update, clear };
}

/**
 * The real mount: a WXT shadow-root UI whose CSS stays inside the shadow root. `css` is for content
 * scripts registered at run time on hosts an admin adds: they pass the styles inline instead of
 * loading the entry's CSS file (which would have to be web-accessible to every such host).
 */
export function shadowRootMount(ctx: ContentScriptContext, css?: string): MountInline {
  return async (anchor, state) => {
    const ui = await createShadowRootUi(ctx, {
      name: 'parley-inline-translation',
      position: 'inline',
      anchor,
      append: 'after',
      css,
      onMount(container) {
        render(<InlineTranslation state={state} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
    return { host: ui.shadowHost, remove: () => ui.remove() };
  };
}
