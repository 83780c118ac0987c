/**
 * Reads a batch translation answer while it streams: `{"translations":[{"id":"1","text":"…"}, …]}`
 * arrives a few characters at a time, and each item's text is shown as soon as its first words are
 * there. A hand-written scanner, because a JSON parser needs the whole document, and a lenient one
 * so models that wrap the JSON in a code fence or put keys in another order still work.
 */

export interface StreamedItem {
  id: string | null;
  /** The text so far (the whole text once `complete`). */
  text: string;
  /** The item's object is closed: its text is final. */
  complete: boolean;
}

export interface StreamedTranslations {
  items: StreamedItem[];
  /** The translations array is closed. */
  finished: boolean;
}

export function parseStreamedTranslations(raw: string): StreamedTranslations {
  const scanner = new Scanner(raw);
  const items: StreamedItem[] = [];
  const keyAt = raw.search(/"translations"\s*:\s*\[/);
  if (keyAt < 0) return { items, finished: false };
  scanner.position = raw.indexOf('[', keyAt) + 1;

  for (;;) {
    scanner.skip(/[\s,]/);
    const char = scanner.peek();
    if (char === undefined) return { items, finished: false };
    if (char === ']') return { items, finished: true };
    if (char !== '{') return { items, finished: false };
    scanner.position++;
    const item: StreamedItem = { id: null, text: '', complete: false };
    items.push(item);
    for (;;) {
      scanner.skip(/[\s,]/);
      const next = scanner.peek();
      if (next === undefined) return { items, finished: false };
      if (next === '}') {
        scanner.position++;
        item.complete = true;
        break;
      }
      const key = scanner.string();
      if (!key.closed) return { items, finished: false };
      scanner.skip(/\s/);
      if (scanner.peek() !== ':') return { items, finished: false };
      scanner.position++;
      scanner.skip(/\s/);
      if (scanner.peek() === '"') {
        const value = scanner.string();
        if (key.value === 'id') {
          if (!value.closed) return { items, finished: false };
          item.id = value.value;
        } else if (key.value === 'text') item.text = value.value;
        if (!value.closed) return { items, finished: false };
      } else {
        // A number id, or a value Parley does not use.
        const literal = scanner.literal();
        if (literal === null) return { items, finished: false };
        if (key.value === 'id') item.id = literal;
      }
    }
  }
}

class Scanner {
  position = 0;
  constructor(private readonly text: string) {}

  peek(): string | undefined {
    return this.text[this.position];
  }

  skip(pattern: RegExp) {
    while (this.position < this.text.length && pattern.test(this.text[this.position]!)) this.position++;
  }

  /** A JSON string starting at the current quote; when cut off, what it says so far. */
  string(): { value: string; closed: boolean } {
    if (this.peek() !== '"') return { value: '', closed: false };
    const start = ++this.position;
    let escaped = false;
    for (; this.position < this.text.length; this.position++) {
      const char = this.text[this.position];
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') {
        const body = this.text.slice(start, this.position++);
        return { value: decode(body), closed: true };
      }
    }
    // Cut off: drop a trailing incomplete escape (`\` or `\u12`) before decoding.
    const body = this.text.slice(start).replace(/\\(u[0-9a-fA-F]{0,3})?$/, '');
    return { value: decode(body), closed: false };
  }

  /** A number/true/false/null, as text; null when it may still be growing. */
  literal(): string | null {
    const match = /^[^\s,}\]]+/.exec(this.text.slice(this.position));
    if (!match) return null;
    const end = this.position + match[0].length;
    if (end >= this.text.length) return null;
    this.position = end;
    return match[0];
  }
}

function decode(body: string): string {
  try {
    return JSON.parse(`"${body}"`) as string;
  } catch {
    // A control character the model should have escaped: keep the text as it is.
    return body.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  }
}
