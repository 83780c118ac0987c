import { MESSAGE_NOISE, matchesAny } from './selectors';

/** Elements that start a new line of text (paragraph-like). */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/** Zero-width characters CKEditor and mail clients leave in bodies (inline filler, joiners). */
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff]/g;

/**
 * The author's own text of a message body: quoted history, buttons, icons and timestamps left out,
 * whitespace collapsed inside each paragraph, paragraphs (and <br> lines) joined with "\n".
 * Reads the live DOM without touching it.
 */
export function readMessageText(content: Element): string {
  const lines: string[] = [];
  let current = '';
  const breakLine = () => {
    lines.push(current);
    current = '';
  };

  const visit = (node: Node) => {
    if (node.nodeType === 3 /* TEXT_NODE */) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) return;
    const element = node as Element;
    if (matchesAny(element, MESSAGE_NOISE)) return;
    const isBlock = BLOCK_TAGS.has(element.tagName.toUpperCase());
    if (isBlock) breakLine();
    for (const child of Array.from(element.childNodes)) visit(child);
    if (isBlock) breakLine();
  };

  for (const child of Array.from(content.childNodes)) visit(child);
  breakLine();

  return lines
    .map((line) => line.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
