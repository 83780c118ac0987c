import { isIgnoredWhenMatching } from './hidden-characters';

/**
 * The text as the injection rules read it, so one spelling of each phrase is enough:
 * - lower case;
 * - hidden and format characters dropped ("ig\u200Bnore" reads "ignore");
 * - NFKC compatibility forms folded (fullwidth "ｉｇｎｏｒｅ", ligatures, "：" → ":");
 * - accents dropped from Latin letters ("précédentes" → "precedentes", "ś" → "s"; ł, ı and ß stay);
 * - Cyrillic ё → е; Arabic vowel marks and tatweel dropped, أ إ آ ٱ → ا and ى → ي;
 * - curly quotes → straight ones;
 * - Cyrillic and Greek look-alikes inside Latin words → Latin ("іgnоrе" with Cyrillic і, о, е).
 * Evidence is cut from the original text: `origin[k]` is the index in the original text of the
 * character that produced folded unit k.
 */
export interface FoldedText {
  folded: string;
  origin: number[];
}

/** Per code point; bounded by the characters messages use (a few thousand in practice). */
const foldCache = new Map<number, string>();

const LATIN_ACCENTS = /[\u0300-\u036f]/g;
const ARABIC_VOWEL_MARKS = /[\u064b-\u065f\u0670\u0640]/;
const CYRILLIC = /\p{Script=Cyrillic}/u;

const SPECIAL_FOLDS: Record<string, string> = {
  ё: 'е',
  Ё: 'Е',
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
};

function foldCodePoint(cp: number): string {
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  const char = String.fromCodePoint(cp);
  let folded: string;
  if (isIgnoredWhenMatching(cp) || ARABIC_VOWEL_MARKS.test(char)) folded = '';
  else if (SPECIAL_FOLDS[char] !== undefined) folded = SPECIAL_FOLDS[char]!;
  // Cyrillic й would lose its breve (и) like a Latin accent: Cyrillic is only NFKC-folded.
  else if (CYRILLIC.test(char)) folded = char.normalize('NFKC');
  else folded = char.normalize('NFKD').replace(LATIN_ACCENTS, '').normalize('NFC');
  // After the accents are gone (İ → I), lower-casing never needs context.
  folded = folded.toLowerCase();
  foldCache.set(cp, folded);
  return folded;
}

/** Cyrillic and Greek letters that look like Latin ones (lower case: the text is), used to dodge keyword filters. */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', χ: 'x',
};
const HAS_CYRILLIC_OR_GREEK = /[\u0370-\u04ff]/;
const WORD = /[\p{L}\p{M}]+/gu;
const LATIN = /\p{Script=Latin}/u;
const LOOK_ALIKE_CHARS = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'g');

/** Replaces look-alikes only in words that mix them with Latin letters (one character for one: `origin` stays valid). */
function foldMixedScriptWords(text: string): string {
  if (!HAS_CYRILLIC_OR_GREEK.test(text)) return text;
  return text.replace(WORD, (word) => {
    if (!LATIN.test(word) || !HAS_CYRILLIC_OR_GREEK.test(word)) return word;
    return word.replace(LOOK_ALIKE_CHARS, (char) => LOOK_ALIKES[char] ?? char);
  });
}

export function foldText(text: string): FoldedText {
  const parts: string[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      parts.push(unit >= 0x41 && unit <= 0x5a ? String.fromCharCode(unit + 32) : text[i]!);
      origin.push(i);
      continue;
    }
    const cp = text.codePointAt(i)!;
    const folded = foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) origin.push(i);
    parts.push(folded);
    if (cp > 0xffff) i++;
  }
  return { folded: foldMixedScriptWords(parts.join('')), origin };
}

/** The original text behind folded units [start, end). */
export function originalSlice(text: string, folded: FoldedText, start: number, end: number): string {
  if (end <= start) return '';
  const from = folded.origin[start] ?? 0;
  const last = folded.origin[end - 1] ?? from;
  const lastLength = (text.codePointAt(last) ?? 0) > 0xffff ? 2 : 1;
  return text.slice(from, last + lastLength);
}
