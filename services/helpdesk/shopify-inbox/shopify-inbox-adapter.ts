import { isHtmlElement } from '@/services/dom/elements';
import type { ComposerTarget, HelpdeskAdapter, HelpdeskMessage, PageReading, ReadCache } from '@/services/helpdesk/types';
import { readThrough } from '@/services/helpdesk/types';
import { readBlockText } from '@/services/dom/block-text';
import { queryAllAny, queryAny, queryFirst } from '@/services/dom/query';
import { assignMessageIds, messageKey } from './message-id';
import { readRow, type RowReading } from './message-row';
import {
  COMPOSER,
  CONVERSATION_LINK,
  CONVERSATION_PATH,
  CONVERSATION_TITLE,
  INBOX_HOST,
  INBOX_PATH,
  LOADING,
  ROW_INDEX_ATTRIBUTE,
  SELECTED_CONVERSATION_LINK,
  VIRTUAL_ROW,
} from './selectors';

/**
 * Shopify Inbox (inbox.shopify.com), standalone or as the iframe inside admin.shopify.com/store/<slug>/apps/…:
 * the content script runs in the inbox frame, so this adapter only ever sees the inbox document.
 *
 * Reads the rows of the virtualised message list that are mounted right now; keeping rows that scrolled out of
 * view is the caller's job (the conversation accumulator), which is why ids must survive re-mounting
 * (message-id.ts explains how they do).
 */

interface Row {
  element: Element;
  index: number;
  reading: RowReading;
}

interface MessageList {
  /** The element whose children are the message rows (the list's content container). */
  container: Element;
  rows: Row[];
}

/** The conversation id in an inbox URL, or null for the list, settings, or another host. */
export function conversationIdFromUrl(url: URL): string | null {
  if (url.hostname.toLowerCase() !== INBOX_HOST) return null;
  return CONVERSATION_PATH.exec(url.pathname)?.[3] ?? null;
}

function matchesUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname.toLowerCase() === INBOX_HOST && INBOX_PATH.test(url.pathname);
}

function rowIndex(element: Element): number | null {
  const value = element.getAttribute(ROW_INDEX_ATTRIBUTE)?.trim() ?? '';
  return /^\d{1,7}$/.test(value) ? Number(value) : null;
}

/** Conversation ids the conversation list marks as open (empty when it marks none, or has no such marks). */
function selectedConversationIds(doc: Document): string[] {
  const ids: string[] = [];
  for (const link of queryAllAny(doc, SELECTED_CONVERSATION_LINK)) {
    const id = idFromHref(doc, link.getAttribute('href'));
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

function idFromHref(doc: Document, href: string | null): string | null {
  if (!href) return null;
  try {
    return conversationIdFromUrl(new URL(href, `https://${INBOX_HOST}${doc.location?.pathname ?? '/'}`));
  } catch {
    return null;
  }
}

/** The list marks another conversation as open: the page is between two conversations, read again later. */
function isMidSwitch(doc: Document, conversationId: string): boolean {
  const selected = selectedConversationIds(doc);
  return selected.length > 0 && !selected.includes(conversationId);
}

const depthOf = (element: Element): number => {
  let depth = 0;
  for (let parent = element.parentElement; parent; parent = parent.parentElement) depth++;
  return depth;
};

/**
 * How close `container` sits to the open conversation's pane: the depth of its nearest common ancestor with the pane's
 * header title (E), or, without a title, with a composer (G). The message list shares the pane with them; the
 * conversation list (and any list in the customer panel) only shares the page.
 */
function closenessToPane(container: Element, markers: Element[]): number {
  let best = -1;
  for (const marker of markers) {
    let common: Element | null = container;
    while (common && !common.contains(marker)) common = common.parentElement;
    if (common) best = Math.max(best, depthOf(common));
  }
  return best;
}

/**
 * The message list: of the virtualised lists on the page (conversation list, message list, maybe others), the one
 * whose rows are not conversation links, that sits closest to the conversation pane's header, and shows the most
 * messages. Conversation-list rows do not always hold a link (E: the scraper keeps rows without one), and their
 * time line looks like a customer's; closeness to the pane tells the two lists apart, the count only breaks ties.
 * Rows nested in another row (a carousel inside a message) are not rows of the list.
 */
function findMessageList(doc: Document, cache: ReadCache | undefined): MessageList | null {
  const groups = new Map<Element, Element[]>();
  for (const element of queryAllAny(doc, VIRTUAL_ROW)) {
    const parent = element.parentElement;
    if (!parent || rowIndex(element) === null || parent.closest(VIRTUAL_ROW.join(','))) continue;
    const group = groups.get(parent);
    if (group) group.push(element);
    else groups.set(parent, [element]);
  }

  const title = queryFirst(doc, CONVERSATION_TITLE);
  const markers = title ? [title] : Array.from(queryAllAny(doc, COMPOSER));
  let best: { list: MessageList; closeness: number; score: number } | null = null;
  for (const [container, elements] of groups) {
    if (elements.some((element) => queryAny(element, CONVERSATION_LINK) || element.closest(CONVERSATION_LINK.join(',')))) {
      continue;
    }
    const rows = elements.map((element) => ({
      element,
      index: rowIndex(element)!,
      reading: readThrough(cache, element, () => readRow(element)),
    }));
    const score = rows.filter((row) => row.reading.kind !== 'skip').length;
    if (score === 0) continue;
    const closeness = closenessToPane(container, markers);
    if (!best || closeness > best.closeness || (closeness === best.closeness && score > best.score)) {
      best = { list: { container, rows }, closeness, score };
    }
  }
  return best?.list ?? null;
}

const hasLayout = (rows: Row[]): boolean => rows.every((row) => row.element.getBoundingClientRect().height > 0);

/**
 * Oldest first. With layout, the order on screen decides (top to bottom, whatever the list's inversion); without
 * (happy-dom, or rows not laid out yet), descending `index`: the list is inverted, index 0 is the newest message
 * (E: the public scraper sorts rows by descending index to get them in reading order).
 */
function chronological(rows: Row[]): Row[] {
  if (rows.length > 1 && hasLayout(rows)) {
    const top = new Map(rows.map((row) => [row, row.element.getBoundingClientRect().top]));
    return [...rows].sort((a, b) => top.get(a)! - top.get(b)! || b.index - a.index);
  }
  return [...rows].sort((a, b) => b.index - a.index);
}

function readTitle(doc: Document, conversationId: string): string | undefined {
  const header = queryFirst(doc, CONVERSATION_TITLE)?.textContent?.replace(/\s+/g, ' ').trim();
  if (header) return header;
  // The conversation list row of this conversation starts with the customer's name (E: the scraper reads it so).
  for (const link of queryAllAny(doc, CONVERSATION_LINK)) {
    if (idFromHref(doc, link.getAttribute('href')) !== conversationId) continue;
    const firstLine = readBlockText(link).split('\n')[0]?.trim();
    if (firstLine) return firstLine;
  }
  return undefined;
}

const MISSING_AUTHOR = 'message author: a timestamp line ("10:32 AM", "You • 10:32 AM") or a laid-out bubble side';

function read(doc: Document, url: URL, cache?: ReadCache): PageReading {
  try {
    const conversationId = conversationIdFromUrl(url);
    if (!conversationId) return { kind: 'no-conversation' };
    if (isMidSwitch(doc, conversationId)) return { kind: 'no-conversation' };

    const list = findMessageList(doc, cache);
    if (!list) {
      if (queryAny(doc, LOADING)) return { kind: 'no-conversation' };
      const anyRows = queryAny(doc, VIRTUAL_ROW);
      return {
        kind: 'unrecognised',
        missing: [
          anyRows ? MISSING_AUTHOR : 'virtualised message rows (elements with an "index" attribute)',
        ],
      };
    }

    const shown = chronological(list.rows).flatMap((row) => (row.reading.kind === 'skip' ? [] : [row.reading]));
    const authorsUnknown = list.rows.some((row) => row.reading.kind === 'skip' && row.reading.reason === 'unknown-author');
    if (authorsUnknown && !shown.some((reading) => reading.kind === 'message')) {
      // Event lines alone would look like a readable conversation while every message is being dropped.
      return { kind: 'unrecognised', missing: [MISSING_AUTHOR] };
    }
    const ids = assignMessageIds(shown.map((reading) => messageKey(reading.clockTime, reading.text)));
    const messages: HelpdeskMessage[] = [];
    const anchors = new Map<string, Element>();
    shown.forEach((reading, position) => {
      const id = ids[position]!;
      const message: HelpdeskMessage = { id, role: reading.role, text: reading.text };
      if (reading.time) message.time = reading.time;
      messages.push(message);
      anchors.set(id, reading.anchor);
    });

    return {
      kind: 'conversation',
      conversation: {
        snapshot: { helpdesk: 'shopify-inbox', conversationId, title: readTitle(doc, conversationId), messages },
        anchors,
      },
    };
  } catch (error) {
    // Odd markup must never break the host page or the caller's scan loop.
    return { kind: 'unrecognised', missing: [`readable markup (${String(error)})`] };
  }
}

/** The URL of the inbox document (the frame's own URL when embedded in the admin). */
function documentUrl(doc: Document): URL | null {
  try {
    return new URL(doc.location?.href ?? doc.URL);
  } catch {
    return null;
  }
}


/**
 * The composer of `conversationId`, only while it is the open one (by the document's URL, and the list does not
 * mark another). Searched outwards from the message list, so the nearest editable field wins over the customer
 * panel's note field.
 */
function findComposer(doc: Document, conversationId: string): ComposerTarget | null {
  try {
    const url = documentUrl(doc);
    if (!url || conversationIdFromUrl(url) !== conversationId || isMidSwitch(doc, conversationId)) return null;
    const list = findMessageList(doc, undefined);
    if (!list) return null;
    for (let scope: Element | null = list.container; scope; scope = scope.parentElement) {
      const element = queryFirst(scope, COMPOSER);
      if (!element) continue;
      if (!isHtmlElement(element)) return null;
      return {
        kind: element.tagName === 'TEXTAREA' ? 'textarea' : 'contenteditable',
        element,
        // Shopify Inbox's composer only ever replies to the customer (help center: replies go back through the
        // channel the customer used); staff notes live in the customer panel, not in the composer.
        isPublicReply: true,
      };
    }
    return null;
  } catch {
    return null;
  }
}

export const shopifyInboxAdapter: HelpdeskAdapter = {
  id: 'shopify-inbox',
  matchesUrl,
  read,
  findComposer,
};
