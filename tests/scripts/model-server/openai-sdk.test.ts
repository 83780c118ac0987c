// @vitest-environment node
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  SUGGESTION_JSON_SCHEMA,
  SUGGESTION_SCHEMA_NAME,
  suggestionPrompt,
  translationPrompt,
} from '@/services/model/prompts';
import { startModelServer, type ModelServer } from '@/scripts/model-server/server';

/** Drives the server with the real `openai` package to prove protocol compatibility. */
let server: ModelServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startModelServer({ port: 0, chunkDelayMs: 1, apiKey: 'sk-local' });
  client = new OpenAI({ baseURL: server.url, apiKey: 'sk-local', maxRetries: 0 });
});
afterAll(() => server.close());
afterEach(() => server.reset());

const portuguese = 'Olá, não recebi o meu pedido e já passaram três semanas.';
const english = "Hello, I haven't received my order and three weeks have already passed.";

describe('openai SDK against the local model server', () => {
  it('lists models', async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toEqual(['parley-local-1', 'parley-local-mini']);
  });

  it('creates a completion', async () => {
    const completion = await client.chat.completions.create({
      model: 'parley-local-mini',
      messages: translationPrompt(portuguese, 'pt', 'en'),
    });
    expect(completion.choices[0]?.message.content).toBe(english);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('streams a completion, with usage', async () => {
    const stream = await client.chat.completions.create({
      model: 'parley-local-1',
      messages: translationPrompt(portuguese, 'pt', 'en'),
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let pieces = 0;
    let finish: string | null | undefined;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (choice?.delta.content) {
        text += choice.delta.content;
        pieces++;
      }
      if (choice?.finish_reason) finish = choice.finish_reason;
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe(english);
    expect(pieces).toBeGreaterThan(2);
    expect(finish).toBe('stop');
    expect(usage?.completion_tokens).toBeGreaterThan(0);
    expect(server.stats().requests).toMatchObject([{ task: 'translate', model: 'parley-local-1', stream: true }]);
  });

  it('answers structured-output suggestions the SDK can parse', async () => {
    const completion = await client.chat.completions.create({
      model: 'parley-local-1',
      messages: suggestionPrompt([{ role: 'customer', text: portuguese }], 'pt', 'en'),
      response_format: {
        type: 'json_schema',
        json_schema: { name: SUGGESTION_SCHEMA_NAME, strict: true, schema: SUGGESTION_JSON_SCHEMA as unknown as Record<string, unknown> },
      },
    });
    const parsed = JSON.parse(completion.choices[0]!.message.content!) as { suggestions: Array<{ reply: string; gloss: string }> };
    expect(parsed.suggestions).toHaveLength(3);
    expect(parsed.suggestions.every((s) => /o seu|a sua|consigo|nos /.test(s.reply))).toBe(true); // Portuguese replies
    expect(server.stats().byTask.suggest).toBe(1);
  });

  it('surfaces errors as the SDK error classes', async () => {
    await expect(
      client.chat.completions.create({ model: 'gpt-5', messages: [{ role: 'user', content: 'hi' }] }),
    ).rejects.toMatchObject({ status: 404, code: 'model_not_found' });
    await expect(
      client.chat.completions.create({ model: 'parley-error-429', messages: [{ role: 'user', content: 'hi' }], stream: true }),
    ).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    await expect(
      client.chat.completions.create({ model: 'parley-error-500', messages: [{ role: 'user', content: 'hi' }] }),
    ).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    const wrongKey = new OpenAI({ baseURL: server.url, apiKey: 'wrong', maxRetries: 0 });
    await expect(wrongKey.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('lets the SDK retry a fail-next failure after Retry-After', async () => {
    await fetch(server.url.replace(/\/v1$/, '/__admin/fail-next'), {
      method: 'POST',
      body: JSON.stringify({ status: 429, retryAfterSeconds: 0.05 }),
    });
    const retrying = new OpenAI({ baseURL: server.url, apiKey: 'sk-local', maxRetries: 1 });
    const completion = await retrying.chat.completions.create({
      model: 'parley-local-1',
      messages: [{ role: 'user', content: 'ping' }],
    });
    expect(completion.choices[0]?.message.content).toBe('Parley local model: ping');
    expect(server.stats().chatCompletions).toBe(2);
  });
});
