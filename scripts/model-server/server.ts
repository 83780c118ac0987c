/**
 * Parley local model server: a DEVELOPMENT AND TEST TOOL, not part of the extension and not for
 * production. A tiny OpenAI-compatible chat-completions server on loopback (127.0.0.1) that gives
 * deterministic answers (see responder.ts), streams like the real API, and fails on demand.
 * Used by the tests and the demo. See README.md in this folder.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { estimateTokens, respond, splitIntoChunks, type ChatRequestLike, type Task } from './responder';

export interface ModelServerOptions {
  /** Port to listen on; 0 (the default) picks any free port. */
  port?: number;
  /** Loopback host to bind; default 127.0.0.1. */
  host?: string;
  /** When set, `/v1` requests must carry `Authorization: Bearer <apiKey>` or get 401. */
  apiKey?: string;
  /** Delay between SSE chunks in milliseconds; default 15. */
  chunkDelayMs?: number;
}

export interface RequestRecord {
  task: Task;
  model: string;
  stream: boolean;
  /** ISO timestamp. */
  at: string;
}

export interface ServerStats {
  chatCompletions: number;
  byTask: Record<Task, number>;
  modelsList: number;
  /** Most recent chat-completion requests, oldest first, at most 500. */
  requests: RequestRecord[];
}

export interface ModelServer {
  /** Base URL for OpenAI clients, e.g. http://127.0.0.1:8787/v1 */
  url: string;
  port: number;
  stats(): ServerStats;
  reset(): void;
  close(): Promise<void>;
}

export const MODEL_IDS = ['parley-local-1', 'parley-local-mini'] as const;
const ERROR_MODELS: Record<string, number> = { 'parley-error-401': 401, 'parley-error-429': 429, 'parley-error-500': 500 };
const MODEL_CREATED = 1735689600; // 2025-01-01, fixed so answers are stable.
const MAX_RECORDS = 500;
const MAX_BODY_BYTES = 5 * 1024 * 1024;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

interface Failure {
  status: number;
  message?: string;
  retryAfterSeconds?: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** The error OpenAI answers with for a given status (message overridable). */
function statusError(status: number, message?: string, retryAfterSeconds?: number): HttpError {
  switch (status) {
    case 401:
      return new HttpError(401, message ?? 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
    case 404:
      return new HttpError(404, message ?? 'The requested resource does not exist.', 'invalid_request_error', 'not_found');
    case 429:
      return new HttpError(
        429,
        message ?? 'Rate limit reached for requests. Please try again in 1s.',
        'requests',
        'rate_limit_exceeded',
        null,
        retryAfterSeconds ?? 1,
      );
    default:
      if (status >= 500) {
        return new HttpError(
          status,
          message ?? 'The server had an error while processing your request. Sorry about that!',
          'server_error',
          null,
          null,
          retryAfterSeconds,
        );
      }
      return new HttpError(status, message ?? 'Request failed (simulated).', 'invalid_request_error', null, null, retryAfterSeconds);
  }
}

function emptyStats(): ServerStats {
  return { chatCompletions: 0, byTask: { translate: 0, suggest: 0, other: 0 }, modelsList: 0, requests: [] };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, error: HttpError) {
  const headers: Record<string, string> = {};
  if (error.retryAfterSeconds !== undefined) headers['Retry-After'] = String(error.retryAfterSeconds);
  sendJson(
    res,
    error.status,
    { error: { message: error.message, type: error.type, param: error.param, code: error.code } },
    headers,
  );
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request body too large.', 'invalid_request_error');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(
      400,
      "We could not parse the JSON body of your request. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.",
      'invalid_request_error',
    );
  }
}

export async function startModelServer(options: ModelServerOptions = {}): Promise<ModelServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.test(host)) throw new Error(`The local model server only listens on loopback, not on ${host}.`);
  const chunkDelayMs = options.chunkDelayMs ?? 15;
  let stats = emptyStats();
  let failures: Failure[] = [];
  let sequence = 0;

  function record(task: Task, model: string, stream: boolean) {
    stats.chatCompletions++;
    stats.byTask[task]++;
    stats.requests.push({ task, model, stream, at: new Date().toISOString() });
    if (stats.requests.length > MAX_RECORDS) stats.requests.splice(0, stats.requests.length - MAX_RECORDS);
  }

  const snapshot = (): ServerStats => structuredClone(stats);
  const reset = () => {
    stats = emptyStats();
    failures = [];
  };

  async function chatCompletions(req: IncomingMessage, res: ServerResponse) {
    const body = await readJson(req);
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new HttpError(400, 'The request body must be a JSON object.', 'invalid_request_error');
    }
    const request = body as Partial<ChatRequestLike> & {
      model?: unknown;
      stream?: unknown;
      stream_options?: { include_usage?: unknown } | null;
    };
    if (!Array.isArray(request.messages) || request.messages.length === 0) {
      throw new HttpError(400, "Missing required parameter: 'messages'.", 'invalid_request_error', 'missing_required_parameter', 'messages');
    }
    if (!request.messages.every((m: unknown) => m !== null && typeof m === 'object' && typeof (m as { role?: unknown }).role === 'string')) {
      throw new HttpError(400, "Invalid 'messages': every message must be an object with a 'role'.", 'invalid_request_error', 'invalid_value', 'messages');
    }
    if (typeof request.model !== 'string' || !request.model) {
      throw new HttpError(400, 'you must provide a model parameter', 'invalid_request_error');
    }
    const model = request.model;
    const stream = request.stream === true;
    const { task, content } = respond(request as ChatRequestLike);
    record(task, model, stream);

    const failure = failures.shift();
    if (failure) throw statusError(failure.status, failure.message, failure.retryAfterSeconds);
    const errorStatus = ERROR_MODELS[model];
    if (errorStatus) throw statusError(errorStatus);
    if (!(MODEL_IDS as readonly string[]).includes(model)) {
      throw new HttpError(
        404,
        `The model \`${model}\` does not exist or you do not have access to it.`,
        'invalid_request_error',
        'model_not_found',
      );
    }

    const id = `chatcmpl-parley-${++sequence}`;
    const created = Math.floor(Date.now() / 1000);
    const promptTokens = estimateTokens(request.messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join('\n'));
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: estimateTokens(content),
      total_tokens: promptTokens + estimateTokens(content),
    };
    const head = (object: string) => ({ id, object, created, model, system_fingerprint: 'fp_parley_local' });

    if (!stream) {
      sendJson(res, 200, {
        ...head('chat.completion'),
        choices: [
          { index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' },
        ],
        usage,
      });
      return;
    }

    const includeUsage = request.stream_options?.include_usage === true;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    let closed = false;
    res.on('close', () => (closed = true));
    const events: unknown[] = [];
    const chunk = (delta: object, finishReason: string | null) => ({
      ...head('chat.completion.chunk'),
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...(includeUsage ? { usage: null } : {}),
    });
    events.push(chunk({ role: 'assistant', content: '', refusal: null }, null));
    for (const piece of splitIntoChunks(content)) events.push(chunk({ content: piece }, null));
    events.push(chunk({}, 'stop'));
    if (includeUsage) events.push({ ...head('chat.completion.chunk'), choices: [], usage });

    for (const [index, event] of events.entries()) {
      if (closed) return;
      if (index > 0 && chunkDelayMs > 0) await sleep(chunkDelayMs);
      if (closed) return;
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    }
    res.end('data: [DONE]\n\n');
  }

  async function failNext(req: IncomingMessage, res: ServerResponse) {
    const body = (await readJson(req)) as Partial<Failure & { count: number }> | null;
    const status = body?.status;
    const count = body?.count ?? 1;
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
      throw new HttpError(400, '`status` must be an HTTP error status (400-599).', 'invalid_request_error', null, 'status');
    }
    if (!Number.isInteger(count) || count < 1) {
      throw new HttpError(400, '`count` must be a positive integer.', 'invalid_request_error', null, 'count');
    }
    const failure: Failure = { status };
    if (typeof body?.message === 'string') failure.message = body.message;
    if (typeof body?.retryAfterSeconds === 'number') failure.retryAfterSeconds = body.retryAfterSeconds;
    for (let i = 0; i < count; i++) failures.push({ ...failure });
    sendJson(res, 200, { ok: true, pendingFailures: failures.length });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id');
    res.setHeader('X-Request-Id', `req_parley_${Date.now().toString(36)}`);

    if (method === 'OPTIONS') {
      const requested = req.headers['access-control-request-headers'];
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        // `*` does not cover Authorization in browsers, so the requested headers are echoed too.
        'Access-Control-Allow-Headers': requested ? `*, ${requested}` : '*',
        'Access-Control-Max-Age': '86400',
      });
      res.end();
      return;
    }

    // Admin endpoints: not under /v1 and never behind the API key.
    if (method === 'GET' && path === '/__admin/stats') return sendJson(res, 200, snapshot());
    if (method === 'POST' && path === '/__admin/reset') {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    if (method === 'POST' && path === '/__admin/fail-next') return failNext(req, res);

    if (path === '/v1' || path.startsWith('/v1/')) {
      if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
        throw statusError(401);
      }
      if (method === 'GET' && path === '/v1/models') {
        stats.modelsList++;
        return sendJson(res, 200, {
          object: 'list',
          data: MODEL_IDS.map((id) => ({ id, object: 'model', created: MODEL_CREATED, owned_by: 'parley-local' })),
        });
      }
      const modelMatch = /^\/v1\/models\/([^/]+)$/.exec(path);
      if (method === 'GET' && modelMatch) {
        const id = decodeURIComponent(modelMatch[1]!);
        if (!(MODEL_IDS as readonly string[]).includes(id)) {
          throw new HttpError(404, `The model '${id}' does not exist`, 'invalid_request_error', 'model_not_found', 'model');
        }
        return sendJson(res, 200, { id, object: 'model', created: MODEL_CREATED, owned_by: 'parley-local' });
      }
      if (method === 'POST' && path === '/v1/chat/completions') return chatCompletions(req, res);
    }
    throw new HttpError(404, `Invalid URL (${method} ${path})`, 'invalid_request_error');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, error instanceof HttpError ? error : statusError(500, String(error)));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/v1`,
    port,
    stats: snapshot,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
