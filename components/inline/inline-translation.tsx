import { useSignal, type Signal } from '@preact/signals';
import { currentLanguageTag, currentTextDirection, i18n } from '@/services/i18n/i18n';
import { languageLabel } from '@/components/shared/language-label';
import type { InlineTranslation as InlineTranslationState } from '@/services/messaging/protocol';

/**
 * The translation shown right under one customer message in the helpdesk page. All text (the
 * model's included) is rendered as text nodes, never as HTML. Its header folds the translation
 * away (one click or Enter), leaving the helpdesk's original alone.
 */
export function InlineTranslation({ state }: { state: Signal<InlineTranslationState | null> }) {
  const folded = useSignal(false);
  const translation = state.value;
  if (!translation || translation.status === 'same-language') return null;
  const detection = translation.detection;
  const from = detection?.language
    ? i18n.t('inline.from_language', [languageLabel(detection.language)]) +
      (detection.confidence === 'low' ? ` (${i18n.t('common.confidence_low')})` : '')
    : i18n.t('inline.label');

  return (
    <section
      class="parley-inline"
      aria-label={i18n.t('inline.label')}
      data-status={translation.status}
      data-flagged={translation.warnings ? 'true' : undefined}
      data-folded={folded.value ? 'true' : undefined}
      dir={currentTextDirection()}
      lang={currentLanguageTag()}
    >
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
          {translation.text && !folded.value ? (
            <p class="parley-inline__text" dir="auto">
              {translation.text}
            </p>
          ) : null}
          {translation.status === 'done' ? (
            <button
              type="button"
              class="parley-inline__meta parley-inline__toggle"
              aria-expanded={!folded.value}
              title={folded.value ? i18n.t('inline.show_translation') : i18n.t('inline.show_original_only')}
              onClick={() => (folded.value = !folded.value)}
            >
              {folded.value ? i18n.t('inline.show_translation') : from}
            </button>
          ) : (
            <p class="parley-inline__meta" role="status">
              {i18n.t('inline.translating')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
