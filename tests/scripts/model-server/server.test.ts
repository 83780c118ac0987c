// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { translationPrompt } from '@/services/model/prompts';
import { startModelServer, type ModelServer, type ServerStats } from '@/scripts/model-server/server';

let server: ModelServer;
let origin: string;

beforeAll(async () => {
  server = await startModelServer({ port: 0, chunkDelayMs: 0 });
  origin = server.url.replace(/\/v1$/, '');
});
afterAll(() => server.close());
afterEach(() => server.reset());

const germanOrder = 'Hallo, ich habe meine Bestellung #40213 vor zwei Wochen aufgegeben und sie ist immer noch nicht angekommen.';
const englishOrder = "Hello, I placed my order #40213 two weeks ago and it still hasn't arrived.";

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const chat = (body: Record<string, unknown>) =>
  post('/v1/chat/completions', { model: 'parley-local-1', messages: translationPrompt(germanOrder, 'de', 'en'), ...body });

/** Parses an SSE body into its `data:` payloads. */
function sseData(text: string): string[] {
  expect(text.endsWith('\n\n')).toBe(true);
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((event) => {
      expect(event.startsWith('data: ')).toBe(true);
      return event.slice('data: '.length);
    });
}

async function expectOpenAIError(res: Response, status: number, code: string | null) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/json');
  const body = (await res.json()) as { error: Record<string, unknown> };
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.code).toBe(code);
  return body.error;
}

describe('startModelServer', () => {
  it('listens on loopback at a free port and gives a /v1 URL', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/v1`);
  });

  it('refuses to listen on a non-loopback address', async () => {
    await expect(startModelServer({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});

describe('GET /v1/models', () => {
  it('lists the two local models like OpenAI', async () => {
    const res = await fetch(`${server.url}/models`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { object: string; data: Array<Record<string, unknown>> };
    expect(body.object).toBe('list');
    expect(body.data.map((m) => m.id)).toEqual(['parley-local-1', 'parley-local-mini']);
    for (const model of body.data) {
      expect(model).toMatchObject({ object: 'model', owned_by: 'parley-local' });
      expect(typeof model.created).toBe('number');
    }
    expect(server.stats().modelsList).toBe(1);
  });

  it('retrieves one model and 404s an unknown one', async () => {
    expect(((await (await fetch(`${server.url}/models/parley-local-mini`)).json()) as { id: string }).id).toBe('parley-local-mini');
    await expectOpenAIError(await fetch(`${server.url}/models/gpt-9`), 404, 'model_not_found');
  });
});

describe('POST /v1/chat/completions', () => {
  it('answers a chat.completion with usage', async () => {
    const res = await chat({});
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, any>;
    expect(body.object).toBe('chat.completion');
    expect(body.id).toMatch(/^chatcmpl-/);
    expect(body.model).toBe('parley-local-1');
    expect(body.choices).toEqual([
      { index: 0, message: { role: 'assistant', content: englishOrder, refusal: null }, logprobs: null, finish_reason: 'stop' },
    ]);
    expect(body.usage.completion_tokens).toBeGreaterThan(0);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  it('streams chat.completion.chunk events ending with [DONE]', async () => {
    const res = await chat({ stream: true });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const data = sseData(await res.text());
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d) as Record<string, any>);
    for (const chunk of chunks) {
      expect(chunk.object).toBe('chat.completion.chunk');
      expect(chunk.id).toBe(chunks[0]!.id);
      expect('usage' in chunk).toBe(false);
    }
    expect(chunks[0]!.choices[0].delta.role).toBe('assistant');
    const contentChunks = chunks.slice(1, -1);
    expect(contentChunks.length).toBeGreaterThan(3);
    for (const c of contentChunks) expect(c.choices[0].finish_reason).toBeNull();
    expect(contentChunks.map((c) => c.choices[0].delta.content).join('')).toBe(englishOrder);
    expect(chunks.at(-1)!.choices[0]).toMatchObject({ delta: {}, finish_reason: 'stop' });
  });

  it('adds a usage chunk with empty choices when stream_options.include_usage', async () => {
    const data = sseData(await (await chat({ stream: true, stream_options: { include_usage: true } })).text());
    expect(data.at(-1)).toBe('[DONE]');
    const usageChunk = JSON.parse(data.at(-2)!) as Record<string, any>;
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage.completion_tokens).toBeGreaterThan(0);
    const stopChunk = JSON.parse(data.at(-3)!) as Record<string, any>;
    expect(stopChunk.choices[0].finish_reason).toBe('stop');
    expect(stopChunk.usage).toBeNull();
  });

  it('waits chunkDelayMs between chunks', async () => {
    const slow = await startModelServer({ chunkDelayMs: 40 });
    try {
      const started = Date.now();
      const res = await fetch(`${slow.url}/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ model: 'parley-local-1', stream: true, messages: translationPrompt(germanOrder, 'de', 'en') }),
      });
      const events = sseData(await res.text()).length; // role, content…, stop, [DONE]
      expect(Date.now() - started).toBeGreaterThanOrEqual((events - 2) * 40 - 5);
    } finally {
      await slow.close();
    }
  });

  it('404s an unknown model with model_not_found', async () => {
    const error = await expectOpenAIError(await chat({ model: 'gpt-4o' }), 404, 'model_not_found');
    expect(error.message).toContain('gpt-4o');
    expect(error.type).toBe('invalid_request_error');
  });

  it('400s a body that is not JSON', async () => {
    await expectOpenAIError(await post('/v1/chat/completions', '{"model": '), 400, null);
  });

  it('400s a request without messages', async () => {
    const error = await expectOpenAIError(await post('/v1/chat/completions', { model: 'parley-local-1' }), 400, 'missing_required_parameter');
    expect(error.param).toBe('messages');
  });

  it('404s unknown URLs OpenAI-style', async () => {
    const error = await expectOpenAIError(await post('/v1/completions', {}), 404, null);
    expect(error.message).toBe('Invalid URL (POST /v1/completions)');
  });
});

describe('CORS', () => {
  it('answers preflight with 204 and echoes the requested headers', async () => {
    const res = await fetch(`${server.url}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abc',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type,x-stainless-os',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    const allowed = res.headers.get('access-control-allow-headers')!.split(',').map((h) => h.trim());
    expect(allowed).toEqual(expect.arrayContaining(['*', 'authorization', 'content-type', 'x-stainless-os']));
  });

  it('puts Access-Control-Allow-Origin on success and error responses', async () => {
    expect((await fetch(`${server.url}/models`)).headers.get('access-control-allow-origin')).toBe('*');
    expect((await chat({ model: 'nope' })).headers.get('access-control-allow-origin')).toBe('*');
    expect((await chat({ stream: true })).headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('errors on demand', () => {
  it('parley-error-401/429/500 always fail with that status', async () => {
    await expectOpenAIError(await chat({ model: 'parley-error-401' }), 401, 'invalid_api_key');
    const limited = await chat({ model: 'parley-error-429', stream: true });
    expect(limited.headers.get('retry-after')).toBe('1');
    await expectOpenAIError(limited, 429, 'rate_limit_exceeded');
    const error = await expectOpenAIError(await chat({ model: 'parley-error-500' }), 500, null);
    expect(error.type).toBe('server_error');
    expect(server.stats().chatCompletions).toBe(3);
  });

  it('fail-next fails the next N chat completions, then recovers', async () => {
    const armed = await post('/__admin/fail-next', { status: 503, count: 2, message: 'Overloaded', retryAfterSeconds: 2 });
    expect(armed.status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await chat({});
      expect(res.headers.get('retry-after')).toBe('2');
      const error = await expectOpenAIError(res, 503, null);
      expect(error.message).toBe('Overloaded');
    }
    expect((await chat({})).status).toBe(200);
    expect(server.stats().chatCompletions).toBe(3);
  });

  it('fail-next defaults to one failure and a 429 gets Retry-After: 1', async () => {
    await post('/__admin/fail-next', { status: 429 });
    expect((await fetch(`${server.url}/models`)).status).toBe(200); // only chat completions fail
    const res = await chat({});
    expect(res.headers.get('retry-after')).toBe('1');
    await expectOpenAIError(res, 429, 'rate_limit_exceeded');
    expect((await chat({})).status).toBe(200);
  });

  it('fail-next rejects a status that is not an error', async () => {
    await expectOpenAIError(await post('/__admin/fail-next', { status: 200 }), 400, null);
    expect((await chat({})).status).toBe(200);
  });
});

describe('admin stats and reset', () => {
  it('counts chat completions by task, with a request log', async () => {
    await chat({});
    await chat({ stream: true, model: 'parley-local-mini' });
    await post('/v1/chat/completions', { model: 'parley-local-1', messages: [{ role: 'user', content: 'hi' }] });
    await fetch(`${server.url}/models`);
    const stats = (await (await fetch(`${origin}/__admin/stats`)).json()) as ServerStats;
    expect(stats).toMatchObject({ chatCompletions: 3, byTask: { translate: 2, suggest: 0, other: 1 }, modelsList: 1 });
    expect(stats.requests.map(({ task, model, stream }) => ({ task, model, stream }))).toEqual([
      { task: 'translate', model: 'parley-local-1', stream: false },
      { task: 'translate', model: 'parley-local-mini', stream: true },
      { task: 'other', model: 'parley-local-1', stream: false },
    ]);
    expect(Number.isNaN(Date.parse(stats.requests[0]!.at))).toBe(false);
    expect(server.stats()).toEqual(stats);
  });

  it('POST /__admin/reset zeroes counters and drops pending failures', async () => {
    await chat({});
    await post('/__admin/fail-next', { status: 500, count: 3 });
    expect((await post('/__admin/reset', {})).status).toBe(200);
    expect(server.stats()).toEqual({ chatCompletions: 0, byTask: { translate: 0, suggest: 0, other: 0 }, modelsList: 0, requests: [] });
    expect((await chat({})).status).toBe(200);
  });

  it('keeps only the last 500 requests in the log', async () => {
    const messages = [{ role: 'user', content: 'x' }];
    for (let i = 0; i < 505; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, 505 - i) }, () => post('/v1/chat/completions', { model: 'parley-local-1', messages })),
      );
    }
    const stats = server.stats();
    expect(stats.chatCompletions).toBe(505);
    expect(stats.requests).toHaveLength(500);
  });
});

describe('API key', () => {
  let locked: ModelServer;
  beforeAll(async () => {
    locked = await startModelServer({ apiKey: 'sk-test', chunkDelayMs: 0 });
  });
  afterAll(() => locked.close());

  it('401s a missing or wrong bearer token with invalid_api_key', async () => {
    for (const headers of [{}, { Authorization: 'Bearer nope' }] as Array<Record<string, string>>) {
      const res = await fetch(`${locked.url}/models`, { headers });
      const error = await expectOpenAIError(res, 401, 'invalid_api_key');
      expect(error).toMatchObject({ message: 'Incorrect API key provided.', type: 'invalid_request_error' });
    }
  });

  it('accepts the right key, and admin endpoints need none', async () => {
    expect((await fetch(`${locked.url}/models`, { headers: { Authorization: 'Bearer sk-test' } })).status).toBe(200);
    expect((await fetch(locked.url.replace(/\/v1$/, '/__admin/stats'))).status).toBe(200);
  });
});
