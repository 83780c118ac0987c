import { answerJsonLines, NEEDS_TEXT, stringField } from './json-lines';
import { detectInjection } from '../../services/safety/detect-injection';

/**
 * `cli injection`: one JSON object per input line, `{"text": "..."}`, answered by one line
 * `{"text", "injection", "reasons"}` (injection true when the text tries to instruct the model;
 * reasons from INJECTION_REASONS, empty when it does not). Blank lines are skipped. A line that is
 * not such an object is reported through `fail` (with its line number) and gets no output line.
 */
export function runInjection(lines: AsyncIterable<string>, write: (line: string) => void, fail: (message: string) => void): Promise<void> {
  return answerJsonLines(lines, write, fail, (value) => {
    const text = stringField(value, 'text');
    if (text === null) return { error: NEEDS_TEXT };
    const { injection, reasons } = detectInjection(text);
    return { output: { text, injection, reasons } };
  });
}
