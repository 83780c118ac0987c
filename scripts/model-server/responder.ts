/**
 * Deterministic answers of the local development/test model server (see README.md).
 * Pure functions: the same request always gives the same answer. Not used by the extension.
 *
 * The extension's prompts (services/model/prompts.ts) end their system message with fact lines
 * ("Source language: xx", "Target language: xx", "Customer language: xx", "Agent language: xx",
 * "Answer format: translations-json") that are parsed here to decide what to answer.
 */
import { REPLIES, TRANSLATIONS, type ReplyLanguage } from './phrasebook';
import { personaTranslation, practiceCustomer, practiceReview } from './practice-persona';

export type Task = 'translate' | 'outbound' | 'rewrite' | 'suggest' | 'practice' | 'review' | 'other';

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
export const BATCH_SCHEMA_NAME = 'batch_translations';
/** Value of the `Answer format:` fact line that asks for a batch of translations as JSON. */
export const BATCH_ANSWER_FORMAT = 'translations-json';

/** One item of a batched translation request (`{"messages":[{"id","text"}]}`) or answer (`{"translations":[…]}`). */
export interface BatchItem {
  id: string;
  text: string;
}

/** The assistant's answer to a request (see respond()). */
export interface Answer {
  task: Task;
  content: string;
  /** `json` when the request asked for a JSON answer (suggestions, batched translations), else `text`. */
  format: 'json' | 'text';
  /** Texts translated: the batch size, 1 for a single translation, 0 for other tasks. */
  items: number;
}

/** The request's content cannot be answered (e.g. a batch that is not `{"messages":[{"id","text"}]}`): a 400. */
export class BadRequestContent extends Error {
  constructor(
    message: string,
    readonly param = 'messages',
  ) {
    super(message);
    this.name = 'BadRequestContent';
  }
}

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

function schemaName(responseFormat: unknown): unknown {
  const format = responseFormat as { type?: unknown; json_schema?: { name?: unknown } | null } | null | undefined;
  return format?.type === 'json_schema' ? format.json_schema?.name : undefined;
}

/**
 * A batched translation request: an `Answer format: translations-json` fact line, or
 * `response_format.json_schema.name = "batch_translations"`.
 */
export function isBatchRequest(request: ChatRequestLike): boolean {
  return (
    factLine(request.messages, 'Answer format')?.toLowerCase() === BATCH_ANSWER_FORMAT ||
    schemaName(request.response_format) === BATCH_SCHEMA_NAME
  );
}

export function classify(request: ChatRequestLike): Task {
  const { messages } = request;
  if (isBatchRequest(request)) return 'translate';
  const format = factLine(messages, 'Answer format')?.toLowerCase();
  if (format === 'outbound-json') return 'outbound';
  if (format === 'rewrite-json') return 'rewrite';
  if (format === 'practice-customer-json') return 'practice';
  if (format === 'practice-review-json') return 'review';
  if (schemaName(request.response_format) === SUGGESTION_SCHEMA_NAME) return 'suggest';
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
  const persona = personaTranslation(trimmed, target);
  if (persona) return persona;
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

/** Which stock reply each rewrite style turns a reply into (see REPLIES): deterministic, and plausible for the style. */
const REWRITE_TARGET: Record<string, number> = { formal: 0, friendlier: 5, shorter: 4, apologetic: 1 };

/**
 * A rewrite: the stock reply that fits the style, in the customer's language, with its gloss. A reply
 * that already is that stock reply gets the next one, so a rewrite always changes the text.
 */
export function rewrite(reply: string, style: string, customerLanguage: string, agentLanguage: string): Suggestion {
  let index = REWRITE_TARGET[style] ?? 0;
  if (Object.values(REPLIES[index]!).includes(reply.trim())) index = (index + 1) % REPLIES.length;
  const chosen = REPLIES[index]!;
  return { reply: inLanguage(chosen, customerLanguage), gloss: inLanguage(chosen, agentLanguage) };
}

/** A string field of the user message's JSON object, or the whole message when it is not such JSON. */
function jsonField(content: string, field: string): string {
  try {
    const value = (JSON.parse(content) as Record<string, unknown> | null)?.[field];
    if (typeof value === 'string') return value;
  } catch {
    // plain text
  }
  return content;
}

const BATCH_SHAPE = 'the last user message must be a JSON object {"messages":[{"id":"1","text":"..."}, ...]} with string ids and texts';

/** Reads the `{"messages":[{"id","text"}]}` JSON of a batched translation request (extra keys are ignored). */
export function parseBatch(content: string): BatchItem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw new BadRequestContent(`Invalid batch translation request: ${BATCH_SHAPE}; it is not valid JSON.`);
  }
  const messages = (parsed as { messages?: unknown } | null)?.messages;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !Array.isArray(messages)) {
    throw new BadRequestContent(`Invalid batch translation request: ${BATCH_SHAPE}; "messages" is missing or not an array.`);
  }
  return messages.map((item: unknown, index) => {
    const { id, text } = (item ?? {}) as { id?: unknown; text?: unknown };
    if (!item || typeof item !== 'object' || typeof id !== 'string' || typeof text !== 'string') {
      throw new BadRequestContent(
        `Invalid batch translation request: ${BATCH_SHAPE}; messages[${index}] needs a string "id" and a string "text".`,
      );
    }
    return { id, text };
  });
}

/**
 * The assistant's answer to a chat-completion request, and which task it was.
 * Throws BadRequestContent for a batched translation whose user message is not the expected JSON.
 */
export function respond(request: ChatRequestLike): Answer {
  const { messages } = request;
  const users = messages.filter((m) => m.role === 'user');
  const lastUser = messageText(users.at(-1));
  const task = classify(request);
  if (task === 'translate') {
    const source = factLine(messages, 'Source language');
    const target = factLine(messages, 'Target language') ?? 'en';
    if (isBatchRequest(request)) {
      const batch = parseBatch(lastUser);
      const translations: BatchItem[] = batch.map(({ id, text }) => ({ id, text: translate(text, source, target) }));
      return { task, content: JSON.stringify({ translations }), format: 'json', items: batch.length };
    }
    return { task, content: translate(lastUser, source, target), format: 'text', items: 1 };
  }
  if (task === 'outbound') {
    const reply = jsonField(lastUser, 'reply');
    const source = factLine(messages, 'Source language');
    const target = factLine(messages, 'Target language') ?? 'en';
    return { task, content: JSON.stringify({ translation: translate(reply, source, target) }), format: 'json', items: 1 };
  }
  if (task === 'rewrite') {
    const customer = factLine(messages, 'Customer language') ?? 'en';
    const agent = factLine(messages, 'Agent language') ?? 'en';
    const style = factLine(messages, 'Rewrite style') ?? 'formal';
    return { task, content: JSON.stringify(rewrite(jsonField(lastUser, 'reply'), style, customer, agent)), format: 'json', items: 0 };
  }
  if (task === 'practice') {
    const answer = practiceCustomer(lastUser, factLine(messages, 'Scenario') ?? '', factLine(messages, 'Customer language') ?? 'en', factLine(messages, 'Difficulty') ?? 'normal');
    return { task, content: JSON.stringify(answer), format: 'json', items: 0 };
  }
  if (task === 'review') {
    const answer = practiceReview(lastUser, factLine(messages, 'Agent language') ?? 'en', factLine(messages, 'Resolved') === 'yes');
    return { task, content: JSON.stringify(answer), format: 'json', items: 0 };
  }
  if (task === 'suggest') {
    const customer = factLine(messages, 'Customer language') ?? 'en';
    const agent = factLine(messages, 'Agent language') ?? 'en';
    const transcript = users.map(messageText).join('\n');
    return { task, content: JSON.stringify({ suggestions: suggest(transcript, customer, agent) }), format: 'json', items: 0 };
  }
  return { task, content: `Parley local model: ${Array.from(lastUser).slice(0, 80).join('')}`, format: 'text', items: 0 };
}

/**
 * What the `malformed` fault answers instead: for a JSON answer, some prose and the JSON cut in the
 * middle (never valid JSON, with or without the prose); for a text answer, an empty text.
 */
export function malformedContent(answer: Pick<Answer, 'content' | 'format'>): string {
  if (answer.format === 'text') return '';
  const chars = Array.from(answer.content);
  const cut = chars.slice(0, Math.max(1, Math.floor(chars.length / 2))).join('');
  return `Sure! Here is the JSON you asked for:\n\n${cut}`;
}

/** The `alter-numbers` fault: the answer with every 4 and 9 swapped (49.90 € → 94.40 €), JSON left valid. */
export function alterNumbers(content: string): string {
  return content.replace(/[49]/g, (digit) => (digit === '4' ? '9' : '4'));
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
