import { readBlockText } from '@/services/dom/block-text';
import { matchesAny } from '@/services/dom/query';
import { MESSAGE_NOISE } from './selectors';

/**
 * The author's own text of a message body: quoted history, buttons, icons and timestamps left out,
 * whitespace collapsed inside each paragraph, paragraphs (and <br> lines) joined with "\n".
 */
export function readMessageText(content: Element): string {
  return readBlockText(content, (element) => matchesAny(element, MESSAGE_NOISE));
}
