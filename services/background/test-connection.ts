import { i18n } from '@/services/i18n/i18n';
import type { TestConnectionResponse } from '@/services/messaging/protocol';
import { describeModelError } from '@/services/model/describe-model-error';
import type { ModelClient } from '@/services/model/model-client';
import type { ProviderSettings } from '@/services/settings/settings-schema';

/**
 * Checks a provider the way Parley will use it: the model list where the endpoint offers one (to
 * catch a misspelt model name), then one tiny chat completion with the configured model.
 */
export async function testConnection(provider: ProviderSettings, client: ModelClient): Promise<TestConnectionResponse> {
  if (provider.kind === 'chrome-ai') return testOnDevice(client);
  const model = provider.kind === 'azure' ? provider.azureDeployment : provider.model;
  if (!model) return { ok: false, error: i18n.t('errors.no_model_name') };
  let models: string[] = [];
  if (provider.kind !== 'azure') {
    try {
      models = await client.listModels();
    } catch {
      // Some gateways do not offer /models; the chat completion below is the real test.
    }
    if (models.length > 0 && !models.includes(model)) {
      return { ok: false, error: i18n.t('errors.model_not_offered', [model, models.slice(0, 10).join(', ')]) };
    }
  }
  try {
    await client.streamChat([
      { role: 'system', content: 'Reply with the single word: ok' },
      { role: 'user', content: 'ping' },
    ]);
    return { ok: true, model, models };
  } catch (error) {
    return { ok: false, error: describeModelError(error) };
  }
}

/** Chrome's on-device AI: the translator is what Parley needs; the Prompt API (suggestions) is a bonus. */
async function testOnDevice(client: ModelClient): Promise<TestConnectionResponse> {
  try {
    const translated = await client.translateText?.('Danke', 'de', 'en');
    if (!translated) return { ok: false, error: i18n.t('errors.on_device_not_supported') };
    return { ok: true, model: 'chrome-on-device', models: await client.listModels().catch(() => []) };
  } catch (error) {
    return { ok: false, error: describeModelError(error) };
  }
}
