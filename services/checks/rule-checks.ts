import type { MarketRules } from '@/services/markets/market-profile';
import { findPhrase, findWordStart, type PhraseMatch } from './find-phrase';

/**
 * The market rules checked by looking for words: emoji, banned phrases, required phrases and the
 * glossary. Each function returns what it found; run-checks.ts turns that into results.
 */

// ---------------------------------------------------------------------------------------------
// Emoji

/** Pictographs with their modifiers, joiners and variation selectors; ©, ® and ™ are not emoji here. */
const EMOJI = /(?:(?![©®™‼⁉])\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Emoji_Modifier}|\ufe0f|\u20e3|\u200d(?:(?![©®™])\p{Extended_Pictographic}))*/gu;
/** Text emoticons count too: ":)", ";-)", ":D", "^^", "^_^". */
const EMOTICON = /(?<![\p{L}\p{N}])(?:[:;]-?[)(DPp]|\^_?\^)(?![\p{L}\p{N}])/gu;

export function findEmoji(text: string): string[] {
  return [...(text.match(EMOJI) ?? []), ...(text.match(EMOTICON) ?? [])];
}

/** The text without emoji, with the spaces they leave behind tidied up. */
/** The text without emoji, each with the space before it (French spacing before "?" is left alone). */
const EMOJI_WITH_SPACE = new RegExp(`[ \\t]*(?:${EMOJI.source}|${EMOTICON.source})`, 'gu');

export function removeEmoji(text: string): string {
  return text
    .replace(EMOJI_WITH_SPACE, '')
    .replace(/^[ \t]+/gmu, '')
    .replace(/[ \t]{2,}/gu, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Banned and required phrases

export interface BannedPhraseFinding {
  phrase: string;
  reason: string;
  instead: string | null;
  match: PhraseMatch;
}

export function findBannedPhrases(text: string, rule: MarketRules['bannedPhrases']): BannedPhraseFinding[] {
  return rule.phrases.flatMap((banned) => {
    const match = findPhrase(text, banned.phrase);
    return match ? [{ phrase: banned.phrase, reason: banned.reason, instead: banned.instead, match }] : [];
  });
}

export interface MissingRequiredPhrase {
  phrase: string;
  /** The word that made the phrase required, when the rule has conditions. */
  trigger: string | null;
}

export function findMissingRequiredPhrases(text: string, rule: MarketRules['requiredPhrases']): MissingRequiredPhrase[] {
  return rule.phrases.flatMap((required) => {
    const trigger = required.whenMentioned.length === 0 ? null : required.whenMentioned.find((word) => findPhrase(text, word) !== null);
    if (trigger === undefined) return [];
    return findPhrase(text, required.phrase) ? [] : [{ phrase: required.phrase, trigger }];
  });
}

// ---------------------------------------------------------------------------------------------
// Glossary

export type GlossaryFinding =
  /** A term that must stay as written is in the draft but not, unchanged, in the reply. */
  | { kind: 'term-not-kept'; term: string }
  /** A term with a preferred translation is in the draft, and the reply does not use that translation. */
  | { kind: 'preferred-missing'; source: string; target: string };

/** Needs the draft the reply was translated from: without it, nothing says which terms should be there. */
export function checkGlossary(reply: string, draft: string, rule: MarketRules['glossary']): GlossaryFinding[] {
  return rule.entries.flatMap((entry): GlossaryFinding[] => {
    if (!findPhrase(draft, entry.source)) return [];
    if (entry.target === null) {
      return findPhrase(reply, entry.source, { caseSensitive: true }) ? [] : [{ kind: 'term-not-kept', term: entry.source }];
    }
    return findWordStart(reply, entry.target) ? [] : [{ kind: 'preferred-missing', source: entry.source, target: entry.target }];
  });
}
