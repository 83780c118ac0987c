import { FORMALITY_LANGUAGES, detectFormality, isFormalityLanguage } from '../../services/checks/formality/detect-formality';

/**
 * `cli formality`: one JSON object per input line, `{"text": "...", "lang": "de"}` (lang: a
 * language code or BCP-47 tag; "pt-BR" and "pt-PT" read "você" differently), answered by one line
 * `{"text", "formality": "formal" | "informal" | "neutral"}`. Blank lines are skipped. A line that
 * is not such an object, or names a language without formality rules, is reported through `fail`
 * (with its line number) and gets no output line.
 */
export async function runFormality(
  lines: AsyncIterable<string>,
  write: (line: string) => void,
  fail: (message: string) => void,
): Promise<void> {
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let parsed: { text?: unknown; lang?: unknown } | null;
    try {
      parsed = JSON.parse(line) as { text?: unknown; lang?: unknown } | null;
    } catch {
      fail(`line ${lineNumber}: not JSON`);
      continue;
    }
    const text = parsed?.text;
    const lang = parsed?.lang;
    if (typeof text !== 'string' || typeof lang !== 'string') {
      fail(`line ${lineNumber}: expected an object with a string "text" and a string "lang"`);
      continue;
    }
    const language = lang.trim().split(/[-_]/u)[0]!.toLowerCase();
    if (!isFormalityLanguage(language)) {
      fail(`line ${lineNumber}: no formality rules for "${lang}" (supported: ${FORMALITY_LANGUAGES.join(', ')})`);
      continue;
    }
    write(JSON.stringify({ text, formality: detectFormality(text, lang).formality }));
  }
}
