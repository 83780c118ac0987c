import { INVISIBLE_CHARACTERS, normaliseLines, readBlockText } from '@/services/dom/block-text';

/**
 * What the agent sees in the composer: a textarea's value, or a rich editor's text with each paragraph
 * (and <br> line) on its own line and whitespace inside each line collapsed. Empty lines are dropped.
 */
export function readComposerText(element: HTMLElement): string {
  if (element.tagName === 'TEXTAREA' || element.tagName === 'INPUT') {
    return normaliseLines((element as HTMLTextAreaElement | HTMLInputElement).value.split(/\r\n|\r|\n/));
  }
  return readBlockText(element);
}

/** One-line form used to compare what was inserted with what the composer shows, whatever the line breaks. */
export function flattenForComparison(text: string): string {
  return text.replace(INVISIBLE_CHARACTERS, '').replace(/\s+/g, ' ').trim();
}
