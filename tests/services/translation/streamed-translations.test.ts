import { describe, expect, it } from 'vitest';
import { parseStreamedTranslations } from '@/services/translation/streamed-translations';

const WHOLE = JSON.stringify({
  translations: [
    { id: '1', text: 'Hello, "quoted" and a\nnew line' },
    { id: '2', text: 'Zweite Übersetzung ✓' },
  ],
});

describe('parseStreamedTranslations', () => {
  it('reads every prefix of a streamed answer without throwing, and ends with the whole answer', () => {
    let previous = '';
    for (let end = 0; end <= WHOLE.length; end++) {
      const { items } = parseStreamedTranslations(WHOLE.slice(0, end));
      const first = items[0];
      if (first && first.id === '1') {
        // The text only ever grows.
        expect(first.text.startsWith(previous) || previous.startsWith(first.text.slice(0, previous.length))).toBe(true);
        previous = first.text;
      }
    }
    expect(parseStreamedTranslations(WHOLE)).toEqual({
      finished: true,
      items: [
        { id: '1', text: 'Hello, "quoted" and a\nnew line', complete: true },
        { id: '2', text: 'Zweite Übersetzung ✓', complete: true },
      ],
    });
  });

  it('marks an item complete only when its object closes, with its partial text before', () => {
    const cut = WHOLE.slice(0, WHOLE.indexOf('Zweite') + 4);
    const { items, finished } = parseStreamedTranslations(cut);
    expect(finished).toBe(false);
    expect(items[0]).toMatchObject({ id: '1', complete: true });
    expect(items[1]).toEqual({ id: '2', text: 'Zwei', complete: false });
  });

  it('does not show half an escape sequence', () => {
    const raw = '{"translations":[{"id":"1","text":"caf\\u00';
    expect(parseStreamedTranslations(raw).items[0]!.text).toBe('caf');
    expect(parseStreamedTranslations('{"translations":[{"id":"1","text":"a\\').items[0]!.text).toBe('a');
  });

  it('accepts a code fence around the JSON, numeric ids and keys in another order', () => {
    const raw = '```json\n{"translations": [ {"text": "Hi", "id": 7} ]}\n```';
    expect(parseStreamedTranslations(raw)).toEqual({ finished: true, items: [{ id: '7', text: 'Hi', complete: true }] });
  });

  it('finds nothing in prose or an empty answer', () => {
    expect(parseStreamedTranslations('Sure! Here is the translation: Hello')).toEqual({ items: [], finished: false });
    expect(parseStreamedTranslations('')).toEqual({ items: [], finished: false });
  });
});
