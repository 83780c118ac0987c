import { describe, expect, it } from 'vitest';
import { extractFacts, numberReadings } from '@/services/checks/meaning/extract-facts';

const facts = (text: string, lang: string) => extractFacts(text, lang).facts;

describe('numberReadings', () => {
  it('reads every locale’s grouping and decimals, keeping both readings of "1,299" and "1.299"', () => {
    expect(numberReadings('1,299.00', '.')).toEqual([1299]);
    expect(numberReadings('1.299,00', ',')).toEqual([1299]);
    expect(numberReadings('1 299,00', ',')).toEqual([1299]);
    expect(numberReadings('49,90', '.')).toEqual([49.9]);
    expect(numberReadings('1,299', '.')).toEqual([1299, 1.299]);
    expect(numberReadings('1.299', ',')).toEqual([1299, 1.299]);
    expect(numberReadings('1.234.567', ',')).toEqual([1234567]);
  });
});

describe('extractFacts', () => {
  it('reads each fact once, in text order, with its kind', () => {
    expect(facts('Order #40213: €1,299.00 refunded on 12 May 2024 at 2:30 pm, 15% off, see https://x.example/a.', 'en').map((f) => f.kind)).toEqual([
      'id', 'amount', 'date', 'time', 'percentage', 'url',
    ]);
  });

  it('reads CJK dates, times and amounts written against characters', () => {
    expect(facts('ご注文40213は2,450円です。2024年5月12日 午後5時30分', 'ja')).toEqual([
      { kind: 'id', text: '40213', value: '40213' },
      { kind: 'amount', text: '2,450円', values: [2450, 2.45], currency: 'JPY' },
      { kind: 'date', text: '2024年5月12日', readings: [{ year: 2024, month: 5, day: 12 }] },
      { kind: 'time', text: '午後5時30分', minutes: [1050] },
    ]);
  });

  it('does not take a price for a date, a range for a date, or "try 2 times" for Turkish lira', () => {
    expect(facts('It costs 12.50 and ships in 10-12 days. Please try 2 more times.', 'en').map((f) => f.kind)).toEqual(['number', 'number', 'number', 'number']);
  });

  it('keeps both readings of an ambiguous English date, one for a regional one', () => {
    expect(facts('on 05/12', 'en')[0]).toMatchObject({ readings: [{ month: 12, day: 5 }, { month: 5, day: 12 }] });
    expect(facts('on 05/12', 'en-US')[0]).toMatchObject({ readings: [{ month: 5, day: 12 }] });
    expect(facts('am 12.05.', 'de')[0]).toMatchObject({ kind: 'date', readings: [{ month: 5, day: 12 }] });
  });
});
