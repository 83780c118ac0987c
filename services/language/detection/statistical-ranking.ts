import { francAll } from 'franc';
import { SUPPORTED_LANGUAGES, type SupportedLanguage } from '../supported-languages';
import { letterScores } from './letters';
import { lexiconScores, lexiconTokens } from './lexicon';
import { hasNgramModel, ngramScores, ngramWords, type NgramLanguage } from './ngram-model';

/**
 * Ranks the candidate languages of one alphabetic text (Latin or Cyrillic script) by four kinds of
 * evidence, summed per language:
 * - eld's byte n-grams (average score per n-gram of the text, / 100): the backbone, trained on far
 *   more text than franc and built for short input;
 * - the lexicon of frequent and support-chat words (see lexicon.ts);
 * - letters only some candidates use (see letters.ts);
 * - franc's trigram ranking among the candidates (1 for its best, less for the others), on
 *   near-ties only (see below).
 *
 * The weights were chosen on the dev split of the evaluation sets (tests/fixtures/language/messages):
 * with n-grams at 1, every lexicon weight from 0.1 to 0.3 and letter weight from 0 to 0.3 gave the
 * same chat accuracy; the middle of that plateau is used, so no weight sits on an edge. franc adds
 * little on chat messages; it is kept at a small weight as the tie-breaker between close languages
 * when the other evidence is even (it helps on longer text, where its statistics are good).
 */
const WEIGHTS = { ngram: 1, lexicon: 0.2, letters: 0.2, franc: 0.1 } as const;

/**
 * Softmax temperature turning evidence into a probability-like `score`: 0.04 gave the least
 * log-loss of the true language on the dev split (chat and UDHR fragments; 0.03–0.05 were within
 * 5% of it, 0.1 was twice as bad).
 */
export const SOFTMAX_TEMPERATURE = 0.04;

const FRANC_CODE = new Map<SupportedLanguage, string>(SUPPORTED_LANGUAGES.map((l) => [l.code, l.franc]));
const FROM_FRANC_CODE = new Map<string, SupportedLanguage>(SUPPORTED_LANGUAGES.map((l) => [l.franc, l.code]));

export interface RankedLanguage {
  language: SupportedLanguage;
  evidence: number;
  /** Softmax of the evidence over the ranked languages: they sum to 1. */
  probability: number;
}

export interface Ranking {
  /** Best first; ties keep the caller's candidate order. */
  ranked: RankedLanguage[];
  /** Words in the text (as the lexicon counts them). */
  words: number;
}

/**
 * Ranks `languages` (all with n-gram data, i.e. Latin-script languages and ru/uk) for `text`,
 * which should hold only the letters of the script they are written in.
 */
export function rankLanguages(text: string, languages: readonly SupportedLanguage[]): Ranking {
  const modelled = languages.filter((language): language is NgramLanguage => hasNgramModel(language));
  const tokens = lexiconTokens(text);
  if (modelled.length === 0) return { ranked: [], words: tokens.length };

  const ngrams = ngramScores(ngramWords(text), modelled);
  const lexicon = lexiconScores(tokens, modelled);
  const letters = letterScores(text, modelled);
  const perNgram = 1 / Math.max(1, ngrams.ngramCount) / 100;
  const scored = modelled.map((language) => ({
    language,
    evidence:
      WEIGHTS.ngram * (ngrams.totals.get(language) ?? 0) * perNgram +
      WEIGHTS.lexicon * (lexicon.get(language) ?? 0) +
      WEIGHTS.letters * (letters.get(language) ?? 0),
  }));
  scored.sort((a, b) => b.evidence - a.evidence);

  // franc's term moves a language by at most WEIGHTS.franc: it can only reorder a near-tie, so it
  // is computed only then (it costs more than all the rest together).
  if (scored.length > 1 && scored[0]!.evidence - scored[1]!.evidence < WEIGHTS.franc) {
    const francCodes = modelled.map((language) => FRANC_CODE.get(language)!);
    // franc drops ASCII punctuation itself; drop the rest ("¿", "«", "„") too, it is not in its models.
    const franc = new Map(
      francAll(text.replace(/\p{P}/gu, ' '), { only: francCodes, minLength: 1 }).map(([code, score]) => [FROM_FRANC_CODE.get(code), score]),
    );
    for (const entry of scored) entry.evidence += WEIGHTS.franc * (franc.get(entry.language) ?? 0);
  }
  // Stable sort: equal evidence keeps the candidate order.
  scored.sort((a, b) => b.evidence - a.evidence);
  const top = scored[0]!.evidence;
  const weights = scored.map(({ evidence }) => Math.exp((evidence - top) / SOFTMAX_TEMPERATURE));
  const sum = weights.reduce((total, weight) => total + weight, 0);
  return {
    ranked: scored.map((entry, index) => ({ ...entry, probability: weights[index]! / sum })),
    words: tokens.length,
  };
}
