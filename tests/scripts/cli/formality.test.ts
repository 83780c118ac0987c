import { describe, expect, it } from 'vitest';
import { runFormality } from '@/scripts/cli/formality';

async function* linesOf(...lines: string[]): AsyncIterable<string> {
  yield* lines;
}

async function run(lines: string[]) {
  const written: string[] = [];
  const failures: string[] = [];
  await runFormality(linesOf(...lines), (line) => written.push(line), (message) => failures.push(message));
  return { output: written.map((line) => JSON.parse(line) as unknown), failures };
}

describe('cli formality (JSON Lines)', () => {
  it('answers each {"text", "lang"} line with {"text", "formality"}, in order', async () => {
    const { output, failures } = await run([
      JSON.stringify({ text: 'Könnten Sie uns ein Foto schicken?', lang: 'de' }),
      JSON.stringify({ text: 'Tu peux m’envoyer une photo ?', lang: 'fr', id: 3 }),
      JSON.stringify({ text: 'Você pode acompanhar seu pedido.', lang: 'pt-BR' }),
      JSON.stringify({ text: 'Você pode acompanhar o seu pedido.', lang: 'pt-PT' }),
      JSON.stringify({ text: '注文番号：#40213', lang: 'ja' }),
    ]);
    expect(failures).toEqual([]);
    expect(output).toEqual([
      { text: 'Könnten Sie uns ein Foto schicken?', formality: 'formal' },
      { text: 'Tu peux m’envoyer une photo ?', formality: 'informal' },
      { text: 'Você pode acompanhar seu pedido.', formality: 'neutral' },
      { text: 'Você pode acompanhar o seu pedido.', formality: 'informal' },
      { text: '注文番号：#40213', formality: 'neutral' },
    ]);
  });

  it('skips blank lines and reports malformed ones and unknown languages by line number without stopping', async () => {
    const { output, failures } = await run(['', 'not json', JSON.stringify({ text: 'x' }), JSON.stringify({ text: 'Hi', lang: 'xx' }), JSON.stringify({ text: 'Danke dir!', lang: 'de' })]);
    expect(failures).toEqual([
      'line 2: not JSON',
      'line 3: expected an object with a string "text" and a string "lang"',
      'line 4: no formality rules for "xx" (supported: de, fr, es, pt, it, nl, pl, ru, tr, ja, ko, zh)',
    ]);
    expect(output).toEqual([{ text: 'Danke dir!', formality: 'informal' }]);
  });
});
