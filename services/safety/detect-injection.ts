/**
 * Flags customer messages that try to instruct the model (prompt injection), so Parley can warn the
 * agent and tell the model not to follow them. The message is still translated: a flag is a
 * warning, not a block, which is why precision on ordinary support messages matters more than
 * catching every attack ("please ignore my previous message" must never be flagged).
 *
 * How it works:
 * 1. Hidden characters (hidden-characters.ts): tag characters, bidi controls, runs of zero-width
 *    characters, variation-selector payloads. Text smuggled in tag characters or variation
 *    selectors is decoded and checked like the visible text.
 * 2. The text is folded (fold-text.ts: hidden characters out, NFKC, no Latin accents, look-alike
 *    letters) and read by phrase rules per reason and language (injection-rules.ts).
 *
 * Limits: these are phrase rules, not a model. Paraphrases outside the listed wordings, languages
 * without rules, spaced-out or encoded (base64, leetspeak) instructions and text in images are not
 * caught; see tests/services/safety/detect-injection.test.ts for what is.
 */
import { foldText, originalSlice, type FoldedText } from './fold-text';
import { scanHiddenCharacters } from './hidden-characters';
import { AI_ADDRESS, INJECTION_RULES, type InjectionRule, type RuleContext } from './injection-rules';

export { stripHiddenCharacters } from './hidden-characters';

export const INJECTION_REASONS = [
  'override-instructions',
  'role-change',
  'fake-role-line',
  'prompt-leak',
  'special-tokens',
  'hidden-characters',
  'output-hijack',
] as const;

export type InjectionReason = (typeof INJECTION_REASONS)[number];

export interface InjectionCheck {
  injection: boolean;
  /** In the order of INJECTION_REASONS, each at most once. */
  reasons: InjectionReason[];
  /** The evidence, short excerpts */
  evidence: string[];
}

/** Evidence excerpts are cut to this many characters. */
const EXCERPT_LENGTH = 80;
/** At most this many evidence lines per message, and per reason. */
const MAX_EVIDENCE = 8;
const EVIDENCE_PER_REASON = 2;

function excerpt(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > EXCERPT_LENGTH ? `${clean.slice(0, EXCERPT_LENGTH - 1)}…` : clean;
}

function contextFor(text: string): RuleContext {
  let addresses: boolean | undefined;
  return {
    text,
    addressesAi: () => (addresses ??= AI_ADDRESS.some((pattern) => pattern.test(text))),
  };
}

const WORD_CHARACTER_BEFORE = /[\p{L}\p{N}_]$/u;

/** Whether `index` starts a word (what a leading \b would say, for every script). */
function startsWord(text: string, index: number): boolean {
  return index === 0 || !WORD_CHARACTER_BEFORE.test(text.slice(Math.max(0, index - 2), index));
}

/** The first match of a rule that starts a word (when it must) and that its `accept` check (if any) lets through. */
function firstAcceptedMatch(rule: InjectionRule, context: RuleContext): RegExpExecArray | null {
  const { pattern } = rule;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(context.text); match; match = pattern.exec(context.text)) {
    // Not a word start, or an empty match: go on from the next character (a whole code point, for the `u` flag).
    const next = match.index + ((context.text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1);
    if (rule.wordStart && !startsWord(context.text, match.index)) {
      pattern.lastIndex = next;
      continue;
    }
    if (match[0] === '') pattern.lastIndex = next;
    if (!rule.accept || rule.accept(match, context)) return match;
  }
  return null;
}

/** Runs the rules on one text; found reasons and their excerpts are added to `found`. */
function readPhrases(original: string, folded: FoldedText, found: Map<InjectionReason, string[]>, evidencePrefix = ''): void {
  const context = contextFor(folded.folded);
  for (const rule of INJECTION_RULES) {
    const evidence = found.get(rule.reason) ?? [];
    // Enough said for this reason: the remaining rules would only add evidence (and time).
    if (evidence.length >= EVIDENCE_PER_REASON) continue;
    const match = firstAcceptedMatch(rule, context);
    if (!match || (rule.when && !rule.when(context))) continue;
    const line = evidencePrefix + excerpt(originalSlice(original, folded, match.index, match.index + match[0].length));
    if (!evidence.includes(line)) evidence.push(line);
    found.set(rule.reason, evidence);
  }
}

export function detectInjection(text: string): InjectionCheck {
  const found = new Map<InjectionReason, string[]>();

  const hidden = scanHiddenCharacters(text);
  if (hidden.suspicious) found.set('hidden-characters', hidden.evidence);

  readPhrases(text, foldText(text), found);
  for (const payload of hidden.payloads) readPhrases(payload, foldText(payload), found, 'hidden text: ');

  const reasons = INJECTION_REASONS.filter((reason) => found.has(reason));
  const evidence = reasons.flatMap((reason) => found.get(reason)!).slice(0, MAX_EVIDENCE);
  return { injection: reasons.length > 0, reasons, evidence };
}
