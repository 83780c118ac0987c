import { browser } from 'wxt/browser';
import {
  builtInAiGlobals,
  type Availability,
  type BuiltInAiGlobals,
  type LanguageDetectorInstance,
  type LanguageModelCoreOptions,
  type LanguageModelMessage,
  type LanguageModelStatic,
  type TranslatorInstance,
} from './built-in-ai-types';
import { availabilityOf, availabilityReport } from './on-device-availability';
import {
  backgroundToOffscreenSchema,
  isBackgroundSender,
  isLanguageTag,
  ON_DEVICE_PORT_NAME,
  type OffscreenToBackground,
  type OnDeviceErrorCode,
  type OnDeviceFeature,
  type OnDevicePort,
  type OnDeviceRequest,
} from './on-device-protocol';

/**
 * Runs Chrome's built-in AI for the background, inside Parley's offscreen document: Translator,
 * LanguageDetector and LanguageModel exist in windows only, never in the extension's service worker.
 *
 * It never calls create() on a model that is not 'available': in an offscreen document there is
 * no user activation, so a 'downloadable' model would be refused (and a 'downloading' one would
 * keep the request waiting for minutes). Those are answered at once with the matching error code;
 * a download is started from a click in one of Parley's pages (on-device-download.ts).
 */

/** Translators are one per language pair; an agent rarely needs more than a few at once. */
const MAX_CACHED_TRANSLATORS = 4;
/**
 * Below this the detector is guessing: translating from a wrong source language gives a confident
 * wrong translation, so Parley rather says it could not tell.
 */
export const MIN_DETECTION_CONFIDENCE = 0.5;

type Reply = (message: OffscreenToBackground) => void;

export interface OnDeviceRunner {
  /** Runs one request, sending its replies (partials, then one answer or error). Never rejects. */
  run(request: OnDeviceRequest, reply: Reply, signal: AbortSignal): Promise<void>;
  /** Destroys every cached translator and detector. */
  dispose(): void;
}

class OnDeviceFailure extends Error {
  constructor(
    readonly code: OnDeviceErrorCode,
    readonly feature?: OnDeviceFeature,
    readonly pair?: { source: string; target: string },
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

export function createOnDeviceRunner(globals: BuiltInAiGlobals): OnDeviceRunner {
  /**
   * Insertion order is use order: the first entry is the least recently used. An evicted
   * translator is destroyed once the translations running on it are done.
   */
  const translators = new Map<string, CachedTranslator>();
  let detector: Promise<LanguageDetectorInstance> | null = null;

  function translatorFor(source: string, target: string): CachedTranslator {
    const key = `${source}>${target}`;
    const cached = translators.get(key);
    if (cached) {
      translators.delete(key);
      translators.set(key, cached);
      return cached;
    }
    const Translator = globals.Translator;
    if (!Translator) throw new OnDeviceFailure('not-supported', 'translator');
    const pair = { source, target };
    // Created without the request's signal: a cached translator outlives the request that made it.
    const entry = new CachedTranslator(
      (async () => {
        const languages = { sourceLanguage: source, targetLanguage: target };
        requireAvailable(await availabilityOf(() => Translator.availability(languages)), 'translator', pair);
        return Translator.create(languages);
      })(),
    );
    translators.set(key, entry);
    entry.ready.catch(() => {
      if (translators.get(key) === entry) translators.delete(key);
    });
    while (translators.size > MAX_CACHED_TRANSLATORS) {
      const [oldestKey, oldest] = translators.entries().next().value!;
      translators.delete(oldestKey);
      oldest.evict();
    }
    return entry;
  }

  function languageDetector(): Promise<LanguageDetectorInstance> {
    if (detector) return detector;
    const LanguageDetector = globals.LanguageDetector;
    if (!LanguageDetector) return Promise.reject(new OnDeviceFailure('not-supported', 'detector'));
    const created = (async () => {
      requireAvailable(await availabilityOf(() => LanguageDetector.availability()), 'detector');
      return LanguageDetector.create();
    })();
    detector = created;
    created.catch(() => {
      if (detector === created) detector = null;
    });
    return created;
  }

  async function detect(text: string, signal: AbortSignal): Promise<{ language: string | null; confidence: number }> {
    const instance = await abortable(languageDetector(), signal);
    const [top] = await instance.detect(text, { signal });
    const confidence = Math.min(1, Math.max(0, top?.confidence ?? 0));
    if (!top || top.detectedLanguage === 'und' || !isLanguageTag(top.detectedLanguage)) return { language: null, confidence };
    return { language: top.detectedLanguage, confidence };
  }

  async function prompt(
    request: Extract<OnDeviceRequest, { type: 'on-device/prompt' }>,
    reply: Reply,
    signal: AbortSignal,
  ): Promise<void> {
    const LanguageModel = globals.LanguageModel;
    if (!LanguageModel) throw new OnDeviceFailure('not-supported', 'prompt');
    const core = await samplingOptions(LanguageModel, request.temperature);
    requireAvailable(await availabilityOf(() => LanguageModel.availability(core)), 'prompt');
    const { initialPrompts, input } = splitConversation(request.messages);
    // One session per request: each has its own system prompt, and a session keeps its history.
    const session = await LanguageModel.create({ ...core, initialPrompts, signal });
    try {
      const stream = session.promptStreaming(input, {
        signal,
        ...(request.jsonSchema ? { responseConstraint: request.jsonSchema } : {}),
      });
      const reader = stream.getReader();
      const stop = () => void reader.cancel().catch(() => undefined);
      signal.addEventListener('abort', stop, { once: true });
      let text = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done || signal.aborted) break;
          text += value;
          reply({ type: 'on-device/partial', id: request.id, text });
        }
      } finally {
        signal.removeEventListener('abort', stop);
      }
      if (signal.aborted) throw new OnDeviceFailure('cancelled');
      reply({ type: 'on-device/answer', id: request.id, text });
    } finally {
      session.destroy();
    }
  }

  async function handle(request: OnDeviceRequest, reply: Reply, signal: AbortSignal): Promise<void> {
    switch (request.type) {
      case 'on-device/availability':
        reply({ type: 'on-device/availability-report', id: request.id, report: await availabilityReport(globals, request.pair) });
        return;
      case 'on-device/detect': {
        const detection = await detect(request.text, signal);
        reply({ type: 'on-device/detection', id: request.id, ...detection });
        return;
      }
      case 'on-device/translate': {
        let source = request.source;
        if (source === null) {
          const detection = await detect(request.text, signal);
          if (detection.language === null || detection.confidence < MIN_DETECTION_CONFIDENCE) {
            throw new OnDeviceFailure('language-unknown', 'detector');
          }
          source = detection.language;
        }
        if (source.toLowerCase() === request.target.toLowerCase()) {
          reply({ type: 'on-device/translation', id: request.id, text: request.text, source });
          return;
        }
        const translate = (translator: TranslatorInstance) => abortable(translator.translate(request.text, { signal }), signal);
        const text = await translatorFor(source, request.target).use(translate, signal);
        reply({ type: 'on-device/translation', id: request.id, text, source });
        return;
      }
      case 'on-device/prompt':
        await prompt(request, reply, signal);
        return;
    }
  }

  return {
    async run(request, reply, signal) {
      try {
        if (signal.aborted) throw new OnDeviceFailure('cancelled');
        await handle(request, reply, signal);
      } catch (error) {
        reply({ type: 'on-device/error', id: request.id, ...describeFailure(error, signal) });
      }
    },

    dispose() {
      for (const entry of translators.values()) entry.evict();
      translators.clear();
      detector?.then((instance) => instance.destroy(), () => undefined);
      detector = null;
    },
  };
}

/** A translator in the cache, counting the translations running on it. */
class CachedTranslator {
  private users = 0;
  private evicted = false;
  private destroyed = false;

  constructor(readonly ready: Promise<TranslatorInstance>) {}

  async use<T>(work: (translator: TranslatorInstance) => Promise<T>, signal: AbortSignal): Promise<T> {
    this.users++;
    try {
      return await work(await abortable(this.ready, signal));
    } finally {
      this.users--;
      this.destroyIfDone();
    }
  }

  evict(): void {
    this.evicted = true;
    this.destroyIfDone();
  }

  private destroyIfDone(): void {
    if (!this.evicted || this.users > 0 || this.destroyed) return;
    this.destroyed = true;
    this.ready.then((translator) => translator.destroy(), () => undefined);
  }
}

export interface OnDeviceHostEnv {
  onConnect: {
    addListener(listener: (port: OnDevicePort) => void): void;
    removeListener(listener: (port: OnDevicePort) => void): void;
  };
  extensionId: string;
  /** e.g. chrome-extension://<id>/ */
  extensionOrigin: string;
  globals: BuiltInAiGlobals;
}

/**
 * The offscreen document's whole job: accept the background's port, run what it asks, stop what
 * it cancels or abandons. Returns a function that stops listening.
 */
export function startOnDeviceRunner(env: Partial<OnDeviceHostEnv> = {}): () => void {
  const onConnect = env.onConnect ?? browser.runtime.onConnect;
  const extensionId = env.extensionId ?? browser.runtime.id;
  const extensionOrigin = env.extensionOrigin ?? browser.runtime.getURL('/');
  const runner = createOnDeviceRunner(env.globals ?? builtInAiGlobals());

  const accept = (port: OnDevicePort) => {
    // Ports of other names are someone else's business in this document.
    if (port.name !== ON_DEVICE_PORT_NAME) return;
    if (!isBackgroundSender(port, extensionId, extensionOrigin)) {
      port.disconnect();
      return;
    }
    const running = new Map<string, AbortController>();
    const send: Reply = (message) => {
      try {
        port.postMessage(message);
      } catch {
        // The background went away; onDisconnect stops the work.
      }
    };

    port.onMessage.addListener((raw) => {
      const parsed = backgroundToOffscreenSchema.safeParse(raw);
      if (!parsed.success) {
        const id = (raw as { id?: unknown } | null)?.id;
        if (typeof id === 'string' && id.length > 0 && id.length <= 100) {
          send({ type: 'on-device/error', id, code: 'failed', detail: `invalid request: ${parsed.error.issues[0]?.message ?? ''}` });
        }
        return;
      }
      const message = parsed.data;
      if (message.type === 'on-device/cancel') {
        running.get(message.id)?.abort();
        return;
      }
      if (running.has(message.id)) {
        send({ type: 'on-device/error', id: message.id, code: 'failed', detail: 'duplicate request id' });
        return;
      }
      const controller = new AbortController();
      running.set(message.id, controller);
      void runner.run(message, send, controller.signal).finally(() => running.delete(message.id));
    });

    port.onDisconnect.addListener(() => {
      for (const controller of running.values()) controller.abort();
      running.clear();
    });

    send({ type: 'on-device/ready' });
  };

  onConnect.addListener(accept);
  return () => {
    onConnect.removeListener(accept);
    runner.dispose();
  };
}

function requireAvailable(availability: Availability, feature: OnDeviceFeature, pair?: { source: string; target: string }): void {
  if (availability !== 'available') throw new OnDeviceFailure(availability, feature, pair);
}

/** Chrome takes temperature only together with topK, and only up to maxTemperature. */
async function samplingOptions(LanguageModel: LanguageModelStatic, temperature: number | undefined): Promise<LanguageModelCoreOptions> {
  if (temperature === undefined || !LanguageModel.params) return {};
  const params = await LanguageModel.params().catch(() => null);
  if (!params) return {};
  return { temperature: Math.min(temperature, params.maxTemperature), topK: params.defaultTopK };
}

/**
 * The Prompt API takes system text only at the start of `initialPrompts` (prompt() refuses the
 * 'system' role): every system message goes there as one, the earlier turns after it, and the last
 * turn is what is prompted.
 */
export function splitConversation(messages: readonly LanguageModelMessage[]): {
  initialPrompts: LanguageModelMessage[];
  input: string;
} {
  const system = messages.filter((message) => message.role === 'system').map((message) => message.content);
  const turns = messages.filter((message) => message.role !== 'system');
  const last = turns.at(-1);
  if (!last) return { initialPrompts: [], input: system.join('\n\n') };
  const initialPrompts: LanguageModelMessage[] = [];
  if (system.length > 0) initialPrompts.push({ role: 'system', content: system.join('\n\n') });
  initialPrompts.push(...turns.slice(0, -1).map((turn) => ({ role: turn.role, content: turn.content })));
  return { initialPrompts, input: last.content };
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new OnDeviceFailure('cancelled'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new OnDeviceFailure('cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function describeFailure(error: unknown, signal: AbortSignal): Omit<Extract<OffscreenToBackground, { type: 'on-device/error' }>, 'type' | 'id'> {
  if (error instanceof OnDeviceFailure) {
    return {
      code: error.code,
      ...(error.feature ? { feature: error.feature } : {}),
      ...(error.pair ? { pair: error.pair } : {}),
      ...(error.code === 'failed' ? { detail: error.message.slice(0, 2000) } : {}),
    };
  }
  if (signal.aborted) return { code: 'cancelled' };
  const name = error instanceof Error ? error.name : '';
  const detail = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);
  switch (name) {
    case 'AbortError':
      return { code: 'cancelled' };
    // Per the specs: create() of a model that must be downloaded, without a user activation.
    case 'NotAllowedError':
      return { code: 'downloadable', detail };
    // An unsupported language, option or response constraint.
    case 'NotSupportedError':
      return { code: 'unavailable', detail };
    default:
      return { code: 'failed', detail };
  }
}
