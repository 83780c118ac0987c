/**
 * The loop every `cli` command shares: one JSON value per input line, blank lines skipped, and a
 * line that is not JSON, or that `answer` refuses (by returning a message in `{ error }`), reported
 * through `fail` with its line number and given no output line.
 */
export type LineAnswer = { output: unknown } | { error: string };

export async function answerJsonLines(
  lines: AsyncIterable<string>,
  write: (line: string) => void,
  fail: (message: string) => void,
  answer: (value: unknown) => LineAnswer,
): Promise<void> {
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      fail(`line ${lineNumber}: not JSON`);
      continue;
    }
    const result = answer(value);
    if ('error' in result) fail(`line ${lineNumber}: ${result.error}`);
    else write(JSON.stringify(result.output));
  }
}

/** The string field `name` of a parsed line, when the line is an object that has one. */
export function stringField(value: unknown, name: string): string | null {
  const field = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
  return typeof field === 'string' ? field : null;
}

export const NEEDS_TEXT = 'expected an object with a string "text"';
