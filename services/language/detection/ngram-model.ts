import type { SupportedLanguage } from '../supported-languages';
import { BYTE_CHARS, NGRAM_LANGUAGES, NGRAM_TABLE } from './eld-ngrams.generated';

/**
 * Byte n-gram scores, the method of eld (Efficient Language Detector, Nito T.M., Apache-2.0) on a
 * subset of its data (see generate-eld-ngrams.ts): each word's UTF-8 bytes are cut into 4-byte
 * windows with a stride of 3, the first marked with a leading space and the last with a trailing
 * one; every distinct n-gram adds its stored score + 53 to each language that has it. A language
 * without the n-gram gets nothing for it, which is what separates close languages.
 */

export type NgramLanguage = (typeof NGRAM_LANGUAGES)[number];

export interface NgramScores {
  /** Sum of (score + 53) over the text's distinct n-grams, per language. */
  readonly totals: ReadonlyMap<NgramLanguage, number>;
  /** Distinct n-grams in the text (found in the data or not). */
  readonly ngramCount: number;
}

/** eld stores scores minus this floor, to keep its database small. */
const BASE_NGRAM_SCORE = 53;
/** eld reads at most this many characters. */
const MAX_TEXT = 1000;
const MAX_WORD_BYTES = 70;

interface Table {
  /** n-gram → (offset into `entries` << 4) | number of entries. */
  index: Map<string, number>;
  /** Pairs of (language index, stored score): eld's scores are 0–207, so they fit a byte. */
  entries: Uint8Array;
}

let table: Table | null = null;

/** Value of a base-36 digit character ('0'–'9', 'a'–'z'). */
function base36Digit(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}

/** Parsed on first use, not at import: the service worker starts without paying for it. */
function loadTable(): Table {
  if (table) return table;
  const index = new Map<string, number>();
  // Each score takes 3 characters of the table and 2 bytes here: the table's length is a safe bound.
  const entries = new Uint8Array(NGRAM_TABLE.length);
  let used = 0;
  let lineStart = 0;
  while (lineStart < NGRAM_TABLE.length) {
    let lineEnd = NGRAM_TABLE.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = NGRAM_TABLE.length;
    const tab = NGRAM_TABLE.indexOf('\t', lineStart);
    const offset = used;
    for (let i = tab + 1; i + 3 <= lineEnd; i += 3) {
      entries[used++] = NGRAM_TABLE.charCodeAt(i) - 97;
      entries[used++] =
        base36Digit(NGRAM_TABLE.charCodeAt(i + 1)) * 36 + base36Digit(NGRAM_TABLE.charCodeAt(i + 2));
    }
    index.set(NGRAM_TABLE.slice(lineStart, tab), (offset << 4) | ((used - offset) / 2));
    lineStart = lineEnd + 1;
  }
  table = { index, entries: entries.slice(0, used) };
  return table;
}

/** Runs of non-letters, except those ending in an apostrophe ("don't", "l'adresse" stay one word). */
const SEPARATORS = /[^\p{L}]+(?<!['`’])/gu;

/** A word as eld spells it: ASCII as is, every other UTF-8 byte as its BYTE_CHARS character. */
function encodeWord(word: string): string {
  let encoded = '';
  for (const char of word) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) encoded += char;
    else if (code < 0x800) encoded += BYTE_CHARS[(0xc0 | (code >> 6)) - 0x80]! + BYTE_CHARS[(code & 0x3f)]!;
    else if (code < 0x10000)
      encoded += BYTE_CHARS[(0xe0 | (code >> 12)) - 0x80]! + BYTE_CHARS[(code >> 6) & 0x3f]! + BYTE_CHARS[code & 0x3f]!;
    else
      encoded +=
        BYTE_CHARS[(0xf0 | (code >> 18)) - 0x80]! +
        BYTE_CHARS[(code >> 12) & 0x3f]! +
        BYTE_CHARS[(code >> 6) & 0x3f]! +
        BYTE_CHARS[code & 0x3f]!;
  }
  return encoded;
}

/** The words of a text, lower-cased, split the way eld splits them. */
export function ngramWords(text: string): string[] {
  return text
    .slice(0, MAX_TEXT)
    .replace(SEPARATORS, ' ')
    .trim()
    .toLowerCase()
    .split(' ')
    .filter((word) => word !== '');
}

function ngramsOf(words: readonly string[]): Set<string> {
  const ngrams = new Set<string>();
  for (const word of words) {
    const bytes = encodeWord(word);
    const length = Math.min(bytes.length, MAX_WORD_BYTES);
    let j = 0;
    for (; j + 4 < length; j += 3) ngrams.add((j === 0 ? ' ' : '') + bytes.substring(j, j + 4));
    ngrams.add((j === 0 ? ' ' : '') + bytes.substring(length !== 3 ? length - 4 : 0, length) + ' ');
  }
  return ngrams;
}

const LANGUAGE_INDEX = new Map<string, number>(NGRAM_LANGUAGES.map((code, index) => [code, index]));

export function hasNgramModel(language: SupportedLanguage): language is NgramLanguage {
  return LANGUAGE_INDEX.has(language);
}

/** eld's scores for `languages` (those without n-gram data are left out) over the given words. */
export function ngramScores(words: readonly string[], languages: readonly NgramLanguage[]): NgramScores {
  const { index, entries } = loadTable();
  const sums = new Float64Array(NGRAM_LANGUAGES.length);
  const ngrams = ngramsOf(words);
  for (const ngram of ngrams) {
    const packed = index.get(ngram);
    if (packed === undefined) continue;
    const start = packed >> 4;
    const end = start + (packed & 0xf) * 2;
    for (let i = start; i < end; i += 2) sums[entries[i]!]! += entries[i + 1]! + BASE_NGRAM_SCORE;
  }
  const totals = new Map<NgramLanguage, number>();
  for (const language of languages) totals.set(language, sums[LANGUAGE_INDEX.get(language)!]!);
  return { totals, ngramCount: ngrams.size };
}
