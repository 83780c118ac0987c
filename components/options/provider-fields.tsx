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
            <NumberField label={i18n.t('options.max_concurrent')} name={name('max-concurrent')} min={1} max={32} value={provider.limits.maxConcurrent} onValue={(maxConcurrent) => onChange({ limits: { ...provider.limits, maxConcurrent } })} />
            <NumberField label={i18n.t('options.requests_per_minute')} name={name('requests-per-minute')} min={0} value={provider.limits.requestsPerMinute} onValue={(requestsPerMinute) => onChange({ limits: { ...provider.limits, requestsPerMinute } })} />
            <NumberField label={i18n.t('options.timeout_seconds')} name={name('timeout-seconds')} min={1} max={600} value={provider.limits.timeoutSeconds} onValue={(timeoutSeconds) => onChange({ limits: { ...provider.limits, timeoutSeconds } })} />
          </div>
          <div class="field-row">
            <NumberField label={i18n.t('options.price_input')} name={name('price-input')} min={0} step="0.01" value={provider.pricing.inputPerMillion} onValue={(inputPerMillion) => onChange({ pricing: { ...provider.pricing, inputPerMillion } })} />
            <NumberField label={i18n.t('options.price_output')} name={name('price-output')} min={0} step="0.01" value={provider.pricing.outputPerMillion} onValue={(outputPerMillion) => onChange({ pricing: { ...provider.pricing, outputPerMillion } })} />
          </div>
        </details>
      ) : null}
    </>
  );
}

/** A labelled number input; an empty or non-numeric entry keeps the previous value. */
function NumberField(props: { label: string; name: string; value: number; min?: number; max?: number; step?: string; onValue(value: number): void }) {
  return (
    <label>
      {props.label}
      <input
        name={props.name}
        type="number"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onInput={(e) => {
          const raw = e.currentTarget.value;
          props.onValue(raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : props.value);
        }}
      />
    </label>
  );
}
