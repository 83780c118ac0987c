import { maskPersonalData } from '../../services/privacy/mask-personal-data';

/**
 * `cli pii`: one JSON object per input line, `{"text": "..."}`, answered by one line
 * `{"text", "masked", "found": [{"kind", "value"}]}` (masked: the text with personal data replaced by
 * placeholders such as "[EMAIL_1]"; found: every occurrence, in text order). Blank lines are skipped.
 * A line that is not such an object is reported through `fail` (with its line number) and gets no
 * output line.
 */
export async function runPii(
  lines: AsyncIterable<string>,
  write: (line: string) => void,
  fail: (message: string) => void,
): Promise<void> {
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let text: unknown;
    try {
      text = (JSON.parse(line) as { text?: unknown } | null)?.text;
    } catch {
      fail(`line ${lineNumber}: not JSON`);
      continue;
    }
    if (typeof text !== 'string') {
      fail(`line ${lineNumber}: expected an object with a string "text"`);
      continue;
    }
    const { masked, found } = maskPersonalData(text);
    write(JSON.stringify({ text, masked, found: found.map(({ kind, value }) => ({ kind, value })) }));
  }
}
