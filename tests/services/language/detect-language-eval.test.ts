import { describe, expect, it } from 'vitest';
import { detectLanguage } from '@/services/language/detect-language';
import { loadChatMessages, udhrFragments, type EvalItem } from '@/tests/fixtures/language/messages/eval-sets';

/**
 * The targets, held on the dev split of the evaluation sets (the split the detector was
 * tuned on; `npm run bench:lang` reports the held-out split next to it). A change that costs
 * accuracy or makes 'high' less trustworthy fails here.
 */
const dev = (items: EvalItem[]) => items.filter((item) => item.split === 'dev');

function accuracy(items: readonly EvalItem[]) {
  const detections = items.map((item) => ({ item, detection: detectLanguage(item.text) }));
  const right = detections.filter(({ item, detection }) => detection.language === item.language);
  const high = detections.filter(({ detection }) => detection.confidence === 'high');
  const highRight = high.filter(({ item, detection }) => detection.language === item.language);
  return { accuracy: right.length / items.length, highPrecision: highRight.length / high.length, highShare: high.length / items.length };
}

describe('detectLanguage on the evaluation sets (dev split)', () => {
  const chat = dev(loadChatMessages());

  it('the chat set covers every supported language with 40+ messages, some of them one-word', () => {
    const perLanguage = new Map<string, number>();
    for (const item of loadChatMessages()) perLanguage.set(item.language, (perLanguage.get(item.language) ?? 0) + 1);
    expect(perLanguage.size).toBe(20);
    for (const count of perLanguage.values()) expect(count).toBeGreaterThanOrEqual(40);
    expect(chat.filter((item) => item.ambiguous).length).toBeGreaterThan(20);
  });

  it('is right on ≥ 98.5% of short chat messages, and ≥ 99% of its high-confidence answers', () => {
    const result = accuracy(chat.filter((item) => !item.ambiguous));
    expect(result.accuracy).toBeGreaterThanOrEqual(0.985);
    expect(result.highPrecision).toBeGreaterThanOrEqual(0.99);
    expect(result.highShare).toBeGreaterThan(0.9);
  });

  it('never gives high confidence on a one-word message ("ok", "hi", "danke")', () => {
    const oneWord = chat.filter((item) => item.ambiguous);
    expect(oneWord.filter((item) => detectLanguage(item.text).confidence === 'high').map((item) => item.text)).toEqual([]);
  });

  it('is right on ≥ 99.5% of 3–6 word UDHR fragments and ≥ 99.5% of 7–15 word ones', () => {
    const short = accuracy(dev(udhrFragments({ minWords: 3, maxWords: 6, perLanguage: 250 })));
    expect(short.accuracy).toBeGreaterThanOrEqual(0.995);
    expect(short.highPrecision).toBeGreaterThanOrEqual(0.99);
    const long = accuracy(dev(udhrFragments({ minWords: 7, maxWords: 15, perLanguage: 150 })));
    expect(long.accuracy).toBeGreaterThanOrEqual(0.995);
    expect(long.highPrecision).toBeGreaterThanOrEqual(0.99);
  });
});
