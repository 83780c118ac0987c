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
export async function runDetect(
  lines: AsyncIterable<string>,
  write: (line: string) => void,
  fail: (message: string) => void,
  options: DetectCommandOptions = {},
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
    const { language, confidence } = detectLanguage(text, { candidates: options.candidates });
    write(JSON.stringify({ text, language, confidence }));
  }
}
