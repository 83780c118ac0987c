import { answerJsonLines, stringField } from './json-lines';
import { checkMeaning } from '../../services/checks/meaning/check-meaning';

/**
 * `cli meaning`: one JSON object per input line,
 * `{"source_lang": "en", "source": "...", "target_lang": "de", "translation": "..."}`, answered by one
 * line `{"faithful": true|false, "issues": [{"kind", "expected", "found"?, "message"}]}`: the facts of
 * the source (amounts, currencies, numbers, percentages, dates, times, order ids, URLs, e-mail
 * addresses, placeholders, negations) the translation changed, dropped or added. Blank lines are
 * skipped; a malformed line is reported through `fail` (with its line number) and gets no output line.
 */
const FIELDS = ['source_lang', 'source', 'target_lang', 'translation'] as const;

export function runMeaning(lines: AsyncIterable<string>, write: (line: string) => void, fail: (message: string) => void): Promise<void> {
  return answerJsonLines(lines, write, fail, (value) => {
    const [sourceLang, source, targetLang, translation] = FIELDS.map((field) => stringField(value, field));
    const missing = FIELDS.filter((field) => stringField(value, field) === null);
    if (missing.length > 0) {
      return { error: `expected an object with string fields ${FIELDS.map((f) => `"${f}"`).join(', ')} (missing or not a string: ${missing.join(', ')})` };
    }
    const result = checkMeaning({ sourceLang: sourceLang!, source: source!, targetLang: targetLang!, translation: translation! });
    return {
      output: {
        faithful: result.faithful,
        issues: result.issues.map(({ kind, expected, found, message }) => ({ kind, expected, ...(found !== undefined ? { found } : {}), message })),
      },
    };
  });
}
