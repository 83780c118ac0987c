import { i18n } from '#i18n';
import OpenAI, { AzureOpenAI } from 'openai';
import { OPENAI_BASE_URL, type ProviderSettings } from '@/services/settings/settings-schema';
import type { ChatMessage } from './prompts';

/**
 * One chat model behind Parley's translations and suggestions, whatever the provider. Runs in the
 * background only: it holds the API key.
 */
export interface ModelClient {
  /** What shapes an answer besides the prompt: provider, endpoint and model. Part of every cache key. */
  readonly identity: string;
  /** Streams a chat answer; `onText` gets the whole text so far after every chunk. Resolves to the full text. */
  streamChat(messages: ChatMessage[], options?: { signal?: AbortSignal; onText?: (textSoFar: string) => void }): Promise<string>;
  /** A JSON answer following `schema` (OpenAI structured outputs), parsed. */
  completeJson(messages: ChatMessage[], schema: { name: string; schema: object }, options?: { signal?: AbortSignal }): Promise<unknown>;
  /** Model ids the endpoint offers. */
  listModels(): Promise<string[]>;
}

const REQUEST_TIMEOUT_MS = 60_000;

export function createModelClient(provider: ProviderSettings): ModelClient {
  const sdk = createSdkClient(provider);
  const model = provider.kind === 'azure' ? provider.azureDeployment : provider.model;
  const identity = [provider.kind, sdk.baseURL, model].join('|');

  return {
    identity,

    async streamChat(messages, options = {}) {
      const stream = await sdk.chat.completions.create(
        { model, messages, stream: true, temperature: 0.2 },
        { signal: options.signal },
      );
      let text = '';
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta?.content;
        if (delta) {
          text += delta;
          options.onText?.(text);
        }
      }
      return text.trim();
    },

    async completeJson(messages, schema, options = {}) {
      const completion = await sdk.chat.completions.create(
        {
          model,
          messages,
          temperature: 0.7,
          response_format: { type: 'json_schema', json_schema: { name: schema.name, schema: schema.schema as Record<string, unknown>, strict: true } },
        },
        { signal: options.signal },
      );
      const content = completion.choices[0]?.message?.content ?? '';
      return parseJsonAnswer(content);
    },

    async listModels() {
      const ids: string[] = [];
      for await (const entry of sdk.models.list()) ids.push(entry.id);
      return ids;
    },
  };
}

function createSdkClient(provider: ProviderSettings): OpenAI {
  const common = {
    apiKey: provider.apiKey || 'not-needed',
    // Parley calls the provider from its background service worker, which the key never leaves.
    dangerouslyAllowBrowser: true,
    timeout: REQUEST_TIMEOUT_MS,
    maxRetries: 1,
  };
  switch (provider.kind) {
    case 'azure':
      return new AzureOpenAI({
        ...common,
        endpoint: provider.azureEndpoint,
        deployment: provider.azureDeployment,
        apiVersion: provider.azureApiVersion,
      });
    case 'openai':
      return new OpenAI({ ...common, baseURL: OPENAI_BASE_URL });
    case 'openai-compatible':
      return new OpenAI({ ...common, baseURL: provider.baseUrl.replace(/\/+$/, '') });
  }
}

/** Models sometimes wrap JSON in prose or code fences: take the outermost object. */
export function parseJsonAnswer(content: string): unknown {
  const start = content.indexOf('{');
  const end = content.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error(i18n.t('errors.not_json'));
  return JSON.parse(content.slice(start, end + 1));
}
