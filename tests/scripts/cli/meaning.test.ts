import { describe, expect, it } from 'vitest';
import { runMeaning } from '@/scripts/cli/meaning';

async function* linesOf(...lines: string[]): AsyncIterable<string> {
  yield* lines;
}

async function run(lines: string[]) {
  const written: string[] = [];
  const failures: string[] = [];
  await runMeaning(linesOf(...lines), (line) => written.push(line), (message) => failures.push(message));
  return { output: written.map((line) => JSON.parse(line) as unknown), failures };
}

const pair = (source: string, translation: string) => JSON.stringify({ source_lang: 'en', source, target_lang: 'de', translation });

describe('cli meaning (JSON Lines)', () => {
  it('answers each pair with {"faithful", "issues"}, in order', async () => {
    const { output, failures } = await run([
      pair('We refunded €1,299.00 on 12 May.', 'Wir haben am 12. Mai 1.299,00 € erstattet.'),
      pair('We refunded €1,299.00 on 12 May.', 'Wir haben am 12. Mai 1.290,00 € erstattet.'),
      pair('The item is not in stock.', 'Der Artikel ist auf Lager.'),
    ]);
    expect(failures).toEqual([]);
    expect(output).toEqual([
      { faithful: true, issues: [] },
      {
        faithful: false,
        issues: [{ kind: 'amount', expected: '€1,299.00', found: '1.290,00 €', message: 'Amount changed: the draft says €1,299.00, the translation says 1.290,00 €.' }],
      },
      {
        faithful: false,
        issues: [{ kind: 'negation', expected: '1', found: '0', message: 'A negation was lost: the draft negates 1 statement(s) ("not"), the translation 0.' }],
      },
    ]);
  });

  it('skips blank lines and reports malformed ones by line number without stopping', async () => {
    const { output, failures } = await run(['', '{', JSON.stringify({ source_lang: 'en', source: 'x', target_lang: 'de' }), pair('Hi', 'Hallo')]);
    expect(failures).toEqual([
      'line 2: not JSON',
      'line 3: expected an object with string fields "source_lang", "source", "target_lang", "translation" (missing or not a string: translation)',
    ]);
    expect(output).toEqual([{ faithful: true, issues: [] }]);
  });
});
