/** Elements that start a new line of text (paragraph-like), by local name. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1',
  'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

/** Never text a reader sees. */
const NEVER_TEXT = new Set(['script', 'style', 'template']);

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
    const tag = element.localName;
    if (NEVER_TEXT.has(tag) || skip?.(element)) return;
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) breakLine();
    // Sibling pointers, not Array.from(childNodes): this runs for every node of every message.
    for (let child = element.firstChild; child; child = child.nextSibling) visit(child);
    if (isBlock) breakLine();
  };
  for (let child = root.firstChild; child; child = child.nextSibling) visit(child);
  breakLine();
  return normaliseLines(lines);
}

export function normaliseLines(lines: string[]): string {
  return lines
    .map((line) => line.replace(INVISIBLE_CHARACTERS, '').replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
