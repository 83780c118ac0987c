import { signal, type Signal } from '@preact/signals';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { languageLabel } from '@/components/shared/language-label';
import { currentLanguageTag, currentTextDirection, i18n } from '@/services/i18n/i18n';
import type { InsertResult } from '@/services/composer/insert-into-composer';
import type { OutboundResult } from '@/services/messaging/protocol';

/**
 * "Translate my reply", next to the helpdesk's own composer, for agents who prefer to type there:
 * what they typed (in their language) is translated, shown with its back-translation, and only on
 * confirmation replaces their text in the composer. Also where notices for the agent appear (a
 * keyboard shortcut that found nothing to insert). Rendered as text only, in a shadow root.
 */

export type AssistState =
  | { status: 'idle'; notice?: string }
  | { status: 'working' }
  | { status: 'review'; result: Extract<OutboundResult, { ok: true }> }
  | { status: 'failed'; error: string }
  | { status: 'replaced'; outcome: InsertResult };

export interface ComposerAssistActions {
  translate(): void;
  replace(text: string): void;
  dismiss(): void;
}

export function ComposerAssist({ state, actions }: { state: Signal<AssistState>; actions: ComposerAssistActions }) {
  const current = state.value;
  return (
    <section class="parley-assist" aria-label={i18n.t('composer.label')} dir={currentTextDirection()} lang={currentLanguageTag()}>
      <div class="parley-assist__bar">
        <span class="parley-assist__brand">Parley</span>
        <button type="button" class="parley-assist__button" disabled={current.status === 'working'} onClick={actions.translate}>
          {current.status === 'working' ? i18n.t('composer.working') : i18n.t('composer.translate')}
        </button>
      </div>
      {current.status === 'idle' && current.notice ? (
        <p class="parley-assist__notice" role="status">
          {current.notice}
        </p>
      ) : null}
      {current.status === 'failed' ? (
        <p class="parley-assist__error" role="alert">
          {current.error}
        </p>
      ) : null}
      {current.status === 'review' ? (
        <div class="parley-assist__review" role="group" aria-label={i18n.t('composer.review_label')}>
          <p class="parley-assist__label">{i18n.t('panel.customer_reads', [languageLabel(current.result.variant ?? current.result.language)])}</p>
          <p class="parley-assist__text" dir="auto" lang={current.result.language} data-testid="assist-customer-text">
            {current.result.text}
          </p>
          <p class="parley-assist__label">{i18n.t('panel.back_translation')}</p>
          <p class="parley-assist__text" dir="auto" data-testid="assist-back-translation">
            {current.result.backTranslation}
          </p>
          <div class="parley-assist__actions">
            <button type="button" class="parley-assist__button" ref={(button) => button?.focus()} onClick={() => actions.replace(current.result.text)}>
              {i18n.t('composer.replace')}
            </button>
            <button type="button" class="parley-assist__button parley-assist__button--quiet" onClick={actions.dismiss}>
              {i18n.t('panel.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {current.status === 'replaced' ? (
        <p class={current.outcome.landed ? 'parley-assist__notice' : 'parley-assist__error'} role="status" data-landed={String(current.outcome.landed)}>
          {current.outcome.landed ? i18n.t('composer.replaced') : i18n.t('panel.insert_not_landed_no_clipboard', [current.outcome.reason ?? ''])}
        </p>
      ) : null}
    </section>
  );
}

export interface ComposerAssistDeps {
  /** The composer's current text (what the agent typed). */
  readDraft(): string | null;
  translate(text: string): Promise<OutboundResult>;
  replaceDraft(text: string): Promise<InsertResult>;
}

/** The assist's state and actions for one conversation's composer. */
export function createComposerAssist(deps: ComposerAssistDeps) {
  const state = signal<AssistState>({ status: 'idle' });
  const actions: ComposerAssistActions = {
    async translate() {
      const text = deps.readDraft()?.trim() ?? '';
      if (text === '') {
        state.value = { status: 'idle', notice: i18n.t('composer.empty') };
        return;
      }
      state.value = { status: 'working' };
      const result = await deps.translate(text).catch((error: unknown): OutboundResult => ({ ok: false, error: String(error) }));
      state.value = result.ok ? { status: 'review', result } : { status: 'failed', error: result.error };
    },
    async replace(text) {
      state.value = { status: 'working' };
      state.value = { status: 'replaced', outcome: await deps.replaceDraft(text) };
    },
    dismiss() {
      state.value = { status: 'idle' };
    },
  };
  return {
    state,
    actions,
    notify(text: string) {
      state.value = { status: 'idle', notice: text };
    },
  };
}

export type ComposerAssistModel = ReturnType<typeof createComposerAssist>;

/** Mounts the assist right after `anchor` (the composer's outer element), in a shadow root. */
export async function mountComposerAssist(ctx: ContentScriptContext, anchor: Element, model: ComposerAssistModel, css?: string) {
  const ui = await createShadowRootUi(ctx, {
    name: 'parley-composer-assist',
    position: 'inline',
    anchor,
    append: 'after',
    css,
    onMount(container) {
      render(<ComposerAssist state={model.state} actions={model.actions} />, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return { host: ui.shadowHost, remove: () => ui.remove() };
}
