/**
 * The part of Chrome's built-in AI APIs Parley uses (Translator, LanguageDetector: Chrome 138;
 * LanguageModel, the Prompt API: Chrome 138 for extensions). TypeScript's DOM library does not
 * declare them yet, so they are typed here from the specs (webmachinelearning/translation-api and
 * prompt-api) and read from the global object by name: a browser without them simply lacks the name.
 *
 * They are exposed in windows only (`[Exposed=Window]`), never in a service worker: Parley runs
 * them in an offscreen document (see on-device-runner.ts).
 */

export const AVAILABILITY_VALUES = ['unavailable', 'downloadable', 'downloading', 'available'] as const;
/** 'downloadable': create() would start a download, which needs a user activation (a click). */
export type Availability = (typeof AVAILABILITY_VALUES)[number];

export interface CreateMonitor extends EventTarget {}

interface CreateCommonOptions {
  signal?: AbortSignal;
  monitor?: (monitor: CreateMonitor) => void;
}

interface Destroyable {
  destroy(): void;
}

export interface TranslatorLanguages {
  sourceLanguage: string;
  targetLanguage: string;
}

export interface TranslatorInstance extends Destroyable {
  translate(input: string, options?: { signal?: AbortSignal }): Promise<string>;
}

export interface TranslatorStatic {
  availability(options: TranslatorLanguages): Promise<Availability>;
  create(options: TranslatorLanguages & CreateCommonOptions): Promise<TranslatorInstance>;
}

export interface LanguageDetectionResult {
  /** BCP 47 tag, or 'und' when the detector cannot tell. */
  detectedLanguage: string;
  confidence: number;
}

export interface LanguageDetectorInstance extends Destroyable {
  /** Candidates, most likely first. */
  detect(input: string, options?: { signal?: AbortSignal }): Promise<LanguageDetectionResult[]>;
}

export interface LanguageDetectorStatic {
  availability(options?: { expectedInputLanguages?: string[] }): Promise<Availability>;
  create(options?: CreateCommonOptions & { expectedInputLanguages?: string[] }): Promise<LanguageDetectorInstance>;
}

export interface LanguageModelMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Options availability() and create() share: pass the same ones to both (the docs insist). */
export interface LanguageModelCoreOptions {
  /** Extension contexts only; Chrome requires topK and temperature together. */
  temperature?: number;
  topK?: number;
}

export interface LanguageModelPromptOptions {
  signal?: AbortSignal;
  /** A JSON schema (or RegExp) the answer must follow. */
  responseConstraint?: object;
}

export interface LanguageModelSession extends Destroyable {
  prompt(input: string | LanguageModelMessage[], options?: LanguageModelPromptOptions): Promise<string>;
  /** Streams the answer in pieces (each chunk is the new text, not the whole text so far). */
  promptStreaming(input: string | LanguageModelMessage[], options?: LanguageModelPromptOptions): ReadableStream<string>;
}

export interface LanguageModelParams {
  defaultTopK: number;
  maxTopK: number;
  defaultTemperature: number;
  maxTemperature: number;
}

export interface LanguageModelStatic {
  availability(options?: LanguageModelCoreOptions): Promise<Availability>;
  create(
    options?: LanguageModelCoreOptions & CreateCommonOptions & { initialPrompts?: LanguageModelMessage[] },
  ): Promise<LanguageModelSession>;
  /** Extension and experimental contexts only; null when the model is unavailable. */
  params?(): Promise<LanguageModelParams | null>;
}

/** The globals as a window of Chrome 138+ has them; any may be missing. */
export interface BuiltInAiGlobals {
  Translator?: TranslatorStatic;
  LanguageDetector?: LanguageDetectorStatic;
  LanguageModel?: LanguageModelStatic;
}

export function builtInAiGlobals(scope: object = globalThis): BuiltInAiGlobals {
  const named = scope as Record<string, unknown>;
  return {
    Translator: named.Translator as TranslatorStatic | undefined,
    LanguageDetector: named.LanguageDetector as LanguageDetectorStatic | undefined,
    LanguageModel: named.LanguageModel as LanguageModelStatic | undefined,
  };
}
