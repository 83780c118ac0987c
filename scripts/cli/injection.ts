import { detectInjection } from '../../services/safety/detect-injection';

/**
 * `cli injection`: one JSON object per input line, `{"text": "..."}`, answered by one line
 * `{"text", "injection", "reasons"}` (injection true when the text tries to instruct the model;
 * reasons from INJECTION_REASONS, empty when it does not). Blank lines are skipped. A line that is
 * not such an object is reported through `fail` (with its line number) and gets no output line.
 */
export async function runInjection(
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
    const { injection, reasons } = detectInjection(text);
    write(JSON.stringify({ text, injection, reasons }));
  }
}
