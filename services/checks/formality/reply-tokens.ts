/**
 * A reply cut into words for the formality rules: each word with its position, its lower-case
 * form, whether it is capitalised and whether it opens a sentence (the German "Sie", Italian
 * "Lei" and Polish "Pani" mean something else there than mid-sentence).
 */

export interface ReplyToken {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** First word of the text, of a sentence, of a line, or after a colon. */
  sentenceStart: boolean;
  capitalised: boolean;
}

const WORD = /[\p{L}\p{M}]+/gu;
const SENTENCE_END = /[.!?…:\n\r。！？]/u;
/** Skipped when looking back for a sentence end: opening quotes, brackets, bullets, spaces. */
const SKIPPED_BEFORE = /[\s"'«»„“”‘’()[\]¿¡*•·–—-]/u;

/** URLs and e-mail addresses carry no address form ("u" in a path, "du" in a domain): blanked out. */
const URL_OR_EMAIL = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu;

export function blankUrlsAndEmails(text: string): string {
  return text.replace(URL_OR_EMAIL, (match) => ' '.repeat(match.length));
}

function opensSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const char = text[i]!;
    if (SENTENCE_END.test(char)) return true;
    if (!SKIPPED_BEFORE.test(char) && !/\p{N}/u.test(char)) return false;
  }
  return true;
}

export function tokenizeReply(text: string, locale?: string): ReplyToken[] {
  const tokens: ReplyToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index;
    const lower = locale ? word.toLocaleLowerCase(locale) : word.toLowerCase();
    tokens.push({
      text: word,
      lower,
      start,
      end: start + word.length,
      sentenceStart: opensSentence(text, start),
      capitalised: word[0] !== lower[0],
    });
  }
  return tokens;
}
