import type {
  Availability,
  BuiltInAiGlobals,
  LanguageDetectionResult,
  LanguageModelCoreOptions,
  LanguageModelMessage,
  LanguageModelPromptOptions,
  LanguageModelSession,
  TranslatorLanguages,
} from '@/services/model/chrome-ai/built-in-ai-types';
import type { ChromeAiEnv } from '@/services/model/chrome-ai/chrome-ai-client';
import type { OnDevicePort } from '@/services/model/chrome-ai/on-device-protocol';
import { startOnDeviceRunner } from '@/services/model/chrome-ai/on-device-runner';

/**
 * In-memory stand-ins for what the Chrome AI provider touches: a runtime.Port pair (messages
 * JSON-copied and delivered asynchronously, in order, like Chrome's), the offscreen and runtime
 * APIs of the background, and fake Translator / LanguageDetector / LanguageModel globals that
 * record how they were called.
 */

export const EXTENSION_ID = 'parley-test-id';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
export const BACKGROUND_SENDER = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}background.js` };

export class FakePort implements OnDevicePort {
  other!: FakePort;
  connected = true;
  readonly received: unknown[] = [];
  private readonly messageListeners = new Set<(message: unknown) => void>();
  private readonly disconnectListeners = new Set<() => void>();

  constructor(
    readonly name: string,
    readonly sender?: OnDevicePort['sender'],
  ) {}

  readonly onMessage = {
    addListener: (listener: (message: unknown) => void) => void this.messageListeners.add(listener),
    removeListener: (listener: (message: unknown) => void) => void this.messageListeners.delete(listener),
  };

  readonly onDisconnect = {
    addListener: (listener: () => void) => void this.disconnectListeners.add(listener),
    removeListener: (listener: () => void) => void this.disconnectListeners.delete(listener),
  };

  postMessage(message: unknown): void {
    if (!this.connected) throw new Error('Attempting to use a disconnected port object');
    const copy: unknown = JSON.parse(JSON.stringify(message));
    const target = this.other;
    queueMicrotask(() => {
      if (!target.connected) return;
      target.received.push(copy);
      for (const listener of [...target.messageListeners]) listener(copy);
    });
  }

  /** Like Chrome: both ends close, and only the other end hears onDisconnect. */
  disconnect(): void {
    if (!this.connected) return;
    this.connected = false;
    this.other.connected = false;
    const target = this.other;
    queueMicrotask(() => {
      for (const listener of [...target.disconnectListeners]) listener();
    });
  }
}

export function createPortPair(name: string, sender: OnDevicePort['sender']): { client: FakePort; server: FakePort } {
  const client = new FakePort(name);
  const server = new FakePort(name, sender);
  client.other = server;
  server.other = client;
  return { client, server };
}

/** An `onConnect` event the tests can fire by hand. */
export function createConnectEvent() {
  const listeners = new Set<(port: OnDevicePort) => void>();
  return {
    addListener: (listener: (port: OnDevicePort) => void) => void listeners.add(listener),
    removeListener: (listener: (port: OnDevicePort) => void) => void listeners.delete(listener),
    fire: (port: OnDevicePort) => listeners.forEach((listener) => listener(port)),
    get listenerCount() {
      return listeners.size;
    },
  };
}

/**
 * The background's view of Chrome: `createDocument` starts the real runner (as the offscreen
 * entrypoint does) on fake globals; `connect` reaches it while the document is open.
 */
export function createFakeChrome(globals: BuiltInAiGlobals, options: { dropFirstConnections?: number } = {}) {
  let openDocument: { onConnect: ReturnType<typeof createConnectEvent>; stop: () => void; ports: FakePort[] } | null = null;
  let toDrop = options.dropFirstConnections ?? 0;
  const created: Array<Parameters<NonNullable<ChromeAiEnv['createDocument']>>[0]> = [];
  const connections: FakePort[] = [];

  function open() {
    const onConnect = createConnectEvent();
    const stop = startOnDeviceRunner({ onConnect, extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, globals });
    openDocument = { onConnect, stop, ports: [] };
  }

  const env: ChromeAiEnv = {
    connect(name) {
      const { client, server } = createPortPair(name, BACKGROUND_SENDER);
      connections.push(client);
      const document = openDocument;
      queueMicrotask(() => {
        if (!document || toDrop > 0) {
          // "Could not establish connection. Receiving end does not exist."
          toDrop = Math.max(0, toDrop - 1);
          server.disconnect();
          return;
        }
        document.ports.push(server);
        document.onConnect.fire(server);
      });
      return client;
    },
    getURL: (path) => new URL(path, EXTENSION_ORIGIN).href,
    async createDocument(params) {
      created.push(params);
      if (openDocument) throw new Error('Only a single offscreen document may be created.');
      open();
    },
    async getContexts(filter) {
      const url = `${EXTENSION_ORIGIN}offscreen.html`;
      return openDocument && filter.documentUrls.includes(url) ? [{ contextType: 'OFFSCREEN_DOCUMENT', documentUrl: url }] : [];
    },
    readyTimeoutMs: 200,
  };

  return {
    env,
    /** Every createDocument call, with its parameters. */
    created,
    /** Every port the background opened. */
    connections,
    /** Opens the document as if another worker instance had created it. */
    open,
    /** Chrome closes the document (or it crashes): its ports drop. */
    closeDocument() {
      if (!openDocument) return;
      openDocument.stop();
      for (const port of openDocument.ports) port.disconnect();
      openDocument = null;
    },
    get documentOpen() {
      return openDocument !== null;
    },
  };
}

export class FakeSession implements LanguageModelSession {
  readonly promptCalls: Array<{ input: string | LanguageModelMessage[]; options: LanguageModelPromptOptions }> = [];
  destroyed = false;
  /** The signal promptStreaming got was aborted while the fake was still answering. */
  sawAbort = false;

  constructor(
    readonly createOptions: LanguageModelCoreOptions & { initialPrompts?: LanguageModelMessage[] },
    private readonly chunks: string[],
    private readonly hangAfter: number | null,
  ) {}

  async prompt(): Promise<string> {
    throw new Error('not used');
  }

  promptStreaming(input: string | LanguageModelMessage[], options: LanguageModelPromptOptions = {}): ReadableStream<string> {
    this.promptCalls.push({ input, options });
    options.signal?.addEventListener('abort', () => {
      this.sawAbort = true;
    });
    const { chunks, hangAfter } = this;
    let sent = 0;
    return new ReadableStream<string>({
      pull: async (controller) => {
        if (hangAfter !== null && sent >= hangAfter) {
          // Keeps "generating" until the runner aborts the request, like a slow model.
          await new Promise<void>((resolve) => {
            if (options.signal?.aborted) resolve();
            options.signal?.addEventListener('abort', () => resolve(), { once: true });
          });
          controller.error(new DOMException('The operation was aborted.', 'AbortError'));
          return;
        }
        const chunk = chunks[sent++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
    });
  }

  destroy(): void {
    this.destroyed = true;
  }
}

export interface FakeAiConfig {
  translator?: Availability | ((languages: TranslatorLanguages) => Availability);
  detector?: Availability;
  prompt?: Availability;
  /** What the detector says for a text. */
  detect?: (text: string) => LanguageDetectionResult[];
  chunks?: string[];
  /** Stream this many chunks, then hang until aborted. */
  hangAfter?: number;
  /** Every translate() waits for this. */
  translateGate?: Promise<void>;
  /** downloadprogress events create() fires on its monitor. */
  downloadProgress?: number[];
}

export function createFakeAi(config: FakeAiConfig = {}) {
  const calls: string[] = [];
  const translatorsCreated: TranslatorLanguages[] = [];
  const translatorsDestroyed: TranslatorLanguages[] = [];
  const sessions: FakeSession[] = [];
  /** Chrome calls the monitor during create() and fires downloadprogress on it while it downloads. */
  const runMonitor = (monitor: ((target: EventTarget) => void) | undefined) => {
    if (!monitor) return;
    const target = new EventTarget();
    monitor(target);
    for (const loaded of config.downloadProgress ?? []) target.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded }));
  };

  const globals: Required<BuiltInAiGlobals> = {
    Translator: {
      async availability(languages) {
        calls.push(`translator.availability ${languages.sourceLanguage}>${languages.targetLanguage}`);
        const value = config.translator ?? 'available';
        return typeof value === 'function' ? value(languages) : value;
      },
      async create(options) {
        const languages = { sourceLanguage: options.sourceLanguage, targetLanguage: options.targetLanguage };
        calls.push(`translator.create ${languages.sourceLanguage}>${languages.targetLanguage}`);
        runMonitor(options.monitor);
        translatorsCreated.push(languages);
        return {
          async translate(text: string, translateOptions?: { signal?: AbortSignal }) {
            translateOptions?.signal?.throwIfAborted();
            await config.translateGate;
            calls.push(`translate ${text}`);
            return `[${languages.sourceLanguage}→${languages.targetLanguage}] ${text}`;
          },
          destroy: () => void translatorsDestroyed.push(languages),
        };
      },
    },
    LanguageDetector: {
      async availability() {
        return config.detector ?? 'available';
      },
      async create(options = {}) {
        calls.push('detector.create');
        runMonitor(options.monitor);
        return {
          async detect(text: string) {
            calls.push(`detect ${text}`);
            return config.detect?.(text) ?? [{ detectedLanguage: 'und', confidence: 1 }];
          },
          destroy: () => undefined,
        };
      },
    },
    LanguageModel: {
      async availability() {
        return config.prompt ?? 'available';
      },
      async params() {
        return { defaultTopK: 3, maxTopK: 128, defaultTemperature: 1, maxTemperature: 2 };
      },
      async create(options = {}) {
        calls.push('model.create');
        runMonitor(options.monitor);
        const { signal: _signal, monitor: _monitor, ...rest } = options;
        const session = new FakeSession(rest, config.chunks ?? ['ok'], config.hangAfter ?? null);
        sessions.push(session);
        return session;
      },
    },
  };

  return { globals, calls, translatorsCreated, translatorsDestroyed, sessions };
}
