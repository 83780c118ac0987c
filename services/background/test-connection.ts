import type { TestConnectionResponse } from '@/services/messaging/protocol';
import { describeModelError } from '@/services/model/describe-model-error';
import type { ModelClient } from '@/services/model/model-client';
import type { ProviderSettings } from '@/services/settings/settings-schema';

/**
 * Checks a provider the way Parley will use it: the model list where the endpoint offers one (to
 * catch a misspelt model name), then one tiny chat completion with the configured model.
 */
export async function testConnection(provider: ProviderSettings, client: ModelClient): Promise<TestConnectionResponse> {
  const model = provider.kind === 'azure' ? provider.azureDeployment : provider.model;
  if (!model) return { ok: false, error: 'No model name is set.' };
  let models: string[] = [];
  if (provider.kind !== 'azure') {
    try {
      models = await client.listModels();
    } catch {
      // Some gateways do not offer /models; the chat completion below is the real test.
    }
    if (models.length > 0 && !models.includes(model)) {
      const offered = models.slice(0, 10).join(', ');
      return { ok: false, error: `The endpoint does not offer the model "${model}". It offers: ${offered}.` };
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
