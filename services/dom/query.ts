/**
 * Querying with selector alternatives: every adapter describes an element by a list of selectors,
 * one per markup variant it has evidence for (see each adapter's selectors.ts).
 *
 * Two kinds of query, chosen per use:
 * - by priority (`queryFirst`, `queryAllFirst`): the first alternative that matches wins. Right when
 *   alternatives go from specific to generic and a generic one could match another element.
 * - as one selector list (`queryAny`, `queryAllAny`): one walk of the DOM for all alternatives. Right
 *   on hot paths where the alternatives describe the same element, because by priority an
 *   alternative that matches nothing walks the whole subtree again, on every read.
 */

const selectorLists = new WeakMap<readonly string[], string>();

function selectorList(alternatives: readonly string[]): string {
  let list = selectorLists.get(alternatives);
  if (list === undefined) {
    list = alternatives.join(',');
    selectorLists.set(alternatives, list);
  }
  return list;
}

/** The first element matching the first alternative that matches anything. */
export function queryFirst(root: ParentNode, alternatives: readonly string[]): Element | null {
  for (const selector of alternatives) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** All elements matching the first alternative that matches anything, in document order. */
export function queryAllFirst(root: ParentNode, alternatives: readonly string[]): Element[] {
  for (const selector of alternatives) {
    const found = root.querySelectorAll(selector);
    if (found.length > 0) return Array.from(found);
  }
  return [];
}

/** The first element, in document order, matching any alternative (one walk). */
export function queryAny(root: ParentNode, alternatives: readonly string[]): Element | null {
  return alternatives.length === 0 ? null : root.querySelector(selectorList(alternatives));
}

/**
 * Every element matching any alternative, in document order (one walk). A NodeList, not an array:
 * copying thousands of messages into an array on every read costs more than the query.
 */
export function queryAllAny(root: ParentNode, alternatives: readonly string[]): NodeListOf<Element> | readonly Element[] {
  return alternatives.length === 0 ? [] : root.querySelectorAll(selectorList(alternatives));
}

/** Whether `element` matches any alternative (one `matches` call). */
export function matchesAny(element: Element, alternatives: readonly string[]): boolean {
  return alternatives.length > 0 && element.matches(selectorList(alternatives));
}
