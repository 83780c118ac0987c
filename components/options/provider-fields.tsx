import { i18n } from '@/services/i18n/i18n';
import { OnDeviceStatus } from './on-device-status';
import type { SupportedLanguage } from '@/services/language/supported-languages';
import { PROVIDER_KINDS, type ProviderKind, type ProviderSettings } from '@/services/settings/settings-schema';

export const PROVIDER_LABEL: Record<ProviderKind, () => string> = {
  openai: () => i18n.t('options.provider_openai'),
  'openai-compatible': () => i18n.t('options.provider_compatible'),
  azure: () => i18n.t('options.provider_azure'),
  'chrome-ai': () => i18n.t('options.provider_chrome_ai'),
};

/** The name a lead sees for a provider: the one they gave it, else its kind and model. */
export function providerLabel(provider: ProviderSettings): string {
  if (provider.name) return provider.name;
  const model = provider.kind === 'azure' ? provider.azureDeployment : provider.kind === 'chrome-ai' ? '' : provider.model;
  return [PROVIDER_LABEL[provider.kind](), model].filter(Boolean).join(' · ');
}

interface ProviderFieldsProps {
  provider: ProviderSettings;
  onChange(change: Partial<ProviderSettings>): void;
  /** Prefix of the fields' `name`s: '' for the main provider, `extra-<id>-` for others. */
  namePrefix: string;
  /** Models the endpoint offered at the last connection test, as suggestions for the model field. */
  models?: string[];
  agentLanguage: SupportedLanguage;
}

/** Every field of one provider: where it is, its key and model, how hard Parley may use it and what it costs. */
export function ProviderFields({ provider, onChange, namePrefix, models = [], agentLanguage }: ProviderFieldsProps) {
  const name = (field: string) => `${namePrefix}${field}`;
  const number = (value: string, fallback: number) => (Number.isFinite(Number(value)) && value !== '' ? Number(value) : fallback);
  const modelListId = `${name('models')}-list`;
  return (
    <>
      <label>
        {i18n.t('options.provider_kind')}
        <select name={name('provider-kind')} value={provider.kind} onChange={(e) => onChange({ kind: e.currentTarget.value as ProviderKind })}>
          {PROVIDER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {PROVIDER_LABEL[kind]()}
            </option>
          ))}
        </select>
      </label>
      {provider.kind === 'chrome-ai' ? (
        <>
          <p class="hint">{i18n.t('options.chrome_ai_hint')}</p>
          <OnDeviceStatus agentLanguage={agentLanguage} />
        </>
      ) : null}
      {provider.kind === 'openai-compatible' ? (
        <label>
          {i18n.t('options.base_url')}
          <input name={name('base-url')} type="url" value={provider.baseUrl} onInput={(e) => onChange({ baseUrl: e.currentTarget.value })} />
          <span class="hint">{i18n.t('options.base_url_hint')}</span>
        </label>
      ) : null}
      {provider.kind === 'azure' ? (
        <>
          <label>
            {i18n.t('options.azure_endpoint')}
            <input name={name('azure-endpoint')} type="url" value={provider.azureEndpoint} onInput={(e) => onChange({ azureEndpoint: e.currentTarget.value })} />
          </label>
          <label>
            {i18n.t('options.azure_deployment')}
            <input name={name('azure-deployment')} type="text" value={provider.azureDeployment} onInput={(e) => onChange({ azureDeployment: e.currentTarget.value })} />
          </label>
          <label>
            {i18n.t('options.azure_api_version')}
            <input name={name('azure-api-version')} type="text" value={provider.azureApiVersion} onInput={(e) => onChange({ azureApiVersion: e.currentTarget.value })} />
          </label>
        </>
      ) : null}
      {provider.kind !== 'chrome-ai' ? (
        <label>
          {i18n.t('options.api_key')}
          <input name={name('api-key')} type="password" autocomplete="off" value={provider.apiKey} onInput={(e) => onChange({ apiKey: e.currentTarget.value })} />
          <span class="hint">{i18n.t('options.api_key_hint')}</span>
        </label>
      ) : null}
      {provider.kind === 'openai' || provider.kind === 'openai-compatible' ? (
        <label>
          {i18n.t('options.model')}
          <input name={name('model')} type="text" list={modelListId} value={provider.model} onInput={(e) => onChange({ model: e.currentTarget.value })} />
          <datalist id={modelListId}>
            {models.map((model) => (
              <option key={model} value={model} />
            ))}
          </datalist>
        </label>
      ) : null}
      {provider.kind !== 'chrome-ai' ? (
        <details class="provider-advanced">
          <summary>{i18n.t('options.limits_heading')}</summary>
          <div class="field-row">
            <label>
              {i18n.t('options.max_concurrent')}
              <input
                name={name('max-concurrent')}
                type="number"
                min={1}
                max={32}
                value={provider.limits.maxConcurrent}
                onInput={(e) => onChange({ limits: { ...provider.limits, maxConcurrent: number(e.currentTarget.value, provider.limits.maxConcurrent) } })}
              />
            </label>
            <label>
              {i18n.t('options.requests_per_minute')}
              <input
                name={name('requests-per-minute')}
                type="number"
                min={0}
                value={provider.limits.requestsPerMinute}
                onInput={(e) => onChange({ limits: { ...provider.limits, requestsPerMinute: number(e.currentTarget.value, provider.limits.requestsPerMinute) } })}
              />
            </label>
            <label>
              {i18n.t('options.timeout_seconds')}
              <input
                name={name('timeout-seconds')}
                type="number"
                min={1}
                max={600}
                value={provider.limits.timeoutSeconds}
                onInput={(e) => onChange({ limits: { ...provider.limits, timeoutSeconds: number(e.currentTarget.value, provider.limits.timeoutSeconds) } })}
              />
            </label>
          </div>
          <div class="field-row">
            <label>
              {i18n.t('options.price_input')}
              <input
                name={name('price-input')}
                type="number"
                min={0}
                step="0.01"
                value={provider.pricing.inputPerMillion}
                onInput={(e) => onChange({ pricing: { ...provider.pricing, inputPerMillion: number(e.currentTarget.value, provider.pricing.inputPerMillion) } })}
              />
            </label>
            <label>
              {i18n.t('options.price_output')}
              <input
                name={name('price-output')}
                type="number"
                min={0}
                step="0.01"
                value={provider.pricing.outputPerMillion}
                onInput={(e) => onChange({ pricing: { ...provider.pricing, outputPerMillion: number(e.currentTarget.value, provider.pricing.outputPerMillion) } })}
              />
            </label>
          </div>
        </details>
      ) : null}
    </>
  );
}
