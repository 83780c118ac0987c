import { answerJsonLines, NEEDS_TEXT, stringField } from './json-lines';
import { maskPersonalData } from '../../services/privacy/mask-personal-data';

/**
 * `cli pii`: one JSON object per input line, `{"text": "..."}`, answered by one line
 * `{"text", "masked", "found": [{"kind", "value"}]}` (masked: the text with personal data replaced by
 * placeholders such as "[EMAIL_1]"; found: every occurrence, in text order). Blank lines are skipped.
 * A line that is not such an object is reported through `fail` (with its line number) and gets no
 * output line.
 */
export function runPii(lines: AsyncIterable<string>, write: (line: string) => void, fail: (message: string) => void): Promise<void> {
  return answerJsonLines(lines, write, fail, (value) => {
    const text = stringField(value, 'text');
    if (text === null) return { error: NEEDS_TEXT };
    const { masked, found } = maskPersonalData(text);
    return { output: { text, masked, found: found.map(({ kind, value: data }) => ({ kind, value: data })) } };
  });
}
