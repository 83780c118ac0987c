import type { MarketProfile } from './market-profile';
import { marketPromptLines, type PromptKind } from './rules-prompt';

/**
 * A short, stable fingerprint of exactly what a market's rules put into one kind of prompt, for the
 * cache keys of model answers (the translation cache's `shaping`, the suggestion cache). It is made
 * from the prompt lines themselves, so it changes exactly when the prompt changes:
 * - another market's rules, the culture note, `enforcement`, `locked` and the meaning check never
 *   change it (they reach no prompt);
 * - a rule that a prompt kind does not use (an apology style, for outbound translations) does not
 *   change that kind's fingerprint;
 * - reordering a banned-phrase list or the glossary does not change it (rules-prompt sorts them).
 * Two markets with the same rules share a fingerprint, and rightly share cached answers.
 */

/** Bump when the prompt lines change wording, so answers cached under the old wording go stale. */
export const RULES_PROMPT_VERSION = 'market-rules-v1';

/** The fingerprint of "no market rules": answers written without any market. */
export const NO_RULES_FINGERPRINT = 'no-market-rules';

/** FNV-1a over UTF-16 units, 32 bits, with a chosen offset basis: two of them give 64 bits. */
function fnv1a(text: string, basis: number): number {
  let hash = basis;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const hex = (value: number) => value.toString(16).padStart(8, '0');

export function marketRulesFingerprint(market: MarketProfile | null, kind: PromptKind): string {
  const lines = marketPromptLines(market, kind);
  if (lines.length === 0) return NO_RULES_FINGERPRINT;
  const canonical = JSON.stringify([RULES_PROMPT_VERSION, kind, lines]);
  return `${RULES_PROMPT_VERSION}:${hex(fnv1a(canonical, 0x811c9dc5))}${hex(fnv1a(canonical, 0x050c5d1f))}`;
}
