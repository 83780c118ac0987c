/**
 * Finding a lead's phrase in a reply the way a reader would: regardless of case, curly or straight
 * apostrophes and line breaks, and as whole words in scripts that separate words ("Sie" is not
 * found in "Sieben"), as plain text in those that do not (Chinese, Japanese, Thai).
 */

export interface PhraseMatch {
  start: number;
  end: number;
  /** The words as the reply has them. */
  text: string;
}

/** Scripts without spaces between words: a phrase is found anywhere in them. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

const prepare = (text: string) => text.normalize('NFC').replace(/[’ʼ‘`´]/gu, "'");
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** Compiled phrases; a lead's list is small and stable, so this stays small too. */
const compiled = new Map<string, RegExp>();
const MAX_COMPILED = 2000;

function patternFor(phrase: string, caseSensitive: boolean): RegExp {
  const key = `${caseSensitive ? 'c' : 'i'}\u0000${phrase}`;
  let pattern = compiled.get(key);
  if (!pattern) {
    const prepared = prepare(phrase.trim());
    const body = prepared.split(/\s+/u).map(escape).join('\\s+');
    const first = prepared[0] ?? '';
    const last = prepared[prepared.length - 1] ?? '';
    const open = WORD_CHARACTER.test(first) && !UNSPACED.test(first) ? '(?<![\\p{L}\\p{N}])' : '';
    const close = WORD_CHARACTER.test(last) && !UNSPACED.test(last) ? '(?![\\p{L}\\p{N}])' : '';
    pattern = new RegExp(`${open}${body}${close}`, caseSensitive ? 'u' : 'iu');
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(key, pattern);
  }
  return pattern;
}

/** The first occurrence of `phrase` in `text`, or null. NFC keeps indices of composed text. */
export function findPhrase(text: string, phrase: string, options: { caseSensitive?: boolean } = {}): PhraseMatch | null {
  if (phrase.trim() === '') return null;
  const prepared = prepare(text);
  const match = patternFor(phrase, options.caseSensitive ?? false).exec(prepared);
  return match ? { start: match.index, end: match.index + match[0].length, text: match[0] } : null;
}

/**
 * A preferred translation is found at the start of a word, so inflected and compound forms count
 * ("Erstattungen" for "Erstattung"); a form inside a compound ("Rückerstattung") does not.
 */
export function findWordStart(text: string, term: string): PhraseMatch | null {
  const prepared = prepare(text);
  const body = prepare(term.trim()).split(/\s+/u).map(escape).join('\\s+');
  const open = UNSPACED.test(term) ? '' : '(?<![\\p{L}\\p{N}])';
  const match = new RegExp(`${open}${body}`, 'iu').exec(prepared);
  return match ? { start: match.index, end: match.index + match[0].length, text: match[0] } : null;
}
