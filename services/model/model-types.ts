/**
 * What every model provider offers Parley, whatever it is (OpenAI, an OpenAI-compatible endpoint,
 * Azure OpenAI, Chrome's on-device AI). Implementations live next to this file; the background is
 * the only context that creates them (they hold the API key).
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Tokens one request cost. `estimated` when the provider did not report them (counted as ~4 chars a token). */
export interface ModelUsage {
  promptTokens: number;
  completionTokens: number;
  estimated: boolean;
}

export interface ChatAnswer {
  text: string;
  usage: ModelUsage;
}

/** A structured (JSON) answer the model must follow: OpenAI structured outputs, or the Prompt API's responseConstraint. */
export interface JsonAnswerFormat {
  name: string;
  schema: object;
}

export interface ChatOptions {
  signal?: AbortSignal;
  /** Called with the whole text so far after every streamed chunk. */
  onText?: (textSoFar: string) => void;
  /** Ask for JSON following this schema (the text is still streamed as it arrives). */
  json?: JsonAnswerFormat;
  temperature?: number;
}

export interface ModelClient {
  /** What shapes an answer besides the prompt: provider kind, endpoint and model. Part of every cache key. */
  readonly identity: string;
  /** Streams a chat answer. Resolves with the full (trimmed) text and what it cost. */
  streamChat(messages: ChatMessage[], options?: ChatOptions): Promise<ChatAnswer>;
  /** Model ids the endpoint offers (empty when it offers no list). */
  listModels(): Promise<string[]>;
  /**
   * Providers with a dedicated translator (Chrome's on-device Translator API) translate plain text
   * directly, without a prompt. Chat providers leave this undefined.
   */
  translateText?(text: string, source: string, target: string, options?: { signal?: AbortSignal }): Promise<string>;
}

/** ~4 characters a token: the estimate used when a provider reports no usage. */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}
