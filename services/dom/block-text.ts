/** Elements that start a new line of text (paragraph-like). */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1',
  'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/** Never text a reader sees. */
const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE']);

/** Zero-width characters editors and mail clients leave behind (CKEditor's inline filler is U+2060 repeated). */
export const INVISIBLE_CHARACTERS = /[\u200b\u200c\u200d\u2060\ufeff]/g;

/**
 * The text a reader sees in `root`: each paragraph (and <br> line) on its own line, whitespace
 * collapsed inside each line, empty lines dropped. `skip` leaves out whole subtrees (quoted history,
 * buttons…). Reads the live DOM without touching it.
 */
export function readBlockText(root: Element, skip?: (element: Element) => boolean): string {
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
    const tag = element.tagName.toUpperCase();
    if (NEVER_TEXT.has(tag) || skip?.(element)) return;
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) breakLine();
    for (const child of Array.from(element.childNodes)) visit(child);
    if (isBlock) breakLine();
  };
  for (const child of Array.from(root.childNodes)) visit(child);
  breakLine();
  return normaliseLines(lines);
}

export function normaliseLines(lines: string[]): string {
  return lines
    .map((line) => line.replace(INVISIBLE_CHARACTERS, '').replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
