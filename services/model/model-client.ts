import { i18n } from '@/services/i18n/i18n';
import OpenAI, { AzureOpenAI, BadRequestError } from 'openai';
import { CHROME_AI_IDENTITY, createChromeAiClient } from '@/services/model/chrome-ai/chrome-ai-client';
import { OPENAI_BASE_URL, type ProviderSettings } from '@/services/settings/settings-schema';
import { estimateTokens, type ChatAnswer, type ChatMessage, type ChatOptions, type ModelClient } from './model-types';
import { reasoningOffParams } from './reasoning';
import { createThinkingFilter } from './thinking-filter';

export type { ChatMessage, ModelClient } from './model-types';

/** The provider did not send anything new for longer than its timeout: retried by the request queue. */
export class ModelTimeoutError extends Error {
  constructor(readonly afterMs: number) {
    super(i18n.t('errors.timeout'));
    this.name = 'ModelTimeoutError';
  }
}

/** The answer stopped before the model said it was finished (a connection cut mid-stream). */
export class IncompleteAnswerError extends Error {
  constructor() {
    super(i18n.t('errors.incomplete_answer'));
    this.name = 'IncompleteAnswerError';
  }
}

/**
 * Optional request features some OpenAI-compatible servers refuse with a 400. Learnt per endpoint
 * and model while the worker lives (cheap to learn again): the request is repeated without them.
 */
type OptionalFeature = 'stream-usage' | 'json-schema' | 'reasoning-off';
const refusedFeatures = new Map<string, Set<OptionalFeature>>();

/**
 * What shapes an answer besides the prompt: provider kind, endpoint and model (part of every cache
 * key). Computed from the settings alone, without creating a client.
 */
export function modelIdentity(provider: ProviderSettings): string {
  switch (provider.kind) {
    case 'chrome-ai':
      return CHROME_AI_IDENTITY;
    case 'openai':
      return ['openai', OPENAI_BASE_URL, provider.model].join('|');
    case 'openai-compatible':
      return ['openai-compatible', provider.baseUrl.replace(/\/+$/, ''), provider.model].join('|');
    case 'azure':
      return ['azure', provider.azureEndpoint.replace(/\/+$/, ''), provider.azureDeployment].join('|');
  }
}

/** Creates the client for any provider kind. Runs in the background only: it holds the API key. */
export function createModelClient(provider: ProviderSettings): ModelClient {
  if (provider.kind === 'chrome-ai') return createChromeAiClient();
  return createOpenAiClient(provider);
}

function createOpenAiClient(provider: ProviderSettings): ModelClient {
  const sdk = createSdkClient(provider);
  const model = provider.kind === 'azure' ? provider.azureDeployment : provider.model;
  const identity = modelIdentity(provider);
  const idleTimeoutMs = provider.limits.timeoutSeconds * 1000;
  const refused = refusedFeatures.get(identity) ?? new Set<OptionalFeature>();
  refusedFeatures.set(identity, refused);

  function requestBody(messages: ChatMessage[], options: ChatOptions) {
    const body: Record<string, unknown> = { model, messages, stream: true, temperature: options.temperature ?? 0.2 };
    if (!refused.has('stream-usage')) body.stream_options = { include_usage: true };
    if (options.json) {
      body.response_format = refused.has('json-schema')
        ? { type: 'json_object' }
        : { type: 'json_schema', json_schema: { name: options.json.name, schema: options.json.schema, strict: true } };
    }
    if (!refused.has('reasoning-off')) Object.assign(body, reasoningOffParams(provider.kind, sdk.baseURL, model));
    // Reasoning models accept only their default temperature.
    if ('reasoning_effort' in body && provider.kind !== 'openai-compatible') delete body.temperature;
    return body;
  }

  /** Which optional feature a 400 complains about, if any (so the request can go again without it). */
  function refusedFeature(error: unknown, body: Record<string, unknown>): OptionalFeature | null {
    if (!(error instanceof BadRequestError)) return null;
    const said = `${error.message} ${JSON.stringify(error.error ?? '')}`.toLowerCase();
    if (body.stream_options && said.includes('stream_options')) return 'stream-usage';
    if ((body.response_format as { type?: string } | undefined)?.type === 'json_schema' && /response_format|json_schema/.test(said)) return 'json-schema';
    if (/reasoning|think|chat_template_kwargs/.test(said) && ('reasoning_effort' in body || 'reasoning' in body || 'chat_template_kwargs' in body)) {
      return 'reasoning-off';
    }
    return null;
  }

  async function streamOnce(messages: ChatMessage[], options: ChatOptions): Promise<ChatAnswer> {
    const body = requestBody(messages, options);
    const controller = new AbortController();
    const onOuterAbort = () => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onOuterAbort, { once: true });
    if (options.signal?.aborted) controller.abort(options.signal.reason);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let timedOut = false;
    const armTimer = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, idleTimeoutMs);
    };
    armTimer();
    const thinking = createThinkingFilter();
    let raw = '';
    let finished = false;
    let usage: ChatAnswer['usage'] | null = null;
    try {
      const stream = (await sdk.chat.completions.create(body as never, { signal: controller.signal })) as unknown as AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>;
      for await (const chunk of stream) {
        armTimer();
        const choice = chunk.choices[0];
        const delta = choice?.delta?.content;
        if (delta) {
          raw += delta;
          const visible = thinking.visible(raw);
          if (visible !== null) options.onText?.(visible);
        }
        if (choice?.finish_reason) finished = true;
        if (chunk.usage) {
          usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens, estimated: false };
        }
      }
    } catch (error) {
      if (timedOut) throw new ModelTimeoutError(idleTimeoutMs);
      throw error;
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onOuterAbort);
    }
    if (!finished) throw new IncompleteAnswerError();
    const text = (thinking.visible(raw) ?? '').trim();
    return {
      text,
      usage: usage ?? {
        promptTokens: estimateTokens(messages.map((m) => m.content).join('\n')),
        completionTokens: estimateTokens(raw),
        estimated: true,
      },
    };
  }

  return {
    identity,

    async streamChat(messages, options = {}) {
      // At most one retry per refused optional feature; anything else is the request queue's business.
      for (let attempt = 0; ; attempt++) {
        try {
          return await streamOnce(messages, options);
        } catch (error) {
          const feature = attempt < 3 ? refusedFeature(error, requestBody(messages, options)) : null;
          if (!feature || refused.has(feature)) throw error;
          refused.add(feature);
        }
      }
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
    // The stream's own idle timer (above) and the request queue handle time-outs and retries:
    // the SDK must not retry on its own, or one 429 turns into a storm.
    timeout: provider.limits.timeoutSeconds * 1000 * 4,
    maxRetries: 0,
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
    case 'chrome-ai':
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
