/** Elements that start a new line of text in a rich-text composer. */
const BLOCK_TAGS = new Set(['BLOCKQUOTE', 'BR', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'OL', 'P', 'PRE', 'UL']);

/** Zero-width characters editors leave behind (CKEditor's inline filler is U+2060 repeated). */
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff]/g;

/**
 * What the agent sees in the composer: a textarea's value, or a rich editor's text with each paragraph
 * (and <br> line) on its own line and whitespace inside each line collapsed. Empty lines are dropped.
 */
export function readComposerText(element: HTMLElement): string {
  if (element.tagName === 'TEXTAREA' || element.tagName === 'INPUT') {
    return normaliseLines((element as HTMLTextAreaElement | HTMLInputElement).value.split(/\r\n|\r|\n/));
  }

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
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') return;
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) breakLine();
    for (const child of Array.from(node.childNodes)) visit(child);
    if (isBlock) breakLine();
  };
  for (const child of Array.from(element.childNodes)) visit(child);
  breakLine();
  return normaliseLines(lines);
}

function normaliseLines(lines: string[]): string {
  return lines
    .map((line) => line.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** One-line form used to compare what was inserted with what the composer shows, whatever the line breaks. */
export function flattenForComparison(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
