import { browser } from 'wxt/browser';
import { estimateTokens, type ChatMessage, type ChatOptions, type ModelClient } from '@/services/model/model-types';
import { builtInAiGlobals, type Availability, type BuiltInAiGlobals } from './built-in-ai-types';
import { OnDeviceError, onDeviceError } from './chrome-ai-errors';
import { availabilityReport } from './on-device-availability';
import {
  isLanguageTag,
  OFFSCREEN_DOCUMENT_PATH,
  offscreenToBackgroundSchema,
  ON_DEVICE_PORT_NAME,
  REPLY_TYPE,
  type AvailabilityReport,
  type OffscreenToBackground,
  type OnDevicePort,
  type OnDeviceRequest,
  type ReplyOf,
} from './on-device-protocol';

/**
 * Chrome's built-in AI as a Parley model provider, for the background. The models run in Parley's
 * offscreen document (the service worker has no Translator or LanguageModel); this client creates
 * that document when it is missing, talks to it over one port (on-device-protocol.ts), and opens
 * the port again, recreating the document if needed, when it drops.
 */

export const CHROME_AI_IDENTITY = 'chrome-ai|on-device';
/** The model behind the Prompt API in Chrome. */
export const GEMINI_NANO = 'gemini-nano';

/**
 * No offscreen reason names Chrome's built-in AI: the list covers DOM and media APIs a service
 * worker lacks. DOM_PARSER is the closest in kind (a window-only web API the worker cannot call),
 * and like every reason but AUDIO_PLAYBACK it puts no time limit on the document. The
 * justification says what the document is really for, for reviewers and the user.
 */
const OFFSCREEN_REASONS = ['DOM_PARSER'] as const;
const OFFSCREEN_JUSTIFICATION =
  "Runs Chrome's built-in Translator, LanguageDetector and Prompt APIs, which exist only in documents, for on-device translation of helpdesk chats.";

const DEFAULT_READY_TIMEOUT_MS = 10_000;
const CONNECT_ATTEMPTS = 3;
const RETRY_DELAY_MS = 100;
/** A pair to report the translator's availability for when the caller names none. */
const DEFAULT_PAIR = { source: 'en', target: 'es' } as const;

/** The browser APIs the client needs, injectable for tests. */
export interface ChromeAiEnv {
  connect(name: string): OnDevicePort;
  /** Absolute URL of a file of the extension, e.g. chrome-extension://<id>/offscreen.html. */
  getURL(path: string): string;
  /** Missing where the browser has no offscreen documents (Firefox): on-device AI is then not supported. */
  createDocument?(params: { url: string; reasons: Array<(typeof OFFSCREEN_REASONS)[number]>; justification: string }): Promise<void>;
  /** Chrome 116+: finds the offscreen document if it is already open. */
  getContexts?(filter: { contextTypes: Array<'OFFSCREEN_DOCUMENT'>; documentUrls: string[] }): Promise<readonly unknown[]>;
  readyTimeoutMs?: number;
}

/** A request without its id (the connection numbers them). */
type RequestBody = OnDeviceRequest extends infer R ? (R extends OnDeviceRequest ? Omit<R, 'id'> : never) : never;

export interface OnDeviceConnection {
  request<B extends RequestBody>(
    body: B,
    options?: { signal?: AbortSignal; onPartial?: (textSoFar: string) => void },
  ): Promise<ReplyOf[B['type']]>;
  /** Closes the port; the next request opens it again. */
  close(): void;
}

interface Pending {
  expect: OffscreenToBackground['type'];
  resolve(message: OffscreenToBackground): void;
  reject(error: Error): void;
  onPartial?: (textSoFar: string) => void;
}

export function createOnDeviceConnection(env: ChromeAiEnv): OnDeviceConnection {
  let port: OnDevicePort | null = null;
  let opening: Promise<OnDevicePort> | null = null;
  let creatingDocument: Promise<void> | null = null;
  const pending = new Map<string, Pending>();
  const idPrefix = Math.random().toString(36).slice(2, 8);
  let nextId = 1;

  async function ensureDocument(): Promise<void> {
    const createDocument = env.createDocument;
    if (!createDocument) throw onDeviceError({ code: 'not-supported' });
    const url = env.getURL(OFFSCREEN_DOCUMENT_PATH);
    if (env.getContexts) {
      const open = await env.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
      if (open.length > 0) return;
    }
    creatingDocument ??= createDocument({
      url: OFFSCREEN_DOCUMENT_PATH,
      reasons: [...OFFSCREEN_REASONS],
      justification: OFFSCREEN_JUSTIFICATION,
    })
      .catch((error: unknown) => {
        // Another worker instance (or a request before getContexts answered) created it first.
        if (!/single offscreen document/i.test(errorText(error))) throw error;
      })
      .finally(() => {
        creatingDocument = null;
      });
    await creatingDocument;
  }

  /** Resolves when the runner said it is ready on `candidate`, or says why not. */
  function waitForReady(candidate: OnDevicePort): Promise<'ready' | 'closed' | 'timeout'> {
    return new Promise((resolve) => {
      const done = (outcome: 'ready' | 'closed' | 'timeout') => {
        clearTimeout(timer);
        candidate.onMessage.removeListener(onMessage);
        candidate.onDisconnect.removeListener(onDisconnect);
        resolve(outcome);
      };
      const onMessage = (raw: unknown) => {
        if (offscreenToBackgroundSchema.safeParse(raw).data?.type === 'on-device/ready') done('ready');
      };
      // A port opened before the document listened closes at once ("Receiving end does not exist").
      const onDisconnect = () => done('closed');
      const timer = setTimeout(() => done('timeout'), env.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS);
      candidate.onMessage.addListener(onMessage);
      candidate.onDisconnect.addListener(onDisconnect);
    });
  }

  async function openPort(): Promise<OnDevicePort> {
    let problem = '';
    for (let attempt = 1; attempt <= CONNECT_ATTEMPTS; attempt++) {
      try {
        await ensureDocument();
      } catch (error) {
        if (error instanceof OnDeviceError) throw error;
        throw onDeviceError({ code: 'not-started', detail: errorText(error) });
      }
      const candidate = env.connect(ON_DEVICE_PORT_NAME);
      const outcome = await waitForReady(candidate);
      if (outcome === 'ready') {
        attach(candidate);
        return candidate;
      }
      if (outcome === 'timeout') candidate.disconnect();
      problem = outcome === 'timeout' ? 'the offscreen document did not answer' : 'the offscreen document closed the connection';
      if (attempt < CONNECT_ATTEMPTS) await delay(RETRY_DELAY_MS * attempt);
    }
    throw onDeviceError({ code: 'not-started', detail: problem });
  }

  function attach(open: OnDevicePort): void {
    port = open;
    open.onMessage.addListener(receive);
    open.onDisconnect.addListener(() => {
      if (port === open) port = null;
      // Work on the other side stopped with the port; the caller may try again.
      for (const entry of [...pending.values()]) entry.reject(onDeviceError({ code: 'disconnected' }));
    });
  }

  function receive(raw: unknown): void {
    const parsed = offscreenToBackgroundSchema.safeParse(raw);
    if (!parsed.success) {
      const id = (raw as { id?: unknown } | null)?.id;
      const entry = typeof id === 'string' ? pending.get(id) : undefined;
      entry?.reject(onDeviceError({ code: 'failed', detail: `invalid reply: ${parsed.error.issues[0]?.message ?? ''}` }));
      return;
    }
    const message = parsed.data;
    if (message.type === 'on-device/ready') return;
    // Replies to cancelled requests still arrive: nobody waits for them.
    const entry = pending.get(message.id);
    if (!entry) return;
    if (message.type === 'on-device/partial') entry.onPartial?.(message.text);
    else if (message.type === 'on-device/error') entry.reject(onDeviceError(message));
    else if (message.type === entry.expect) entry.resolve(message);
    else entry.reject(onDeviceError({ code: 'failed', detail: `unexpected reply ${message.type}` }));
  }

  function connection(): Promise<OnDevicePort> {
    if (port) return Promise.resolve(port);
    opening ??= openPort().finally(() => {
      opening = null;
    });
    return opening;
  }

  return {
    async request(body, options = {}) {
      const { signal, onPartial } = options;
      if (signal?.aborted) throw onDeviceError({ code: 'cancelled' });
      const open = await untilAborted(connection(), signal);
      const id = `${idPrefix}-${nextId++}`;
      type Reply = ReplyOf[(typeof body)['type']];
      return new Promise<Reply>((resolve, reject) => {
        const finish = () => {
          pending.delete(id);
          signal?.removeEventListener('abort', onAbort);
        };
        const onAbort = () => {
          finish();
          try {
            open.postMessage({ type: 'on-device/cancel', id });
          } catch {
            // The port is gone, and the work with it.
          }
          reject(onDeviceError({ code: 'cancelled' }));
        };
        pending.set(id, {
          expect: REPLY_TYPE[body.type],
          resolve: (message) => {
            finish();
            // receive() checked the type against REPLY_TYPE[body.type].
            resolve(message as Reply);
          },
          reject: (error) => {
            finish();
            reject(error);
          },
          onPartial,
        });
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
          open.postMessage({ ...withoutUndefined(body), id });
        } catch {
          // Posting on a port the other side closed throws before onDisconnect arrives.
          if (port === open) port = null;
          pending.get(id)?.reject(onDeviceError({ code: 'disconnected' }));
        }
      });
    },

    close() {
      const open = port;
      port = null;
      open?.disconnect();
      for (const entry of [...pending.values()]) entry.reject(onDeviceError({ code: 'disconnected' }));
    },
  };
}

export interface ChromeAiClient extends ModelClient {
  translateText(text: string, source: string, target: string, options?: { signal?: AbortSignal }): Promise<string>;
  /** The language of `text` as Chrome's detector sees it; null when it cannot tell. */
  detectLanguage(text: string, options?: { signal?: AbortSignal }): Promise<{ language: string | null; confidence: number }>;
  /** What each on-device API can do now (the translator for `pair`). */
  availability(pair?: { source: string; target: string }): Promise<AvailabilityReport>;
}

export interface ChromeAiClientDeps {
  /** Browser APIs; by default the real ones, over one connection shared by every client. */
  env?: ChromeAiEnv;
}

let sharedConnection: OnDeviceConnection | null = null;

export function createChromeAiClient(deps: ChromeAiClientDeps = {}): ChromeAiClient {
  // The background creates a client per task: they share one port and one offscreen document.
  const connection = deps.env ? createOnDeviceConnection(deps.env) : (sharedConnection ??= createOnDeviceConnection(browserEnv()));

  async function availability(pair: { source: string; target: string } = DEFAULT_PAIR): Promise<AvailabilityReport> {
    const reply = await connection.request({ type: 'on-device/availability', pair });
    return reply.report;
  }

  return {
    identity: CHROME_AI_IDENTITY,

    async streamChat(messages: ChatMessage[], options: ChatOptions = {}) {
      const reply = await connection.request(
        {
          type: 'on-device/prompt',
          messages: messages.map(({ role, content }) => ({ role, content })),
          jsonSchema: options.json ? (options.json.schema as Record<string, unknown>) : undefined,
          temperature: options.temperature,
        },
        { signal: options.signal, onPartial: options.onText },
      );
      const text = reply.text.trim();
      return {
        text,
        usage: {
          promptTokens: estimateTokens(messages.map((message) => message.content).join('\n')),
          completionTokens: estimateTokens(text),
          estimated: true,
        },
      };
    },

    async listModels() {
      const report = await availability();
      return report.prompt === 'available' ? [GEMINI_NANO] : [];
    },

    async translateText(text, source, target, options = {}) {
      const reply = await connection.request(
        // '', 'und', 'auto' or anything else that is not a language tag: detect it first.
        { type: 'on-device/translate', text, source: isLanguageTag(source) && source !== 'und' ? source : null, target },
        { signal: options.signal },
      );
      return reply.text;
    },

    async detectLanguage(text, options = {}) {
      const reply = await connection.request({ type: 'on-device/detect', text }, { signal: options.signal });
      return { language: reply.language, confidence: reply.confidence };
    },

    availability,
  };
}

/** What the options page shows for each on-device API. */
export type ChromeAiAvailabilitySummary = Record<'translator' | 'detector' | 'prompt', Availability>;

/**
 * A plain summary for the options page. In one of Parley's pages the APIs are right there and
 * are asked directly (the offscreen document accepts only the background); in the background it
 * goes through the offscreen document. Whatever goes wrong on the way (no offscreen API, the
 * document does not start) reads as 'unavailable': there is nothing the agent could use.
 */
export async function chromeAiAvailability(
  pair: { source: string; target: string } = DEFAULT_PAIR,
  deps: ChromeAiClientDeps & { globals?: BuiltInAiGlobals } = {},
): Promise<ChromeAiAvailabilitySummary> {
  try {
    const inPage = !deps.env && typeof document !== 'undefined';
    const report =
      deps.globals || inPage
        ? await availabilityReport(deps.globals ?? builtInAiGlobals(), pair)
        : await createChromeAiClient(deps).availability(pair);
    return { translator: report.translator, detector: report.detector, prompt: report.prompt };
  } catch {
    return { translator: 'unavailable', detector: 'unavailable', prompt: 'unavailable' };
  }
}

function browserEnv(): ChromeAiEnv {
  // Typed as always present; Firefox (and Chrome before 109) lack the offscreen API.
  const offscreen = (browser as { offscreen?: typeof browser.offscreen }).offscreen;
  const runtime = browser.runtime as typeof browser.runtime & { getContexts?: typeof browser.runtime.getContexts };
  return {
    connect: (name) => browser.runtime.connect({ name }),
    getURL: (path) => new URL(path, browser.runtime.getURL('/')).href,
    createDocument: offscreen?.createDocument ? (params) => offscreen.createDocument(params) : undefined,
    getContexts: runtime.getContexts ? (filter) => runtime.getContexts!(filter) : undefined,
  };
}

/** Stops waiting (not the wait itself: other requests may share it) when `signal` aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(onDeviceError({ code: 'cancelled' }));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
