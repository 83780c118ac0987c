// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_TRANSLATION_JSON_SCHEMA, BATCH_TRANSLATION_SCHEMA_NAME, batchTranslationPrompt, suggestionPrompt } from '@/services/model/prompts';
import { singleTranslationPrompt } from './requests';
import { startModelServer, type ModelServer, type RequestRecord, type ServerStats } from '@/scripts/model-server/server';

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
  post('/v1/chat/completions', { model: 'parley-local-1', messages: singleTranslationPrompt(germanOrder, 'de', 'en'), ...body });

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
        body: JSON.stringify({ model: 'parley-local-1', stream: true, messages: singleTranslationPrompt(germanOrder, 'de', 'en') }),
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
    expect(server.stats()).toEqual({
      chatCompletions: 0,
      byTask: { translate: 0, outbound: 0, rewrite: 0, suggest: 0, practice: 0, review: 0, other: 0 },
      modelsList: 0,
      promptTokens: 0,
      completionTokens: 0,
      requests: [],
    });
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
    // Totals cover every request, not only the 500 kept.
    expect(stats.promptTokens).toBe(505 * stats.requests[0]!.promptTokens);
    expect(stats.completionTokens).toBe(505 * stats.requests[0]!.completionTokens);
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

// ---------------------------------------------------------------------------------------------
// Batched translation, timing, faults and accounting.

const batchTexts = [germanOrder, 'Bitte schreiben Sie an [EMAIL_1] oder rufen Sie [PHONE_2] an.', 'Danke'];
const batchMessages = batchTranslationPrompt(
  batchTexts.map((text, i) => ({ id: String(i + 1), text })),
  'de',
  'en',
);
const batchFormat = {
  type: 'json_schema',
  json_schema: { name: BATCH_TRANSLATION_SCHEMA_NAME, strict: true, schema: BATCH_TRANSLATION_JSON_SCHEMA },
};
const expectedTranslations = [
  { id: '1', text: englishOrder },
  { id: '2', text: '[de→en] Bitte schreiben Sie an [EMAIL_1] oder rufen Sie [PHONE_2] an.' },
  { id: '3', text: '[de→en] Danke' },
];
const batchChat = (body: Record<string, unknown> = {}) => chat({ messages: batchMessages, response_format: batchFormat, ...body });
const suggestChat = (body: Record<string, unknown> = {}) =>
  chat({ messages: suggestionPrompt([{ role: 'customer', text: germanOrder }], 'de', 'en'), ...body });
const otherChat = (body: Record<string, unknown> = {}) => chat({ messages: [{ role: 'user', content: 'ping' }], ...body });

const failNext = (body: unknown) => post('/__admin/fail-next', body);

/** Chunks of a complete SSE answer, without [DONE]. */
async function sseChunks(res: Response): Promise<Array<Record<string, any>>> {
  const data = sseData(await res.text());
  expect(data.at(-1)).toBe('[DONE]');
  return data.slice(0, -1).map((d) => JSON.parse(d) as Record<string, any>);
}

const contentOf = (chunks: Array<Record<string, any>>) =>
  chunks.map((c) => (c.choices[0]?.delta.content as string | undefined) ?? '').join('');

/** Reads a body until it ends or breaks; returns what arrived and the error, if any. */
async function readUntilEnd(res: Response): Promise<{ text: string; error: unknown }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text, error: null };
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { text, error };
  }
}

async function waitFor<T>(read: () => T | undefined | null | false, timeoutMs = 3000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const lastRecord = (): RequestRecord => server.stats().requests.at(-1)!;

describe('batched translation requests', () => {
  it('answers {"translations":[…]} with one item per input, same ids and order', async () => {
    const res = await batchChat();
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, any>;
    expect(JSON.parse(body.choices[0].message.content)).toEqual({ translations: expectedTranslations });
    expect(lastRecord()).toMatchObject({ task: 'translate', items: 3, fault: null, status: 200 });
  });

  it('streams the batch JSON, with a usage chunk matching the record', async () => {
    const chunks = await sseChunks(await batchChat({ stream: true, stream_options: { include_usage: true } }));
    expect(chunks.length).toBeGreaterThan(5);
    expect(JSON.parse(contentOf(chunks))).toEqual({ translations: expectedTranslations });
    expect(chunks.at(-2)!.choices[0].finish_reason).toBe('stop');
    const usage = chunks.at(-1)!.usage as Record<string, number>;
    const record = lastRecord();
    expect(record).toMatchObject({ items: 3, stream: true });
    expect(usage).toEqual({
      prompt_tokens: record.promptTokens,
      completion_tokens: record.completionTokens,
      total_tokens: record.promptTokens + record.completionTokens,
    });
  });

  it('keeps string ids that are not numbers, and ignores extra keys', async () => {
    const messages = [
      batchMessages[0]!,
      { role: 'user', content: JSON.stringify({ conversation: 'c-1', messages: [{ id: 'm-42', text: 'Danke', extra: true }] }) },
    ];
    const body = (await (await chat({ messages })).json()) as Record<string, any>;
    expect(JSON.parse(body.choices[0].message.content)).toEqual({ translations: [{ id: 'm-42', text: '[de→en] Danke' }] });
  });

  it('400s a batch whose user message is not {"messages":[{id,text}]}, recording it without items', async () => {
    for (const content of ['Danke', '{"messages":[{"id":1,"text":"x"}]}', '{"messages":"x"}']) {
      const res = await chat({ messages: [batchMessages[0]!, { role: 'user', content }] });
      const error = await expectOpenAIError(res, 400, 'invalid_value');
      expect(error).toMatchObject({ type: 'invalid_request_error', param: 'messages' });
      expect(error.message).toMatch(/batch/);
      expect(lastRecord()).toMatchObject({ task: 'translate', items: 0, status: 400, fault: null, completionTokens: 0 });
    }
  });

  it('accepts and ignores the parameters that switch reasoning off', async () => {
    const plain = (await (await batchChat()).json()) as Record<string, any>;
    const res = await batchChat({
      reasoning_effort: 'none',
      reasoning: { enabled: false, exclude: true },
      chat_template_kwargs: { enable_thinking: false },
      think: false,
      temperature: 0,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, any>;
    expect(body.choices[0].message.content).toBe(plain.choices[0].message.content);
  });

  it('still answers the single-message translation with items: 1', async () => {
    const body = (await (await chat({})).json()) as Record<string, any>;
    expect(body.choices[0].message.content).toBe(englishOrder);
    expect(lastRecord()).toMatchObject({ task: 'translate', items: 1 });
  });
});

describe('timing', () => {
  async function timed(target: ModelServer, body: Record<string, unknown>) {
    const started = Date.now();
    const res = await fetch(`${target.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'parley-local-1', messages: singleTranslationPrompt(germanOrder, 'de', 'en'), ...body }),
    });
    const headersAfter = Date.now() - started;
    const text = await res.text();
    return { text, headersAfter, total: Date.now() - started };
  }

  it('waits firstTokenDelayMs before a non-streaming answer', async () => {
    const slow = await startModelServer({ chunkDelayMs: 0, firstTokenDelayMs: 150 });
    try {
      const { total, text } = await timed(slow, {});
      expect(total).toBeGreaterThanOrEqual(140);
      expect(text).toContain(englishOrder.slice(0, 20));
    } finally {
      await slow.close();
    }
  });

  it('streams headers and the role chunk at once, content only after firstTokenDelayMs', async () => {
    const slow = await startModelServer({ chunkDelayMs: 0, firstTokenDelayMs: 400 });
    try {
      const started = Date.now();
      const res = await fetch(`${slow.url}/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ model: 'parley-local-1', stream: true, messages: singleTranslationPrompt(germanOrder, 'de', 'en') }),
      });
      expect(Date.now() - started).toBeLessThan(400);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      while (!text.includes('"content":"H')) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      expect(Date.now() - started).toBeGreaterThanOrEqual(390);
      expect(text).toContain('"role":"assistant"');
      await reader.cancel();
    } finally {
      await slow.close();
    }
  });

  it('waits msPerToken × completion tokens for a non-streaming answer', async () => {
    const slow = await startModelServer({ msPerToken: 10 });
    try {
      const { text, total } = await timed(slow, {});
      const completionTokens = (JSON.parse(text) as { usage: { completion_tokens: number } }).usage.completion_tokens;
      expect(completionTokens).toBeGreaterThan(10);
      expect(total).toBeGreaterThanOrEqual(completionTokens * 10 - 10);
    } finally {
      await slow.close();
    }
  });

  it('msPerToken replaces chunkDelayMs when streaming', async () => {
    const slow = await startModelServer({ chunkDelayMs: 5000, msPerToken: 8 });
    try {
      const { text, total } = await timed(slow, { stream: true });
      const pieces = sseData(text)
        .slice(0, -1)
        .map((d) => (JSON.parse(d) as Record<string, any>).choices[0].delta.content as string | undefined)
        .filter((piece): piece is string => Boolean(piece));
      const tokens = pieces.reduce((sum, piece) => sum + Math.ceil(piece.length / 4), 0);
      expect(total).toBeGreaterThanOrEqual(tokens * 8 - 10);
      expect(total).toBeLessThan(5000); // chunkDelayMs alone would take 5 s × every chunk
    } finally {
      await slow.close();
    }
  });

  it('POST /__admin/config changes the timing at run time; reset restores the start options', async () => {
    expect(await (await fetch(`${origin}/__admin/config`)).json()).toEqual({ chunkDelayMs: 0, firstTokenDelayMs: 0, msPerToken: null });
    const res = await post('/__admin/config', { firstTokenDelayMs: 120, msPerToken: 2 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, config: { chunkDelayMs: 0, firstTokenDelayMs: 120, msPerToken: 2 } });
    const started = Date.now();
    await (await chat({})).json();
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);

    expect(await (await post('/__admin/config', { msPerToken: null })).json()).toMatchObject({ config: { msPerToken: null, firstTokenDelayMs: 120 } });
    server.reset();
    expect(await (await fetch(`${origin}/__admin/config`)).json()).toEqual({ chunkDelayMs: 0, firstTokenDelayMs: 0, msPerToken: null });
  });

  it('POST /__admin/config rejects invalid values and unknown fields, changing nothing', async () => {
    for (const body of [{ msPerToken: -1 }, { firstTokenDelayMs: '100' }, { msPerTokens: 5 }, [], { chunkDelayMs: null }]) {
      await expectOpenAIError(await post('/__admin/config', body), 400, null);
    }
    expect(server.configure({})).toEqual({ chunkDelayMs: 0, firstTokenDelayMs: 0, msPerToken: null });
    expect(() => server.configure({ msPerToken: Number.NaN })).toThrow(/msPerToken/);
  });
});

describe('faults on demand (fail-next modes)', () => {
  it('cut-stream: streams about half of the chunks, then drops the connection without finish_reason or [DONE]', async () => {
    const full = contentOf(await sseChunks(await batchChat({ stream: true })));
    expect((await (await failNext({ mode: 'cut-stream' })).json()).pendingFailures).toBe(1);
    const res = await batchChat({ stream: true, stream_options: { include_usage: true } });
    expect(res.status).toBe(200);
    const { text, error } = await readUntilEnd(res);
    expect(error).toBeTruthy();
    expect(text).not.toContain('[DONE]');
    expect(text).not.toContain('"finish_reason":"stop"');
    const received = text
      .split('\n\n')
      .filter((event) => event.startsWith('data: {'))
      .map((event) => JSON.parse(event.slice(6)) as Record<string, any>);
    const partial = contentOf(received);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(full.length);
    expect(full.startsWith(partial)).toBe(true);
    const record = await waitFor(() => server.stats().requests.find((r) => r.fault === 'cut-stream' && r.endedAt));
    expect(record).toMatchObject({ status: 200, items: 3 });
    expect(record.completionTokens).toBe(Math.ceil(partial.length / 4));
    expect(record.completionTokens).toBeLessThan(Math.ceil(full.length / 4));
    expect((await batchChat()).status).toBe(200); // only the next request
  });

  it('cut-stream: drops a non-streaming request before answering', async () => {
    await failNext({ mode: 'cut-stream' });
    await expect(chat({})).rejects.toThrow();
    expect(lastRecord()).toMatchObject({ fault: 'cut-stream', status: null, completionTokens: 0 });
    expect(lastRecord().endedAt).not.toBeNull();
    expect((await chat({})).status).toBe(200);
  });

  it('malformed: answers 200 with JSON cut in the middle plus prose, streamed or not', async () => {
    await failNext({ mode: 'malformed', count: 3 });
    const streamed = await sseChunks(await batchChat({ stream: true }));
    expect(streamed.at(-1)!.choices[0].finish_reason).toBe('stop');
    const streamedText = contentOf(streamed);
    expect(() => JSON.parse(streamedText)).toThrow();
    expect(streamedText).toContain('{"translations":[');

    const whole = (await (await batchChat()).json()) as Record<string, any>;
    expect(whole.choices[0].finish_reason).toBe('stop');
    expect(whole.choices[0].message.content).toBe(streamedText);

    const suggestion = (await (await suggestChat()).json()) as Record<string, any>;
    expect(() => JSON.parse(suggestion.choices[0].message.content)).toThrow();
    expect(suggestion.choices[0].message.content).toContain('{"suggestions":[');
    expect(server.stats().requests.map((r) => r.fault)).toEqual(['malformed', 'malformed', 'malformed']);
  });

  it('malformed: a plain-text request gets an empty content', async () => {
    await failNext({ mode: 'malformed' });
    const body = (await (await chat({})).json()) as Record<string, any>;
    expect(body.choices[0].message.content).toBe('');
  });

  it('empty: answers 200 with empty content, streamed or not', async () => {
    await failNext({ mode: 'empty', count: 2 });
    const chunks = await sseChunks(await batchChat({ stream: true }));
    expect(contentOf(chunks)).toBe('');
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe('stop');
    const body = (await (await batchChat()).json()) as Record<string, any>;
    expect(body.choices[0].message.content).toBe('');
    expect(body.usage.completion_tokens).toBe(0);
    expect(server.stats().requests.map((r) => [r.fault, r.completionTokens])).toEqual([
      ['empty', 0],
      ['empty', 0],
    ]);
  });

  it('hang: sends nothing until the client aborts', async () => {
    await failNext({ mode: 'hang' });
    const started = Date.now();
    const aborted = fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'parley-local-1', stream: true, messages: batchMessages }),
      signal: AbortSignal.timeout(200),
    });
    await expect(aborted).rejects.toThrow(/abort|timeout/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    const record = await waitFor(() => server.stats().requests.find((r) => r.endedAt !== null));
    expect(record).toMatchObject({ fault: 'hang', status: null, completionTokens: 0 });
    expect(record.endedAt! - record.startedAt).toBeGreaterThanOrEqual(150);
    expect((await chat({})).status).toBe(200);
  });

  it('close() finishes promptly while requests hang or wait out a long first-token delay', async () => {
    const target = await startModelServer({ chunkDelayMs: 0, firstTokenDelayMs: 60_000 });
    target.failNext({ mode: 'hang', task: 'other' });
    const send = (messages: unknown, stream: boolean) =>
      fetch(`${target.url}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'parley-local-1', stream, messages }) }).then(
        (res) => res.text(),
      );
    const answers = Promise.allSettled([send([{ role: 'user', content: 'hi' }], false), send(batchMessages, true)]);
    await waitFor(() => target.stats().chatCompletions === 2);
    const started = Date.now();
    await target.close();
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await answers).map((answer) => answer.status)).toEqual(['rejected', 'rejected']);
    expect(target.stats().requests.map((r) => r.fault)).toEqual(['hang', null]);
    expect(target.stats().requests.every((r) => r.endedAt !== null)).toBe(true);
  });

  it('task: applies a failure only to the next request(s) of that task', async () => {
    await failNext({ mode: 'empty', task: 'suggest' });
    await failNext({ status: 503, task: 'translate', message: 'Busy translating' });
    expect((await otherChat()).status).toBe(200);
    const suggestion = (await (await suggestChat()).json()) as Record<string, any>;
    expect(suggestion.choices[0].message.content).toBe('');
    const error = await expectOpenAIError(await batchChat(), 503, null);
    expect(error.message).toBe('Busy translating');
    // Both used up.
    expect(JSON.parse(((await (await suggestChat()).json()) as Record<string, any>).choices[0].message.content).suggestions).toHaveLength(3);
    expect((await batchChat()).status).toBe(200);
    expect(server.stats().requests.map((r) => [r.task, r.fault])).toEqual([
      ['other', null],
      ['suggest', 'empty'],
      ['translate', 503],
      ['suggest', null],
      ['translate', null],
    ]);
  });

  it('a failure without task applies to whichever request comes next, in queue order', async () => {
    await failNext({ mode: 'empty', task: 'translate' });
    await failNext({ status: 500 });
    const error = await expectOpenAIError(await otherChat(), 500, null); // skips the translate-only one
    expect(error.type).toBe('server_error');
    expect(((await (await batchChat()).json()) as Record<string, any>).choices[0].message.content).toBe('');
    expect((await otherChat()).status).toBe(200);
  });

  it('a fault mode is kept for the next request that would otherwise be answered', async () => {
    await failNext({ mode: 'empty' });
    await expectOpenAIError(await chat({ model: 'gpt-4o' }), 404, 'model_not_found');
    await expectOpenAIError(await chat({ messages: [batchMessages[0]!, { role: 'user', content: 'nope' }] }), 400, 'invalid_value');
    expect(((await (await chat({})).json()) as Record<string, any>).choices[0].message.content).toBe('');
  });

  it('fail-next rejects bad modes, tasks and mixes, queueing nothing', async () => {
    for (const body of [
      {},
      { mode: 'explode' },
      { mode: 'hang', task: 'everything' },
      { status: 503, task: 'summarise' },
      { mode: 'hang', status: 500 },
      { mode: 'empty', retryAfterSeconds: 1 },
      { mode: 'empty', count: 0 },
      { status: 429, retryAfterSeconds: -1 },
    ]) {
      await expectOpenAIError(await failNext(body), 400, null);
    }
    expect(() => server.failNext({ mode: 'slow' as 'hang' })).toThrow(/mode/);
    expect(server.failNext({ mode: 'hang', count: 2, task: 'suggest' })).toBe(2);
    server.reset();
    expect((await chat({})).status).toBe(200);
    expect(lastRecord().fault).toBeNull();
  });
});

describe('accounting', () => {
  it('records items, token estimates, fault, status and start/end times per request; totals add up', async () => {
    const before = Date.now();
    const single = (await (await chat({})).json()) as Record<string, any>;
    await sseChunks(await batchChat({ stream: true }));
    await otherChat();
    await otherChat({ model: 'parley-error-429' });
    await failNext({ status: 502 });
    await suggestChat();
    const stats = server.stats();
    expect(stats.requests.map(({ task, items, fault, status }) => ({ task, items, fault, status }))).toEqual([
      { task: 'translate', items: 1, fault: null, status: 200 },
      { task: 'translate', items: 3, fault: null, status: 200 },
      { task: 'other', items: 0, fault: null, status: 200 },
      { task: 'other', items: 0, fault: 429, status: 429 },
      { task: 'suggest', items: 0, fault: 502, status: 502 },
    ]);
    expect(stats.requests[0]).toMatchObject({
      promptTokens: single.usage.prompt_tokens,
      completionTokens: single.usage.completion_tokens,
    });
    for (const record of stats.requests) {
      expect(record.promptTokens).toBeGreaterThan(0);
      expect(record.startedAt).toBeGreaterThanOrEqual(before - 1);
      expect(record.endedAt).toBeGreaterThanOrEqual(record.startedAt);
      expect(Date.parse(record.at)).toBe(record.startedAt);
    }
    expect(stats.requests[1]!.promptTokens).toBeGreaterThan(stats.requests[2]!.promptTokens);
    expect(stats.requests[3]!.completionTokens).toBe(0);
    expect(stats.requests[4]!.completionTokens).toBe(0);
    expect(stats.promptTokens).toBe(stats.requests.reduce((sum, r) => sum + r.promptTokens, 0));
    expect(stats.completionTokens).toBe(stats.requests.reduce((sum, r) => sum + r.completionTokens, 0));
    expect(stats.completionTokens).toBeGreaterThan(0);
  });
});
