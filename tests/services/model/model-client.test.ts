// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeModelError } from '@/services/model/describe-model-error';
import { createModelClient } from '@/services/model/model-client';
import {
  BATCH_TRANSLATION_JSON_SCHEMA,
  BATCH_TRANSLATION_SCHEMA_NAME,
  SUGGESTION_JSON_SCHEMA,
  SUGGESTION_SCHEMA_NAME,
  batchTranslationPrompt,
  suggestionPrompt,
} from '@/services/model/prompts';
import { reasoningOffParams } from '@/services/model/reasoning';
import { createThinkingFilter } from '@/services/model/thinking-filter';
import { parseJsonAnswer } from '@/services/model/model-client';
import { DEFAULT_SETTINGS, type ProviderSettings } from '@/services/settings/settings-schema';
import { testConnection } from '@/services/background/test-connection';
import { startModelServer, type ModelServer } from '../../../scripts/model-server/server';

/** The real openai SDK against Parley's local OpenAI-compatible server, over HTTP on 127.0.0.1. */
describe('model client', () => {
  let server: ModelServer;
  let provider: ProviderSettings;

  beforeAll(async () => {
    server = await startModelServer({ apiKey: 'sk-unit', chunkDelayMs: 1 });
    provider = { ...DEFAULT_SETTINGS.provider, kind: 'openai-compatible', baseUrl: server.url, apiKey: 'sk-unit', model: 'parley-local-1' };
  });
  afterAll(() => server.close());

  it('streams a batch translation as JSON, reporting the growing text and the usage', async () => {
    const seen: string[] = [];
    const answer = await createModelClient(provider).streamChat(
      batchTranslationPrompt([{ id: '1', text: 'Vielen Dank! Kann ich die Lieferadresse noch ändern?' }], 'de', 'en'),
      { onText: (soFar) => seen.push(soFar), json: { name: BATCH_TRANSLATION_SCHEMA_NAME, schema: BATCH_TRANSLATION_JSON_SCHEMA } },
    );
    expect(JSON.parse(answer.text)).toEqual({ translations: [{ id: '1', text: 'Thank you very much! Can I still change the delivery address?' }] });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(answer.text);
    expect(answer.usage.estimated).toBe(false);
    expect(answer.usage.promptTokens).toBeGreaterThan(0);
  });

  it('gets structured suggestions as JSON', async () => {
    const answer = await createModelClient(provider).streamChat(suggestionPrompt([{ role: 'customer', text: 'Wo ist mein Paket?' }], 'de', 'en'), {
      json: { name: SUGGESTION_SCHEMA_NAME, schema: SUGGESTION_JSON_SCHEMA },
    });
    const parsed = parseJsonAnswer(answer.text) as { suggestions: Array<{ reply: string; gloss: string }> };
    expect(parsed.suggestions).toHaveLength(3);
    expect(parsed.suggestions[0]!.reply.length).toBeGreaterThan(0);
  });

  it('lists the models and passes the connection test', async () => {
    expect(await createModelClient(provider).listModels()).toContain('parley-local-1');
    expect(await testConnection(provider, createModelClient(provider))).toMatchObject({ ok: true, model: 'parley-local-1' });
  });

  it('explains a refused key, an unknown model and an unreachable server in plain words', async () => {
    const wrongKey = { ...provider, apiKey: 'sk-wrong' };
    const refused = await testConnection(wrongKey, createModelClient(wrongKey));
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('refused the API key (401)') });
    expect(refused.ok === false && refused.error).toContain('Incorrect API key provided.');

    const typo = { ...provider, model: 'parley-locl-1' };
    expect(await testConnection(typo, createModelClient(typo))).toEqual({
      ok: false,
      error: expect.stringContaining('does not offer the model "parley-locl-1"'),
    });

    const nowhere = { ...provider, baseUrl: 'http://127.0.0.1:9/v1' };
    const unreachable = await testConnection(nowhere, createModelClient(nowhere));
    expect(unreachable).toEqual({ ok: false, error: expect.stringContaining('Could not reach the provider') });
  });

  it('describes a rate limit and a server error', async () => {
    for (const [model, words] of [
      ['parley-error-429', 'rate-limiting'],
      ['parley-error-500', 'internal error (500)'],
    ] as const) {
      const error = await createModelClient({ ...provider, model })
        .streamChat([{ role: 'user', content: 'x' }])
        .then(() => null, (e: unknown) => e);
      expect(describeModelError(error)).toContain(words);
    }
  });
});

describe('reasoning off and thinking hidden', () => {
  it('asks reasoning models for the least reasoning, and leaves others alone', () => {
    expect(reasoningOffParams('openai', 'https://api.openai.com/v1', 'gpt-5-mini')).toEqual({ reasoning_effort: 'minimal' });
    expect(reasoningOffParams('openai', 'https://api.openai.com/v1', 'o4-mini')).toEqual({ reasoning_effort: 'low' });
    expect(reasoningOffParams('openai', 'https://api.openai.com/v1', 'gpt-4o-mini')).toEqual({});
    expect(reasoningOffParams('openai-compatible', 'http://localhost:11434/v1', 'qwen3:8b')).toEqual({ reasoning_effort: 'none' });
    expect(reasoningOffParams('openai-compatible', 'http://gpu-box:8000/v1', 'Qwen/Qwen3-8B')).toEqual({ chat_template_kwargs: { enable_thinking: false } });
    expect(reasoningOffParams('openai-compatible', 'https://openrouter.ai/api/v1', 'deepseek/deepseek-r1')).toEqual({ reasoning: { enabled: false, exclude: true } });
  });

  it('never shows <think> text, even while it streams', () => {
    const filter = createThinkingFilter();
    expect(filter.visible('<thi')).toBeNull();
    expect(filter.visible('<think>Let me see')).toBeNull();
    expect(filter.visible('<think>Let me see</think>\n\nHello')).toBe('Hello');
    expect(filter.visible('Hello <think> is a tag')).toBe('Hello <think> is a tag');
  });
});
