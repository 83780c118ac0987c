import { answerJsonLines, stringField } from './json-lines';
import { FORMALITY_LANGUAGES, detectFormality, isFormalityLanguage } from '../../services/checks/formality/detect-formality';

/**
 * `cli formality`: one JSON object per input line, `{"text": "...", "lang": "de"}` (lang: a
 * language code or BCP-47 tag; "pt-BR" and "pt-PT" read "você" differently), answered by one line
 * `{"text", "formality": "formal" | "informal" | "neutral"}`. Blank lines are skipped. A line that
 * is not such an object, or names a language without formality rules, is reported through `fail`
 * (with its line number) and gets no output line.
 */
export function runFormality(lines: AsyncIterable<string>, write: (line: string) => void, fail: (message: string) => void): Promise<void> {
  return answerJsonLines(lines, write, fail, (value) => {
    const text = stringField(value, 'text');
    const lang = stringField(value, 'lang');
    if (text === null || lang === null) return { error: 'expected an object with a string "text" and a string "lang"' };
    const language = lang.trim().split(/[-_]/u)[0]!.toLowerCase();
    if (!isFormalityLanguage(language)) return { error: `no formality rules for "${lang}" (supported: ${FORMALITY_LANGUAGES.join(', ')})` };
    return { output: { text, formality: detectFormality(text, lang).formality } };
  });
}
