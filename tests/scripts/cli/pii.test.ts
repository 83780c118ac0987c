import { describe, expect, it } from 'vitest';
import { runPii } from '@/scripts/cli/pii';

async function* linesOf(...lines: string[]): AsyncIterable<string> {
  yield* lines;
}

async function run(lines: string[]) {
  const written: string[] = [];
  const failures: string[] = [];
  await runPii(linesOf(...lines), (line) => written.push(line), (message) => failures.push(message));
  return { output: written.map((line) => JSON.parse(line) as unknown), failures };
}

describe('cli pii (JSON Lines)', () => {
  it('answers each {"text"} line with {"text", "masked", "found"}, in order', async () => {
    const { output, failures } = await run([
      JSON.stringify({ text: 'Schreiben Sie an lena@example.de oder rufen Sie +49 151 23456789 an.' }),
      JSON.stringify({ text: 'Where is my order #40213?', id: 7 }),
      JSON.stringify({ text: 'Meu CPF é 123.456.789-09' }),
    ]);
    expect(failures).toEqual([]);
    expect(output).toEqual([
      {
        text: 'Schreiben Sie an lena@example.de oder rufen Sie +49 151 23456789 an.',
        masked: 'Schreiben Sie an [EMAIL_1] oder rufen Sie [PHONE_1] an.',
        found: [
          { kind: 'email', value: 'lena@example.de' },
          { kind: 'phone', value: '+49 151 23456789' },
        ],
      },
      { text: 'Where is my order #40213?', masked: 'Where is my order #40213?', found: [] },
      { text: 'Meu CPF é 123.456.789-09', masked: 'Meu CPF é [ID_1]', found: [{ kind: 'national-id', value: '123.456.789-09' }] },
    ]);
  });

  it('skips blank lines and reports malformed ones by line number without stopping', async () => {
    const { output, failures } = await run(['', 'not json', JSON.stringify({ txt: 'x' }), 'null', '  ', JSON.stringify({ text: 'IP 10.0.0.1' })]);
    expect(failures).toEqual([
      'line 2: not JSON',
      'line 3: expected an object with a string "text"',
      'line 4: expected an object with a string "text"',
    ]);
    expect(output).toEqual([{ text: 'IP 10.0.0.1', masked: 'IP [IP_1]', found: [{ kind: 'ip', value: '10.0.0.1' }] }]);
  });
});
