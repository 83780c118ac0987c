/**
 * `npx tsx scripts/bench/lang-conversations.ts`: conversation language and regional variant on
 * the hand-written support conversations in tests/fixtures/language/conversations/, dev and
 * held-out splits, next to a baseline run in the same process: franc on each message, restricted
 * to Parley's supported languages, majority vote over the conversation, no variants.
 * Figures only: a benchmark, not a test; it asserts nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { franc } from 'franc';
import { conversationLanguageFromMessages, type LanguageHints } from '../../services/language/conversation-state';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../../services/language/supported-languages';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/language/conversations/', import.meta.url));

interface Conversation {
  id: string;
  kind: string;
  split: 'dev' | 'held-out';
  messages: string[];
  hints?: LanguageHints;
  expected: { language: SupportedLanguage; variant: string | null };
}

function loadConversations(): Conversation[] {
  const conversations: Conversation[] = [];
  for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith('.jsonl')).sort()) {
    const split = file.endsWith('.held-out.jsonl') ? 'held-out' : 'dev';
    for (const line of readFileSync(FIXTURES + file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const parsed = JSON.parse(line) as Omit<Conversation, 'split'>;
      conversations.push({ ...parsed, split });
    }
  }
  return conversations;
}

const FRANC_ONLY = SUPPORTED_LANGUAGES.map((language) => language.franc);
const FROM_FRANC = new Map<string, SupportedLanguage>(SUPPORTED_LANGUAGES.map((l) => [l.franc, l.code]));

/** The baseline: franc per message (its default 10-character minimum), most votes wins, ties to the earliest vote. */
function francMajority(messages: readonly string[]): SupportedLanguage | null {
  const votes = new Map<SupportedLanguage, number>();
  for (const message of messages) {
    const language = FROM_FRANC.get(franc(message, { only: FRANC_ONLY }));
    if (language) votes.set(language, (votes.get(language) ?? 0) + 1);
  }
  let best: SupportedLanguage | null = null;
  for (const [language, count] of votes) if (best === null || count > votes.get(best)!) best = language;
  return best;
}

interface Result {
  conversation: Conversation;
  tag: string | null;
  language: SupportedLanguage | null;
  variant: string | null;
  confidence: string;
  baseline: SupportedLanguage | null;
}

function run(conversation: Conversation): Result {
  const state = conversationLanguageFromMessages(conversation.messages, conversation.hints);
  return {
    conversation,
    tag: state.tag,
    language: state.language,
    variant: state.variant,
    confidence: state.confidence,
    baseline: francMajority(conversation.messages),
  };
}

const languageRight = (r: Result) => r.language === r.conversation.expected.language;
const variantRight = (r: Result) => r.variant === r.conversation.expected.variant;
const baselineRight = (r: Result) => r.baseline === r.conversation.expected.language;

function ratio(results: readonly Result[], right: (r: Result) => boolean): string {
  if (results.length === 0) return '—';
  const hits = results.filter(right).length;
  return `${hits}/${results.length} ${((100 * hits) / results.length).toFixed(1).padStart(5)}%`;
}

const pad = (text: string, width: number) => text.padEnd(width);
const COLUMNS: Array<[string, number]> = [
  ['group', 24],
  ['n', 4],
  ['language: Parley', 18],
  ['language: franc vote', 21],
  ['variant, marker in text', 24],
  ['variant, hint only', 19],
  ['stays base language', 20],
];

function row(group: string, results: readonly Result[]): string {
  const withVariant = results.filter((r) => r.conversation.expected.variant !== null);
  const cells = [
    group,
    String(results.length),
    ratio(results, languageRight),
    ratio(results, baselineRight),
    ratio(withVariant.filter((r) => r.conversation.kind !== 'hint'), variantRight),
    ratio(withVariant.filter((r) => r.conversation.kind === 'hint'), variantRight),
    ratio(results.filter((r) => r.conversation.expected.variant === null), variantRight),
  ];
  return cells.map((cell, index) => pad(cell, COLUMNS[index]![1])).join(' ').trimEnd();
}

const VARIANT_ORDER = ['pt-BR', 'pt-PT', 'es-ES', 'es-419', 'fr-FR', 'fr-CA', 'zh-Hans', 'zh-Hant', 'en-US', 'en-GB'];
const KIND_ORDER = ['none', 'switch', 'quote', 'short-start', 'other'];
const KIND_LABELS: Record<string, string> = {
  none: 'no marker, no hint',
  switch: 'customer switches',
  quote: 'quotes another language',
  'short-start': 'starts with hi/ok',
  other: 'other languages',
};

function table(split: Conversation['split'], results: readonly Result[]): string[] {
  const lines = [`${split} (${results.length} conversations)`];
  lines.push(COLUMNS.map(([title, width]) => pad(title, width)).join(' ').trimEnd());
  for (const variant of VARIANT_ORDER) {
    lines.push(row(variant, results.filter((r) => r.conversation.expected.variant === variant)));
  }
  for (const kind of KIND_ORDER) {
    const group = results.filter((r) => r.conversation.kind === kind);
    if (group.length > 0) lines.push(row(KIND_LABELS[kind] ?? kind, group));
  }
  lines.push(row('all', results));
  return lines;
}

function main() {
  const results = loadConversations().map(run);
  const out: string[] = [
    'Conversation language and variant: Parley (conversation state, all 20 supported languages as candidates)',
    'next to the baseline (franc per message restricted to the same 20 languages, majority vote; no variants).',
    "Variant columns: right variant where the conversation carries a marker / only a hint; 'stays base': no variant claimed where none is knowable.",
    '',
  ];
  for (const split of ['dev', 'held-out'] as const) {
    out.push(...table(split, results.filter((r) => r.conversation.split === split)), '');
  }
  const misses = results.filter((r) => !languageRight(r) || !variantRight(r));
  out.push(`Misses (${misses.length}):`);
  for (const r of misses) {
    const expected = r.conversation.expected.variant ?? r.conversation.expected.language;
    out.push(`  ${r.conversation.split.padEnd(8)} ${r.conversation.id.padEnd(20)} expected ${expected.padEnd(8)} got ${String(r.tag).padEnd(8)} (${r.confidence})`);
  }
  console.log(out.join('\n'));
}

main();
