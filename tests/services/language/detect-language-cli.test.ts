import { describe, expect, it } from 'vitest';
import { runDetect } from '@/scripts/cli/detect';

async function* linesOf(...lines: string[]): AsyncIterable<string> {
  yield* lines;
}

async function run(lines: string[], options: Parameters<typeof runDetect>[3] = {}) {
  const written: string[] = [];
  const failures: string[] = [];
  await runDetect(linesOf(...lines), (line) => written.push(line), (message) => failures.push(message), options);
  return { output: written.map((line) => JSON.parse(line) as unknown), failures };
}

describe('cli detect (JSON Lines)', () => {
  it('answers each {"text"} line with {"text", "language", "confidence"}, in order', async () => {
    const { output, failures } = await run([
      JSON.stringify({ text: 'nao recebi meu pedido' }),
      JSON.stringify({ text: 'olá??' }),
      JSON.stringify({ text: '#40213 👍' }),
      JSON.stringify({ text: 'Де моя посилка?', id: 7 }),
    ]);
    expect(failures).toEqual([]);
    expect(output).toEqual([
      { text: 'nao recebi meu pedido', language: 'pt', confidence: 'high' },
      { text: 'olá??', language: 'pt', confidence: 'low' },
      { text: '#40213 👍', language: null, confidence: 'none' },
      { text: 'Де моя посилка?', language: 'uk', confidence: 'high' },
    ]);
  });

  it('skips blank lines and reports malformed ones by line number without stopping', async () => {
    const { output, failures } = await run(['', 'not json', JSON.stringify({ txt: 'x' }), 'null', JSON.stringify({ text: 'where is my order' })]);
    expect(failures).toEqual([
      'line 2: not JSON',
      'line 3: expected an object with a string "text"',
      'line 4: expected an object with a string "text"',
    ]);
    expect(output).toEqual([{ text: 'where is my order', language: 'en', confidence: 'high' }]);
  });

  it('restricts detection to the given candidates', async () => {
    const { output } = await run([JSON.stringify({ text: 'nao recebi meu pedido' })], { candidates: ['es', 'en'] });
    expect(output).toEqual([{ text: 'nao recebi meu pedido', language: expect.stringMatching(/^(es|en)$/), confidence: expect.any(String) }]);
  });
});
