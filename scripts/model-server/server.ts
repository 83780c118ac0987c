/**
 * Parley local model server: a DEVELOPMENT AND TEST TOOL, not part of the extension and not for
 * production. A tiny OpenAI-compatible chat-completions server on loopback (127.0.0.1) that gives
 * deterministic answers (see responder.ts), streams like the real API, and fails on demand.
 * Used by the tests and the demo. See README.md in this folder.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BadRequestContent,
  classify,
  estimateTokens,
  alterNumbers,
  malformedContent,
  messageText,
  respond,
  splitIntoChunks,
  type Answer,
  type ChatRequestLike,
  type Task,
} from './responder';

export interface ModelServerOptions {
  /** Port to listen on; 0 (the default) picks any free port. */
  port?: number;
  /** Loopback host to bind; default 127.0.0.1. */
  host?: string;
  /** When set, `/v1` requests must carry `Authorization: Bearer <apiKey>` or get 401. */
  apiKey?: string;
  /** Delay between SSE chunks in milliseconds; default 15. Not used when `msPerToken` is set. */
  chunkDelayMs?: number;
  /** Time before the first content chunk (streaming) or before the answer (non-streaming); default 0. */
  firstTokenDelayMs?: number;
  /**
   * Generation speed: each streamed content chunk waits msPerToken × its estimated tokens, a
   * non-streaming answer msPerToken × its completion tokens. When set, replaces `chunkDelayMs`.
   */
  msPerToken?: number;
}

/** Timing in effect; changed at run time with `POST /__admin/config` or `configure()`. */
export interface TimingConfig {
  chunkDelayMs: number;
  firstTokenDelayMs: number;
  /** null: streamed chunks wait `chunkDelayMs` instead. */
  msPerToken: number | null;
}

/**
 * How a request can go wrong: a stream cut mid-way, JSON that does not parse, no answer at all,
 * an empty answer, or (`alter-numbers`) a well-formed answer whose numbers the "model" changed, as
 * a careless translation would: every digit 4 becomes 9 and 9 becomes 4.
 */
export const FAULT_MODES = ['cut-stream', 'malformed', 'hang', 'empty', 'alter-numbers'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];
const TASKS: readonly Task[] = ['translate', 'outbound', 'rewrite', 'suggest', 'practice', 'review', 'other'];

/** A failure queued with `POST /__admin/fail-next` or `failNext()`: an HTTP error status, or a fault mode. */
export type FailNext =
  | { status: number; message?: string; retryAfterSeconds?: number; count?: number; task?: Task }
  | { mode: FaultMode; count?: number; task?: Task };

export interface RequestRecord {
  task: Task;
  model: string;
  stream: boolean;
  /** ISO timestamp (same instant as startedAt). */
  at: string;
  /** Texts to translate: batch items, 1 for a single translation, 0 otherwise. */
  items: number;
  /** Estimated prompt tokens (as in `usage`); counted for every recorded request, failed ones too. */
  promptTokens: number;
  /**
   * Estimated tokens of the content actually sent (streamed chunks written before a cut or an abort):
   * 0 for errors, hang and cut non-streaming requests.
   */
  completionTokens: number;
  /** The fail-next mode or status applied (also the status of a `parley-error-*` model), else null. */
  fault: FaultMode | number | null;
  /** HTTP status answered, or null when nothing was (hang, cut non-streaming request). */
  status: number | null;
  /** Epoch milliseconds. */
  startedAt: number;
  /** Epoch milliseconds when the response finished, was cut, or the client went away; null while in progress. */
  endedAt: number | null;
}

export interface ServerStats {
  chatCompletions: number;
  byTask: Record<Task, number>;
  modelsList: number;
  /** Totals over all recorded chat completions since the last reset (not only the 500 in `requests`). */
  promptTokens: number;
  completionTokens: number;
  /** Most recent chat-completion requests, oldest first, at most 500. */
  requests: RequestRecord[];
}

export interface ModelServer {
  /** Base URL for OpenAI clients, e.g. http://127.0.0.1:8787/v1 */
  url: string;
  port: number;
  stats(): ServerStats;
  /** Zeroes the stats, drops pending failures and restores the timing given at start. */
  reset(): void;
  /** Same as `POST /__admin/fail-next`; returns the number of pending failures. Throws on invalid input. */
  failNext(failure: FailNext): number;
  /** Same as `POST /__admin/config`; returns the timing now in effect. Throws on invalid input. */
  configure(timing: Partial<TimingConfig>): TimingConfig;
  close(): Promise<void>;
}

export const MODEL_IDS = ['parley-local-1', 'parley-local-mini'] as const;
const ERROR_MODELS: Record<string, number> = { 'parley-error-401': 401, 'parley-error-429': 429, 'parley-error-500': 500 };
const MODEL_CREATED = 1735689600; // 2025-01-01, fixed so answers are stable.
const MAX_RECORDS = 500;
const MAX_BODY_BYTES = 5 * 1024 * 1024;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

type Failure =
  | { kind: 'status'; status: number; message?: string; retryAfterSeconds?: number; task?: Task }
  | { kind: 'mode'; mode: FaultMode; task?: Task };

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
  return {
    chatCompletions: 0,
    byTask: { translate: 0, outbound: 0, rewrite: 0, suggest: 0, practice: 0, review: 0, other: 0 },
    modelsList: 0,
    promptTokens: 0,
    completionTokens: 0,
    requests: [],
  };
}

const invalid = (message: string, param: string) => new HttpError(400, message, 'invalid_request_error', null, param);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function rejectUnknownKeys(body: Record<string, unknown>, allowed: readonly string[]) {
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown !== undefined) throw invalid(`Unknown field \`${unknown}\` (allowed: ${allowed.join(', ')}).`, unknown);
}

/** Validates a fail-next body; returns the failure and how many times to queue it. */
function parseFailNext(body: unknown): { failure: Failure; count: number } {
  if (!isObject(body)) throw invalid('The body must be a JSON object with `status` or `mode`.', 'status');
  const { status, mode, task, count = 1, message, retryAfterSeconds } = body;
  if (!Number.isInteger(count) || (count as number) < 1) throw invalid('`count` must be a positive integer.', 'count');
  if (task !== undefined && !TASKS.includes(task as Task)) throw invalid(`\`task\` must be one of ${TASKS.join(', ')}.`, 'task');
  const scope = task === undefined ? {} : { task: task as Task };
  if (mode !== undefined) {
    rejectUnknownKeys(body, ['mode', 'count', 'task']);
    if (!FAULT_MODES.includes(mode as FaultMode)) throw invalid(`\`mode\` must be one of ${FAULT_MODES.join(', ')}.`, 'mode');
    return { failure: { kind: 'mode', mode: mode as FaultMode, ...scope }, count: count as number };
  }
  rejectUnknownKeys(body, ['status', 'message', 'retryAfterSeconds', 'count', 'task']);
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599) {
    throw invalid('`status` must be an HTTP error status (400-599), or give a `mode` instead.', 'status');
  }
  if (message !== undefined && typeof message !== 'string') throw invalid('`message` must be a string.', 'message');
  if (retryAfterSeconds !== undefined && (typeof retryAfterSeconds !== 'number' || !(retryAfterSeconds >= 0))) {
    throw invalid('`retryAfterSeconds` must be a non-negative number.', 'retryAfterSeconds');
  }
  const failure: Failure = { kind: 'status', status, ...scope };
  if (message !== undefined) failure.message = message;
  if (retryAfterSeconds !== undefined) failure.retryAfterSeconds = retryAfterSeconds;
  return { failure, count: count as number };
}

function validDelay(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** Validates a config body: the timing fields to change. */
function parseConfig(body: unknown): Partial<TimingConfig> {
  if (!isObject(body)) throw invalid('The body must be a JSON object.', 'msPerToken');
  rejectUnknownKeys(body, ['chunkDelayMs', 'firstTokenDelayMs', 'msPerToken']);
  const changes: Partial<TimingConfig> = {};
  for (const key of ['chunkDelayMs', 'firstTokenDelayMs'] as const) {
    if (body[key] === undefined) continue;
    if (!validDelay(body[key])) throw invalid(`\`${key}\` must be a non-negative number of milliseconds.`, key);
    changes[key] = body[key];
  }
  if (body.msPerToken !== undefined) {
    if (body.msPerToken !== null && !validDelay(body.msPerToken)) {
      throw invalid('`msPerToken` must be a non-negative number, or null to use chunkDelayMs again.', 'msPerToken');
    }
    changes.msPerToken = body.msPerToken;
  }
  return changes;
}

/** Waits, unless the signal aborts first; resolves false when it did. */
async function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  if (ms <= 0) return true;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
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
  const initialTiming = parseConfig({
    chunkDelayMs: options.chunkDelayMs ?? 15,
    firstTokenDelayMs: options.firstTokenDelayMs ?? 0,
    msPerToken: options.msPerToken ?? null,
  }) as TimingConfig;
  let timing: TimingConfig = { ...initialTiming };
  let stats = emptyStats();
  let failures: Failure[] = [];
  let sequence = 0;
  /** Settles when each chat-completion response in progress has closed. */
  const inFlight = new Set<Promise<void>>();

  function record(entry: RequestRecord): RequestRecord {
    stats.chatCompletions++;
    stats.byTask[entry.task]++;
    stats.promptTokens += entry.promptTokens;
    stats.requests.push(entry);
    if (stats.requests.length > MAX_RECORDS) stats.requests.splice(0, stats.requests.length - MAX_RECORDS);
    return entry;
  }

  /** The first pending failure that applies to a request of this task. */
  function nextFailure(task: Task): { failure: Failure; index: number } | undefined {
    const index = failures.findIndex((failure) => failure.task === undefined || failure.task === task);
    return index < 0 ? undefined : { failure: failures[index]!, index };
  }
  const takeFailure = (index: number) => failures.splice(index, 1);

  const snapshot = (): ServerStats => structuredClone(stats);
  const reset = () => {
    stats = emptyStats();
    failures = [];
    timing = { ...initialTiming };
  };
  const failNext = (body: unknown): number => {
    const { failure, count } = parseFailNext(body);
    for (let i = 0; i < count; i++) failures.push({ ...failure });
    return failures.length;
  };
  const configure = (body: unknown): TimingConfig => {
    timing = { ...timing, ...parseConfig(body) };
    return { ...timing };
  };

  async function chatCompletions(req: IncomingMessage, res: ServerResponse) {
    // Aborted when the response is done or the client goes away: stops pending waits.
    const gone = new AbortController();
    const closed = new Promise<void>((resolve) => res.once('close', resolve));
    inFlight.add(closed);
    void closed.then(() => {
      gone.abort();
      inFlight.delete(closed);
    });

    const body = await readJson(req);
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new HttpError(400, 'The request body must be a JSON object.', 'invalid_request_error');
    }
    // Other parameters (temperature, reasoning_effort, reasoning, chat_template_kwargs, think, …) are accepted and ignored.
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
    let answer: Answer;
    let badContent: BadRequestContent | null = null;
    try {
      answer = respond(request as ChatRequestLike);
    } catch (error) {
      if (!(error instanceof BadRequestContent)) throw error;
      badContent = error;
      answer = { task: classify(request as ChatRequestLike), content: '', format: 'json', items: 0 };
    }
    const promptTokens = estimateTokens(request.messages.map((m) => messageText(m)).join('\n'));
    const startedAt = Date.now();
    const entry = record({
      task: answer.task,
      model,
      stream,
      at: new Date(startedAt).toISOString(),
      items: answer.items,
      promptTokens,
      completionTokens: 0,
      fault: null,
      status: null,
      startedAt,
      endedAt: null,
    });
    const ended = () => {
      entry.endedAt ??= Date.now();
    };
    res.once('close', ended);
    const fail = (status: number, error: HttpError): never => {
      entry.status = status;
      ended();
      throw error;
    };
    /** What was sent, for the record and the totals. */
    const answered = (content: string) => {
      entry.completionTokens = estimateTokens(content);
      stats.completionTokens += entry.completionTokens;
    };

    // A status failure comes first (like an overloaded API); a fault mode is only used by a request
    // that would otherwise be answered.
    const pending = nextFailure(answer.task);
    if (pending?.failure.kind === 'status') {
      const { failure } = pending;
      takeFailure(pending.index);
      entry.fault = failure.status;
      fail(failure.status, statusError(failure.status, failure.message, failure.retryAfterSeconds));
    }
    const errorStatus = ERROR_MODELS[model];
    if (errorStatus) {
      entry.fault = errorStatus;
      fail(errorStatus, statusError(errorStatus));
    }
    if (!(MODEL_IDS as readonly string[]).includes(model)) {
      fail(
        404,
        new HttpError(404, `The model \`${model}\` does not exist or you do not have access to it.`, 'invalid_request_error', 'model_not_found'),
      );
    }
    if (badContent) fail(400, new HttpError(400, badContent.message, 'invalid_request_error', 'invalid_value', badContent.param));
    let mode: FaultMode | null = null;
    if (pending?.failure.kind === 'mode') {
      takeFailure(pending.index);
      mode = pending.failure.mode;
    }
    entry.fault = mode;

    if (mode === 'hang') {
      // Never answers: waits for the client to give up or the server to close (closeAllConnections).
      if (!gone.signal.aborted) await new Promise((resolve) => gone.signal.addEventListener('abort', resolve, { once: true }));
      ended();
      return;
    }

    const content =
      mode === 'empty' ? '' : mode === 'malformed' ? malformedContent(answer) : mode === 'alter-numbers' ? alterNumbers(answer.content) : answer.content;
    const completionTokens = estimateTokens(content);
    const id = `chatcmpl-parley-${++sequence}`;
    const created = Math.floor(Date.now() / 1000);
    const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
    const head = (object: string) => ({ id, object, created, model, system_fingerprint: 'fp_parley_local' });
    const cut = () => {
      ended();
      res.destroy();
    };

    if (!stream) {
      if (mode === 'cut-stream') {
        // Dropped half-way through generating: nothing is sent.
        if (!(await wait(timing.firstTokenDelayMs + (timing.msPerToken ?? 0) * Math.ceil(completionTokens / 2), gone.signal))) return;
        cut();
        return;
      }
      if (!(await wait(timing.firstTokenDelayMs + (timing.msPerToken ?? 0) * completionTokens, gone.signal))) return;
      answered(content);
      entry.status = 200;
      ended();
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
    entry.status = 200;
    const chunk = (delta: object, finishReason: string | null) => ({
      ...head('chat.completion.chunk'),
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...(includeUsage ? { usage: null } : {}),
    });
    let pieces = splitIntoChunks(content);
    if (mode === 'cut-stream') pieces = pieces.slice(0, Math.ceil(pieces.length / 2));
    const events: Array<{ data: unknown; text?: string }> = [
      { data: chunk({ role: 'assistant', content: '', refusal: null }, null) },
      ...pieces.map((text) => ({ data: chunk({ content: text }, null), text })),
    ];
    if (mode !== 'cut-stream') {
      events.push({ data: chunk({}, 'stop') });
      if (includeUsage) events.push({ data: { ...head('chat.completion.chunk'), choices: [], usage } });
    }
    let written = Promise.resolve();
    let sent = '';
    try {
      for (const [index, event] of events.entries()) {
        if (index > 0) {
          // Read at every step, so `POST /__admin/config` also slows down streams in progress.
          let delay = index === 1 ? timing.firstTokenDelayMs : 0;
          if (timing.msPerToken === null) delay += timing.chunkDelayMs;
          else if (event.text !== undefined) delay += timing.msPerToken * estimateTokens(event.text);
          if (!(await wait(delay, gone.signal))) return;
        }
        if (gone.signal.aborted) return;
        written = new Promise<void>((resolve) => res.write(`data: ${JSON.stringify(event.data)}\n\n`, () => resolve()));
        sent += event.text ?? '';
      }
    } finally {
      answered(sent);
    }
    if (mode === 'cut-stream') {
      // Let what was written reach the client first, or the cut could also swallow the headers.
      await Promise.race([written, closed]);
      await wait(20, gone.signal);
      cut();
      return;
    }
    ended();
    res.end('data: [DONE]\n\n');
  }

  async function adminJson<T>(req: IncomingMessage, res: ServerResponse, apply: (body: unknown) => T, reply: (result: T) => object) {
    const result = apply(await readJson(req));
    sendJson(res, 200, { ok: true, ...reply(result) });
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
    if (method === 'POST' && path === '/__admin/fail-next') {
      return adminJson(req, res, failNext, (pendingFailures) => ({ pendingFailures }));
    }
    if (method === 'GET' && path === '/__admin/config') return sendJson(res, 200, { ...timing });
    if (method === 'POST' && path === '/__admin/config') return adminJson(req, res, configure, (config) => ({ config }));

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
    failNext,
    configure,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // also ends hanging and delayed requests
      });
      // The destroyed sockets close a loop turn later: wait for the requests' own close handlers
      // (they stamp endedAt), so stats() is final once close() resolves.
      await Promise.all(inFlight);
    },
  };
}
