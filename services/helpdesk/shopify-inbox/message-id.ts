/**
 * Message ids for Shopify Inbox, whose markup carries none (the GraphQL data has ids, the DOM does not: notes).
 *
 * Why not the row's `index`: Shopify Inbox's message list is an inverted virtualised list (E: a public scraper
 * orders rows by descending `index`; index 0 is the newest message). Every new message shifts every index by one,
 * and loading older history would shift them the other way, so an index names a position, not a message.
 *
 * The id is therefore a hash of what the row shows and never changes for a given message: its clock time and its
 * text (`si-` + 53-bit hash). A row re-mounted after scrolling, or a recycled cell showing the message again,
 * gets the same id. Two messages showing the same clock time and the same text (a "?" sent twice in one minute,
 * or the same words at the same minute on two days) share the hash; the later ones get `-2`, `-3`… in
 * chronological order among the rows on screen. If the earlier twin scrolls out of view, the later one takes its
 * id: the two have the same text, so the translation shown under it is the right one; what can be lost is only
 * one of two identical lines in the accumulated history.
 *
 * Kept free of `@/` imports: the dev helpdesk page bundles it to answer `appendCustomerMessage` with the id.
 */
import { hash53 } from '../stable-hash';

export { hash53 };

/** The part of the id that depends on the message alone. */
export function messageKey(clockTime: string, text: string): string {
  return `si-${hash53(`${clockTime}\n${text}`)}`;
}

/** Ids for messages in chronological order: the key, then `-2`, `-3`… for repeats of a key. */
export function assignMessageIds(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}-${count}`;
  });
}

/** "10:32 AM", "10.32am", "下午 3:05" → one spelling, so spacing or case differences never change an id. */
export function normaliseClockTime(time: string): string {
  return time.replace(/\s+/g, '').replace(/\./g, ':').toUpperCase();
}
