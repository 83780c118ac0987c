/**
 * `detect-conversation`: the language of whole conversations, as JSON Lines.
 *
 * In, one conversation per line (the customer's messages, oldest first):
 *   {"id": "t-1", "messages": ["Oi, tudo bem?", "Vocês entregam no sábado?"],
 *    "hints"?: {"helpdeskLocale"?: "pt-BR", "storefrontLocale"?: "pt-BR", "customerCountry"?: "BR"},
 *    "candidates"?: ["pt", "es", "en"]}
 * Out, one line per input line, in order:
 *   {"id": "t-1", "language": "pt-BR", "confidence": "high"}
 * `language` is a BCP-47 tag: the variant where there is evidence for one ("pt-BR", "zh-Hant"),
 * else the base language ("pt"); null when no message carries language. A line that cannot be
 * read gives {"id"?: ..., "error": "..."} and the next line is read. Blank lines are skipped.
 *
 * Run alone: npx tsx scripts/cli/detect-conversation.ts < conversations.jsonl
 */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { conversationLanguageFromMessages, type LanguageHints } from '../../services/language/conversation-state';
import { isSupportedLanguage, type SupportedLanguage } from '../../services/language/supported-languages';

const HINT_KEYS = ['helpdeskLocale', 'storefrontLocale', 'customerCountry'] as const;
const LINE_KEYS = new Set(['id', 'messages', 'hints', 'candidates']);

type ConversationId = string | number;

interface ConversationLine {
  id: ConversationId;
  messages: string[];
  hints?: LanguageHints;
  candidates?: SupportedLanguage[];
}

class LineError extends Error {
  constructor(
    message: string,
    readonly id?: ConversationId,
  ) {
    super(message);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseLine(line: string): ConversationLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new LineError(`not JSON: ${(error as Error).message}`);
  }
  if (!isRecord(value)) throw new LineError('a line must be a JSON object');

  const rawId = value.id;
  const id = typeof rawId === 'string' || (typeof rawId === 'number' && Number.isFinite(rawId)) ? rawId : undefined;
  const fail = (message: string): never => {
    throw new LineError(message, id);
  };
  if (id === undefined) fail('"id" must be a string or a number');

  const unknown = Object.keys(value).filter((key) => !LINE_KEYS.has(key));
  if (unknown.length > 0) fail(`unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);

  const { messages, hints, candidates } = value;
  if (!Array.isArray(messages) || !messages.every((message) => typeof message === 'string')) {
    fail('"messages" must be an array of strings');
  }

  let parsedHints: LanguageHints | undefined;
  if (hints !== undefined) {
    if (!isRecord(hints)) fail('"hints" must be an object');
    const hintRecord = hints as Record<string, unknown>;
    const unknownHints = Object.keys(hintRecord).filter((key) => !(HINT_KEYS as readonly string[]).includes(key));
    if (unknownHints.length > 0) fail(`unknown hint: ${unknownHints.join(', ')} (known: ${HINT_KEYS.join(', ')})`);
    parsedHints = {};
    for (const key of HINT_KEYS) {
      const hint = hintRecord[key];
      if (hint === undefined || hint === null) continue;
      if (typeof hint !== 'string') fail(`hint "${key}" must be a string`);
      parsedHints[key] = hint as string;
    }
  }

  let parsedCandidates: SupportedLanguage[] | undefined;
  if (candidates !== undefined) {
    if (!Array.isArray(candidates) || !candidates.every((code) => typeof code === 'string' && isSupportedLanguage(code))) {
      fail('"candidates" must be an array of supported language codes (e.g. ["pt", "es"])');
    }
    parsedCandidates = candidates as SupportedLanguage[];
  }

  return { id: id!, messages: messages as string[], hints: parsedHints, candidates: parsedCandidates };
}

/** Reads conversations as JSON Lines from `lines` and writes one JSON line per conversation to `write`. */
export async function runDetectConversation(lines: AsyncIterable<string>, write: (line: string) => void): Promise<void> {
  for await (const line of lines) {
    if (!line.trim()) continue;
    try {
      const conversation = parseLine(line);
      const state = conversationLanguageFromMessages(conversation.messages, conversation.hints, conversation.candidates);
      write(JSON.stringify({ id: conversation.id, language: state.tag, confidence: state.confidence }));
    } catch (error) {
      const id = error instanceof LineError ? error.id : undefined;
      const message = error instanceof Error ? error.message : String(error);
      write(JSON.stringify(id === undefined ? { error: message } : { id, error: message }));
    }
  }
}

const runAlone = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAlone) {
  await runDetectConversation(createInterface({ input: process.stdin, crlfDelay: Infinity }), (line) =>
    process.stdout.write(`${line}\n`),
  );
}
