import { answerJsonLines, NEEDS_TEXT, stringField } from './json-lines';
import { detectLanguage } from '../../services/language/detect-language';
import type { SupportedLanguage } from '../../services/language/supported-languages';

export interface DetectCommandOptions {
  /** The shop's languages; default: all supported. */
  candidates?: readonly SupportedLanguage[];
}

/**
 * `cli detect`: one JSON object per input line, `{"text": "..."}`, answered by one line
 * `{"text", "language", "confidence"}` (language a BCP-47 tag such as "pt", or null when nothing in
 * the text carries language). Blank lines are skipped. A line that is not such an object is
 * reported through `fail` (with its line number) and gets no output line.
 */
export function runDetect(
  lines: AsyncIterable<string>,
  write: (line: string) => void,
  fail: (message: string) => void,
  options: DetectCommandOptions = {},
): Promise<void> {
  return answerJsonLines(lines, write, fail, (value) => {
    const text = stringField(value, 'text');
    if (text === null) return { error: NEEDS_TEXT };
    const { language, confidence } = detectLanguage(text, { candidates: options.candidates });
    return { output: { text, language, confidence } };
  });
}
