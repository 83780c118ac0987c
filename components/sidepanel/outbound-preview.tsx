import { i18n } from '@/services/i18n/i18n';
import { languageLabel } from '@/components/shared/language-label';

/**
 * Exactly what the customer will read, and what it says in the agent's language (a separate
 * translation back, so a translation that changed the meaning shows here).
 */
export function OutboundPreview({ text, backTranslation, language, id }: { text: string; backTranslation: string; language: string; id?: string }) {
  return (
    <div class="outbound" id={id}>
      <p class="outbound__label">{i18n.t('panel.customer_reads', [languageLabel(language)])}</p>
      <p class="outbound__text" dir="auto" lang={language} data-testid="customer-text">
        {text}
      </p>
      <p class="outbound__label">{i18n.t('panel.back_translation')}</p>
      <p class="outbound__back" dir="auto" data-testid="back-translation">
        {backTranslation}
      </p>
    </div>
  );
}
