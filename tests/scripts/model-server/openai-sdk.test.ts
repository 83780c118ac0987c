// @vitest-environment node
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BATCH_TRANSLATION_JSON_SCHEMA,
  BATCH_TRANSLATION_SCHEMA_NAME,
  SUGGESTION_JSON_SCHEMA,
  SUGGESTION_SCHEMA_NAME,
  batchTranslationPrompt,
  suggestionPrompt,
} from '@/services/model/prompts';
import { singleTranslationPrompt } from './requests';
import { startModelServer, type FailNext, type ModelServer } from '@/scripts/model-server/server';

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
      messages: singleTranslationPrompt(portuguese, 'pt', 'en'),
    });
    expect(completion.choices[0]?.message.content).toBe(english);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('streams a completion, with usage', async () => {
    const stream = await client.chat.completions.create({
      model: 'parley-local-1',
      messages: singleTranslationPrompt(portuguese, 'pt', 'en'),
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

  const batchRequest = {
    model: 'parley-local-1',
    messages: batchTranslationPrompt(
      [
        { id: '1', text: portuguese },
        { id: '2', text: 'Pode escrever para [EMAIL_1]?' },
      ],
      'pt',
      'en',
    ),
    response_format: {
      type: 'json_schema' as const,
      json_schema: {
        name: BATCH_TRANSLATION_SCHEMA_NAME,
        strict: true,
        schema: BATCH_TRANSLATION_JSON_SCHEMA as unknown as Record<string, unknown>,
      },
    },
  };
  const expectedBatch = {
    translations: [
      { id: '1', text: english },
      { id: '2', text: '[pt→en] Pode escrever para [EMAIL_1]?' },
    ],
  };

  /** Arms a failure through the admin endpoint, as a test of Parley would. */
  async function failNext(body: FailNext) {
    const res = await fetch(server.url.replace(/\/v1$/, '/__admin/fail-next'), { method: 'POST', body: JSON.stringify(body) });
    expect(res.status).toBe(200);
  }

  it('streams a batch translation answer the SDK reassembles into the translations JSON', async () => {
    const stream = await client.chat.completions.create({
      ...batchRequest,
      stream: true,
      stream_options: { include_usage: true },
      // What Parley adds to switch reasoning off: accepted and ignored.
      ...({ reasoning_effort: 'none', chat_template_kwargs: { enable_thinking: false }, think: false } as object),
    });
    let text = '';
    let pieces = 0;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) {
        text += chunk.choices[0].delta.content;
        pieces++;
      }
      if (chunk.usage) usage = chunk.usage;
    }
    expect(JSON.parse(text)).toEqual(expectedBatch);
    expect(pieces).toBeGreaterThan(3);
    const [record] = server.stats().requests;
    expect(record).toMatchObject({ task: 'translate', items: 2, stream: true, fault: null });
    expect(usage).toMatchObject({ prompt_tokens: record!.promptTokens, completion_tokens: record!.completionTokens });
  });

  it('cut-stream: the SDK stream iteration throws after part of the answer, without finish_reason', async () => {
    await failNext({ mode: 'cut-stream', task: 'translate' });
    const stream = await client.chat.completions.create({ ...batchRequest, stream: true });
    let text = '';
    let finish: string | null | undefined;
    const iterate = async () => {
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? '';
        finish ??= chunk.choices[0]?.finish_reason;
      }
    };
    await expect(iterate()).rejects.toThrow();
    expect(text.length).toBeGreaterThan(0);
    expect(JSON.stringify(expectedBatch).startsWith(text)).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
    expect(finish ?? null).toBeNull();
    expect(server.stats().requests[0]).toMatchObject({ fault: 'cut-stream', items: 2 });
  });

  it('malformed: the SDK gets a 200 whose content does not parse as JSON', async () => {
    await failNext({ mode: 'malformed' });
    const completion = await client.chat.completions.create(batchRequest);
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(() => JSON.parse(completion.choices[0]!.message.content!)).toThrow();
  });

  it('hang: the request waits until an AbortSignal aborts it', async () => {
    await failNext({ mode: 'hang' });
    const controller = new AbortController();
    const started = Date.now();
    const pending = client.chat.completions.create({ ...batchRequest, stream: true }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 150);
    await expect(pending).rejects.toBeInstanceOf(OpenAI.APIUserAbortError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const record = await (async () => {
      for (let i = 0; i < 300; i++) {
        const found = server.stats().requests.find((r) => r.endedAt !== null);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return undefined;
    })();
    expect(record).toMatchObject({ fault: 'hang', status: null });
  });

  it('a 429 carries Retry-After in the SDK error headers', async () => {
    await failNext({ status: 429, retryAfterSeconds: 7, task: 'translate' });
    const error = await client.chat.completions.create(batchRequest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rateLimit = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rateLimit.headers.get('retry-after')).toBe('7');
    expect(rateLimit.code).toBe('rate_limit_exceeded');
    expect(server.stats().requests[0]).toMatchObject({ fault: 429, status: 429 });
  });
});
