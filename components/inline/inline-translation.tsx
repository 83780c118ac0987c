import type { Signal } from '@preact/signals';
import { i18n } from '#i18n';
import { languageLabel } from '@/components/shared/language-label';
import type { InlineTranslation as InlineTranslationState } from '@/services/messaging/protocol';

/**
 * The translation shown right under one customer message in the helpdesk page. All text (the
 * model's included) is rendered as text nodes, never as HTML.
 */
export function InlineTranslation({ state }: { state: Signal<InlineTranslationState | null> }) {
  const translation = state.value;
  if (!translation || translation.status === 'same-language') return null;
  const detection = translation.detection;
  const from = detection?.language
    ? i18n.t('inline.from_language', [languageLabel(detection.language)]) +
      (detection.confidence === 'low' ? ` (${i18n.t('common.confidence_low')})` : '')
    : null;

  return (
    <section class="parley-inline" aria-label={i18n.t('inline.label')} data-status={translation.status} data-flagged={translation.warnings ? 'true' : undefined}>
      {translation.warnings?.map((warning) => (
        <p class="parley-inline__warning" role="alert" key={warning}>
          {warning}
        </p>
      ))}
      {translation.status === 'failed' ? (
        <p class="parley-inline__error" role="status">
          {i18n.t('inline.failed', [translation.error ?? ''])}
        </p>
      ) : (
        <>
          {translation.text ? (
            <p class="parley-inline__text" dir="auto">
              {translation.text}
            </p>
          ) : null}
          <p class="parley-inline__meta" role="status">
            {translation.status === 'done' ? from : i18n.t('inline.translating')}
          </p>
        </>
      )}
    </section>
  );
}
