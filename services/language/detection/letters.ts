import type { SupportedLanguage } from '../supported-languages';

/**
 * Letters that only some of the alphabetic (Latin- or Cyrillic-script) languages use. One "ñ" or "ł" in a two-word message
 * says more than any n-gram statistics can: "o Galaxy Buds não conecta" has Spanish-looking
 * n-grams, but "ã" is Portuguese (or Vietnamese), never Spanish.
 *
 * Letters every language uses with accents (é, á, í, ó, ú) are left out: they point nowhere.
 */
const OWNERS: ReadonlyArray<[string, readonly SupportedLanguage[]]> = [
  ['ñ¿¡', ['es']],
  ['ãõ', ['pt', 'vi']],
  ['ç', ['pt', 'fr', 'tr']],
  ['ığş', ['tr']],
  ['ąęłńśźżć', ['pl']],
  ['ß', ['de']],
  ['å', ['sv']],
  ['ä', ['de', 'sv']],
  ['ö', ['de', 'sv', 'tr']],
  ['ü', ['de', 'tr']],
  ['œûî', ['fr']],
  ['ëï', ['fr', 'nl']],
  ['ê', ['fr', 'pt', 'vi']],
  ['ô', ['fr', 'pt', 'vi']],
  ['â', ['fr', 'pt', 'vi', 'tr']],
  ['èù', ['fr', 'it', 'vi']],
  ['à', ['fr', 'it', 'pt', 'vi']],
  ['ìò', ['it', 'vi']],
  // Vietnamese: its own letters and every vowel with a tone mark below or a hook above.
  ['ơưđăĩũỳỹ\u1EA0-\u1EF9', ['vi']],
  // Cyrillic: the letters one of Russian and Ukrainian has and the other lacks.
  ['іїєґ', ['uk']],
  ['ыэъё', ['ru']],
];

const LETTER_OWNERS = new Map<string, readonly SupportedLanguage[]>();
for (const [letters, owners] of OWNERS) {
  for (const letter of letters.replace(/(.)-(.)/gu, (_, from: string, to: string) => {
    let range = '';
    for (let code = from.codePointAt(0)!; code <= to.codePointAt(0)!; code++) range += String.fromCodePoint(code);
    return range;
  })) {
    LETTER_OWNERS.set(letter, owners);
  }
}

/**
 * Letter evidence per language: each distinct telling letter in the (lower-cased, NFC) text adds
 * 1 / (number of candidate languages using it) to each of them. Distinct letters, not occurrences:
 * a long word full of "ü" is one clue, not ten.
 */
export function letterScores(text: string, languages: readonly SupportedLanguage[]): Map<SupportedLanguage, number> {
  const scores = new Map<SupportedLanguage, number>(languages.map((language) => [language, 0]));
  const seen = new Set<string>();
  for (const char of text.toLowerCase()) {
    if (seen.has(char)) continue;
    seen.add(char);
    const owners = LETTER_OWNERS.get(char)?.filter((owner) => scores.has(owner));
    if (!owners || owners.length === 0) continue;
    for (const owner of owners) scores.set(owner, scores.get(owner)! + 1 / owners.length);
  }
  return scores;
}
