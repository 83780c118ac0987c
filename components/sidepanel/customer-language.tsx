import { i18n } from '@/services/i18n/i18n';
import { languageLabel } from '@/components/shared/language-label';
import type { ConversationLanguageState } from '@/services/language/conversation-state';
import { SUPPORTED_LANGUAGES } from '@/services/language/supported-languages';
import { LANGUAGE_VARIANTS } from '@/services/language/variants';

/** Every choice of the override: each supported language, and each regional variant after its language. */
const CHOICES: string[] = SUPPORTED_LANGUAGES.flatMap(({ code }) => [
  code,
  ...((LANGUAGE_VARIANTS as Record<string, readonly string[]>)[code] ?? []),
]);

/**
 * The customer's language for this conversation: what Parley concluded, how sure, and why, with a
 * one-click override that sticks for the conversation.
 */
export function CustomerLanguage({ state, onOverride }: { state: ConversationLanguageState | null; onOverride(tag: string | null): void }) {
  const tag = state?.tag ?? null;
  const label = tag ? languageLabel(tag) : i18n.t('common.language_unknown');
  const qualifier =
    state?.source === 'override'
      ? ` (${i18n.t('panel.language_set_by_agent')})`
      : state?.confidence === 'low'
        ? ` (${i18n.t('common.confidence_low')})`
        : '';
  return (
    <div class="customer-language">
      <p class="panel__language" data-language={tag ?? 'und'} data-confidence={state?.confidence ?? 'none'} data-source={state?.source ?? 'none'}>
        {i18n.t('panel.customer_language', [label + qualifier])}
      </p>
      {state?.reason ? <p class="customer-language__why">{i18n.t('panel.language_why', [state.reason])}</p> : null}
      <label class="customer-language__override">
        {i18n.t('panel.language_override')}
        <select
          name="language-override"
          value={state?.override ?? ''}
          onChange={(event) => onOverride(event.currentTarget.value === '' ? null : event.currentTarget.value)}
        >
          <option value="">{i18n.t('panel.language_automatic')}</option>
          {CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {languageLabel(choice)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
