import { checkMeaning } from '../../services/checks/meaning/check-meaning';

/**
 * `cli meaning`: one JSON object per input line,
 * `{"source_lang": "en", "source": "...", "target_lang": "de", "translation": "..."}`, answered by one
 * line `{"faithful": true|false, "issues": [{"kind", "expected", "found"?, "message"}]}`: the facts of
 * the source (amounts, currencies, numbers, percentages, dates, times, order ids, URLs, e-mail
 * addresses, placeholders, negations) the translation changed, dropped or added. Blank lines are
 * skipped; a malformed line is reported through `fail` (with its line number) and gets no output line.
 */
export async function runMeaning(
  lines: AsyncIterable<string>,
  write: (line: string) => void,
  fail: (message: string) => void,
): Promise<void> {
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let parsed: Record<string, unknown> | null;
    try {
      parsed = JSON.parse(line) as Record<string, unknown> | null;
    } catch {
      fail(`line ${lineNumber}: not JSON`);
      continue;
    }
    const fields = ['source_lang', 'source', 'target_lang', 'translation'] as const;
    const missing = fields.filter((field) => typeof parsed?.[field] !== 'string');
    if (!parsed || missing.length > 0) {
      fail(`line ${lineNumber}: expected an object with string fields ${fields.map((f) => `"${f}"`).join(', ')} (missing or not a string: ${missing.join(', ')})`);
      continue;
    }
    const result = checkMeaning({
      sourceLang: parsed.source_lang as string,
      source: parsed.source as string,
      targetLang: parsed.target_lang as string,
      translation: parsed.translation as string,
    });
    write(
      JSON.stringify({
        faithful: result.faithful,
        issues: result.issues.map(({ kind, expected, found, message }) => ({ kind, expected, ...(found !== undefined ? { found } : {}), message })),
      }),
    );
  }
}
