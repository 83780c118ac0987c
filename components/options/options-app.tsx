import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import { CustomHelpdesksSettings } from '@/components/options/custom-helpdesks/custom-helpdesks-settings';
import { languageLabel } from '@/components/shared/language-label';
import { SettingsWarnings } from '@/components/shared/settings-warnings';
import { SUPPORTED_LANGUAGES } from '@/services/language/supported-languages';
import { PROVIDER_KINDS, type ProviderKind, type ProviderSettings } from '@/services/settings/settings-schema';
import type { ActionResult, OptionsState } from './options-state';

const PROVIDER_LABEL: Record<ProviderKind, () => string> = {
  openai: () => i18n.t('options.provider_openai'),
  'openai-compatible': () => i18n.t('options.provider_compatible'),
  azure: () => i18n.t('options.provider_azure'),
};

export function OptionsApp({ state }: { state: OptionsState }) {
  useEffect(() => void state.load(), [state]);
  const settings = state.draft.value;
  const provider = settings.provider;
  const setProvider = (change: Partial<ProviderSettings>) =>
    state.update((s) => ({ ...s, provider: { ...s.provider, ...change } }));

  return (
    <main class="options">
      <h1>{i18n.t('options.title')}</h1>
      <SettingsWarnings warnings={state.warnings.value} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void state.save();
        }}
      >
        <fieldset>
          <legend>{i18n.t('options.provider_heading')}</legend>
          <label>
            {i18n.t('options.provider_kind')}
            <select name="provider-kind" value={provider.kind} onChange={(e) => setProvider({ kind: e.currentTarget.value as ProviderKind })}>
              {PROVIDER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {PROVIDER_LABEL[kind]()}
                </option>
              ))}
            </select>
          </label>
          {provider.kind === 'openai-compatible' ? (
            <label>
              {i18n.t('options.base_url')}
              <input name="base-url" type="url" value={provider.baseUrl} onInput={(e) => setProvider({ baseUrl: e.currentTarget.value })} />
              <span class="hint">{i18n.t('options.base_url_hint')}</span>
            </label>
          ) : null}
          {provider.kind === 'azure' ? (
            <>
              <label>
                {i18n.t('options.azure_endpoint')}
                <input name="azure-endpoint" type="url" value={provider.azureEndpoint} onInput={(e) => setProvider({ azureEndpoint: e.currentTarget.value })} />
              </label>
              <label>
                {i18n.t('options.azure_deployment')}
                <input name="azure-deployment" type="text" value={provider.azureDeployment} onInput={(e) => setProvider({ azureDeployment: e.currentTarget.value })} />
              </label>
              <label>
                {i18n.t('options.azure_api_version')}
                <input name="azure-api-version" type="text" value={provider.azureApiVersion} onInput={(e) => setProvider({ azureApiVersion: e.currentTarget.value })} />
              </label>
            </>
          ) : null}
          <label>
            {i18n.t('options.api_key')}
            <input name="api-key" type="password" autocomplete="off" value={provider.apiKey} onInput={(e) => setProvider({ apiKey: e.currentTarget.value })} />
            <span class="hint">{i18n.t('options.api_key_hint')}</span>
          </label>
          {provider.kind !== 'azure' ? (
            <label>
              {i18n.t('options.model')}
              <input name="model" type="text" value={provider.model} onInput={(e) => setProvider({ model: e.currentTarget.value })} />
            </label>
          ) : null}
          <div class="actions">
            <button type="button" class="button button--small" disabled={state.testResult.value.status === 'busy'} onClick={() => void state.testConnection()}>
              {state.testResult.value.status === 'busy' ? i18n.t('options.testing') : i18n.t('options.test_connection')}
            </button>
            <Result result={state.testResult.value} testId="test-result" />
          </div>
        </fieldset>
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
        </fieldset>
        <div class="actions">
          <button type="submit" class="button" disabled={!state.loaded.value || state.saveResult.value.status === 'busy'}>
            {i18n.t('options.save')}
          </button>
          <Result result={state.saveResult.value} testId="save-result" />
        </div>
      </form>
      <CustomHelpdesksSettings />
    </main>
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
