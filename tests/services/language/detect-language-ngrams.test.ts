import { eld } from 'eld/large';
import { describe, expect, it } from 'vitest';
import { NGRAM_LANGUAGES } from '@/services/language/detection/eld-ngrams.generated';
import { ngramScores, ngramWords } from '@/services/language/detection/ngram-model';
import { loadChatMessages, udhrFragments } from '@/tests/fixtures/language/messages/eval-sets';

/**
 * Parley ships a subset of eld's 'large' n-gram database, re-encoded, and its own copy of eld's
 * scoring. Both must stay faithful to eld: among the same languages, they pick what eld picks.
 */
describe('n-gram model (eld subset)', () => {
  it('ranks like eld restricted to the same languages, on every evaluation message', () => {
    const instance = eld.newInstance();
    instance.setLanguageSubset(NGRAM_LANGUAGES.map((code) => (code === 'id' ? 'ms' : code)));
    const texts = [...loadChatMessages(), ...udhrFragments({ minWords: 3, maxWords: 6, perLanguage: 40 })]
      .filter((item) => (NGRAM_LANGUAGES as readonly string[]).includes(item.language))
      .map((item) => item.text);
    expect(texts.length).toBeGreaterThan(1000);

    const disagreements = texts.filter((text) => {
      const { totals } = ngramScores(ngramWords(text), NGRAM_LANGUAGES);
      let best = '';
      let bestScore = 0;
      for (const [language, score] of totals) {
        if (score > bestScore) [best, bestScore] = [language, score];
      }
      const theirs = instance.detect(text).language;
      return best !== (theirs === 'ms' ? 'id' : theirs);
    });
    expect(disagreements).toEqual([]);
  });

  it('scores nothing for words no language has, and counts the distinct n-grams', () => {
    const { totals, ngramCount } = ngramScores(ngramWords('qxz qxz'), ['en', 'de']);
    expect(ngramCount).toBe(1);
    expect([...totals.values()]).toEqual([0, 0]);
    const hallo = ngramScores(ngramWords('Hallo!'), ['de', 'en']);
    expect(hallo.ngramCount).toBe(2); // " hall" and "allo "
    expect(hallo.totals.get('de')).toBeGreaterThan(hallo.totals.get('en')!);
  });
});
