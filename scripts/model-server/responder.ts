/**
 * Deterministic answers of the local development/test model server (see README.md).
 * Pure functions: the same request always gives the same answer. Not used by the extension.
 *
 * The extension's prompts (services/model/prompts.ts) end their system message with fact lines
 * ("Source language: xx", "Target language: xx", "Customer language: xx", "Agent language: xx")
 * that are parsed here to decide what to answer.
 */
import { REPLIES, TRANSLATIONS, type ReplyLanguage } from './phrasebook';

export type Task = 'translate' | 'suggest' | 'other';

export interface IncomingMessage {
  role: string;
  content?: unknown;
}

/** The parts of a chat-completion request body the responder looks at. */
export interface ChatRequestLike {
  messages: IncomingMessage[];
  response_format?: unknown;
}

export interface Suggestion {
  reply: string;
  gloss: string;
}

export const SUGGESTION_SCHEMA_NAME = 'reply_suggestions';

/** Text of a message: a string, or the text parts of an array of content parts. */
export function messageText(message: IncomingMessage | undefined): string {
  const content = message?.content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part: unknown) =>
        part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string'
          ? (part as { text: string }).text
          : '',
      )
      .join('');
  }
  return '';
}

/** Value of a `Name: value` fact line in the system messages, if present. */
export function factLine(messages: IncomingMessage[], name: string): string | undefined {
  const system = messages.filter((m) => m.role === 'system' || m.role === 'developer').map(messageText).join('\n');
  const match = new RegExp(`^${name}:[ \\t]*(\\S+)[ \\t]*$`, 'im').exec(system);
  return match?.[1];
}

function isSuggestionFormat(responseFormat: unknown): boolean {
  const format = responseFormat as { type?: unknown; json_schema?: { name?: unknown } } | undefined;
  return format?.type === 'json_schema' && format.json_schema?.name === SUGGESTION_SCHEMA_NAME;
}

export function classify(request: ChatRequestLike): Task {
  const { messages } = request;
  if (isSuggestionFormat(request.response_format)) return 'suggest';
  if (factLine(messages, 'Customer language') && factLine(messages, 'Agent language')) return 'suggest';
  if (factLine(messages, 'Target language')) return 'translate';
  return 'other';
}

/** 32-bit FNV-1a hash: stable across runs and platforms. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

function marked(from: string, to: string, text: string): string {
  return `[${from}→${to}] ${text}`;
}

/**
 * Translation: the phrasebook entry for the exact (trimmed) text, or one of the stock replies in
 * another language, else a clearly marked pseudo-translation `[source→target] text`.
 */
export function translate(text: string, source: string | undefined, target: string): string {
  const trimmed = text.trim();
  const entry = Object.hasOwn(TRANSLATIONS, trimmed) ? TRANSLATIONS[trimmed] : undefined;
  const known = entry && Object.hasOwn(entry, target) ? entry[target] : undefined;
  if (known) return known;
  for (const reply of REPLIES) {
    if (Object.values(reply).includes(trimmed) && Object.hasOwn(reply, target)) return reply[target as ReplyLanguage];
  }
  const from = !source || source === 'unknown' ? '?' : source;
  return marked(from, target, trimmed);
}

function inLanguage(reply: Record<ReplyLanguage, string>, language: string): string {
  return Object.hasOwn(reply, language) ? reply[language as ReplyLanguage] : marked('en', language, reply.en);
}

/**
 * Three suggestions for a conversation: replies in the customer's language, glosses in the agent's
 * language. Which replies (and their order) depends on a hash of the transcript, so a new message
 * usually changes them while the same conversation always gets the same ones.
 */
export function suggest(transcript: string, customerLanguage: string, agentLanguage: string): Suggestion[] {
  const order = REPLIES.map((_, i) => i);
  let seed = hashString(transcript);
  for (let i = order.length - 1; i > 0; i--) {
    seed = hashString(`${seed}:${i}`);
    const j = seed % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, 3).map((index) => {
    const reply = REPLIES[index]!;
    return { reply: inLanguage(reply, customerLanguage), gloss: inLanguage(reply, agentLanguage) };
  });
}

/** The assistant's answer to a chat-completion request, and which task it was. */
export function respond(request: ChatRequestLike): { task: Task; content: string } {
  const { messages } = request;
  const users = messages.filter((m) => m.role === 'user');
  const lastUser = messageText(users.at(-1));
  const task = classify(request);
  if (task === 'translate') {
    const content = translate(lastUser, factLine(messages, 'Source language'), factLine(messages, 'Target language')!);
    return { task, content };
  }
  if (task === 'suggest') {
    const customer = factLine(messages, 'Customer language') ?? 'en';
    const agent = factLine(messages, 'Agent language') ?? 'en';
    const transcript = users.map(messageText).join('\n');
    return { task, content: JSON.stringify({ suggestions: suggest(transcript, customer, agent) }) };
  }
  return { task, content: `Parley local model: ${Array.from(lastUser).slice(0, 80).join('')}` };
}

/**
 * Split an answer into small streaming pieces (a few words each; long unspaced runs such as
 * Japanese are cut every few characters). Joining the pieces gives back the text exactly.
 */
export function splitIntoChunks(text: string, wordsPerChunk = 3, maxChars = 12): string[] {
  const words = text.match(/\s*\S+\s*|\s+/g) ?? [];
  const chunks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) chunks.push(current.join(''));
    current = [];
  };
  for (const word of words) {
    const chars = Array.from(word);
    if (chars.length > maxChars) {
      flush();
      for (let i = 0; i < chars.length; i += maxChars) chunks.push(chars.slice(i, i + maxChars).join(''));
      continue;
    }
    current.push(word);
    if (current.length >= wordsPerChunk) flush();
  }
  flush();
  return chunks;
}

/** Rough token count (about four characters a token), for `usage`. */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}
