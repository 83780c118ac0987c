import { useEffect } from 'preact/hooks';
import { i18n } from '@/services/i18n/i18n';
import { languageTagOf, UI_LOCALES, type UiLocale } from '@/services/i18n/ui-locales';
import { CustomHelpdesksSettings } from '@/components/options/custom-helpdesks/custom-helpdesks-settings';
import { languageLabel } from '@/components/shared/language-label';
import { SettingsWarnings } from '@/components/shared/settings-warnings';
import { SUPPORTED_LANGUAGES } from '@/services/language/supported-languages';
import type { ActionResult, OptionsState } from './options-state';
import { PrivacySettings } from './privacy-settings';
import { ProviderFields, providerLabel } from './provider-fields';
import { ProviderRoutes } from './provider-routes';
import { MarketsSettings } from './markets/markets-settings';
import { UsageOverview } from './usage-overview';

/** A locale in its own language ("Deutsch", "日本語", "العربية"): what a speaker looks for in the list. */
function ownName(locale: UiLocale): string {
  const tag = languageTagOf(locale);
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function OptionsApp({ state }: { state: OptionsState }) {
  useEffect(() => void state.load(), [state]);
  const settings = state.draft.value;
  const testResult = (id: string): ActionResult => state.testResults.value[id] ?? { status: 'idle' };

  return (
    <main class="options">
      <h1>{i18n.t('options.title')}</h1>
      <p>
        <a href="/dashboard.html" target="_blank" rel="noopener">
          {i18n.t('dashboard.open')}
        </a>
        {' · '}
        <a href="/practice.html" target="_blank" rel="noopener">
          {i18n.t('practice.open')}
        </a>
      </p>
      <SettingsWarnings warnings={state.warnings.value} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void state.save();
        }}
      >
        <fieldset>
          <legend>{i18n.t('options.provider_heading')}</legend>
          <ProviderFields
            provider={settings.provider}
            onChange={(change) => state.updateProvider('main', change)}
            namePrefix=""
            models={state.offeredModels.value.main}
            agentLanguage={settings.agentLanguage}
          />
          <TestButton state={state} providerId="main" result={testResult('main')} testId="test-result" />
        </fieldset>
        <fieldset>
          <legend>{i18n.t('options.extra_heading')}</legend>
          <p class="hint">{i18n.t('options.extra_hint')}</p>
          {settings.extraProviders.map((provider) => (
            <div class="extra-provider" key={provider.id} data-provider={provider.id}>
              <label>
                {i18n.t('options.provider_name')}
                <input name={`extra-${provider.id}-name`} type="text" value={provider.name} onInput={(e) => state.updateProvider(provider.id, { name: e.currentTarget.value })} />
              </label>
              <ProviderFields
                provider={provider}
                onChange={(change) => state.updateProvider(provider.id, change)}
                namePrefix={`extra-${provider.id}-`}
                models={state.offeredModels.value[provider.id]}
                agentLanguage={settings.agentLanguage}
              />
              <div class="actions">
                <TestButton state={state} providerId={provider.id} result={testResult(provider.id)} testId={`test-result-${provider.id}`} />
                <button type="button" class="button button--small" onClick={() => state.removeProvider(provider.id)}>
                  {i18n.t('options.remove_provider', [providerLabel(provider)])}
                </button>
              </div>
            </div>
          ))}
          <button type="button" class="button button--small" onClick={() => state.addProvider()}>
            {i18n.t('options.add_provider')}
          </button>
        </fieldset>
        <ProviderRoutes settings={settings} onChange={(routes) => state.update((s) => ({ ...s, routes }))} />
        <PrivacySettings privacy={settings.privacy} onChange={(privacy) => state.update((s) => ({ ...s, privacy }))} />
        <fieldset>
          <legend>{i18n.t('options.agent_heading')}</legend>
          <label>
            {i18n.t('options.agent_language')}
            <select
              name="agent-language"
              value={settings.agentLanguage}
              onChange={(e) => state.update((s) => ({ ...s, agentLanguage: e.currentTarget.value as typeof s.agentLanguage }))}
            >
              {SUPPORTED_LANGUAGES.map((language) => (
                <option key={language.code} value={language.code}>
                  {languageLabel(language.code)}
                </option>
              ))}
            </select>
          </label>
          <label class="checkbox">
            <input
              name="inline-translations"
              type="checkbox"
              checked={settings.inlineTranslations}
              onChange={(e) => state.update((s) => ({ ...s, inlineTranslations: e.currentTarget.checked }))}
            />
            {i18n.t('options.inline_enabled')}
          </label>
          <label>
            {i18n.t('options.ui_language')}
            <select
              name="ui-language"
              value={settings.uiLanguage}
              onChange={(e) => state.update((s) => ({ ...s, uiLanguage: e.currentTarget.value as typeof s.uiLanguage }))}
            >
              <option value="auto">{i18n.t('options.ui_language_auto')}</option>
              {UI_LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={languageTagOf(locale)}>
                  {ownName(locale)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <div class="actions">
          <button type="submit" class="button" disabled={!state.loaded.value || state.saveResult.value.status === 'busy'}>
            {i18n.t('options.save')}
          </button>
          <Result result={state.saveResult.value} testId="save-result" />
        </div>
      </form>
      <MarketsSettings />
      <UsageOverview settings={settings} />
      <CustomHelpdesksSettings />
    </main>
  );
}

function TestButton({ state, providerId, result, testId }: { state: OptionsState; providerId: string; result: ActionResult; testId: string }) {
  return (
    <div class="actions">
      <button type="button" class="button button--small" disabled={result.status === 'busy'} onClick={() => void state.testConnection(providerId)}>
        {result.status === 'busy' ? i18n.t('options.testing') : i18n.t('options.test_connection')}
      </button>
      <Result result={result} testId={testId} />
    </div>
  );
}

function Result({ result, testId }: { result: ActionResult; testId: string }) {
  if (result.status !== 'ok' && result.status !== 'failed') return null;
  return (
    <p class={`result result--${result.status}`} role={result.status === 'failed' ? 'alert' : 'status'} data-testid={testId}>
      {result.message}
    </p>
  );
}
