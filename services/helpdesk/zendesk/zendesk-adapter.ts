import { isHtmlElement } from '@/services/dom/elements';
import type {
  AuthorRole,
  ComposerTarget,
  HelpdeskAdapter,
  HelpdeskMessage,
  PageReading,
  ReadCache,
} from '@/services/helpdesk/types';
import { readThrough } from '@/services/helpdesk/types';
import { readMessageText } from './message-text';
import {
  ACTIVE_LAYOUT_ANY,
  AGENT_BADGE,
  ANY_TICKET_WRAPPER,
  CHANNEL_SWITCHER,
  COMMENT_ITEM,
  COMPOSER,
  INTERNAL_CHANNEL_LABELS,
  INTERNAL_NOTE_TAG,
  ITEM_MESSAGE,
  LAYOUT_TEST_ID_PATTERN,
  LOG_CONTAINER,
  MESSAGE_CONTENT,
  PUBLIC_CHANNEL_LABELS,
  SELECTED_TICKET_TAB,
  SUBJECT,
  TAB_TITLE,
  TICKET_ID_PATTERN,
  TIMESTAMP,
  TRIGGER_ORIGIN,
  WORKSPACE_MARKERS,
  activeLayoutFor,
  anyLayoutFor,
  ticketWrapperFor,
} from './selectors';
import { matchesAny, queryAllAny, queryAny, queryFirst } from '@/services/dom/query';

/**
 * The ticket the agent is looking at. `scopes` are the elements that belong to that ticket only, best first
 * (the standard layout, then its wrappers): every read and write is confined to them, because background
 * tickets keep their logs and composers mounted.
 */
interface ActiveTicket {
  id: string;
  /** Lazily: a read usually finds everything in the layout, and a wrapper query that finds nothing walks the whole page. */
  scopes(): Iterable<Element>;
}

const validTicketId = (value: string | null | undefined): string | null =>
  value && TICKET_ID_PATTERN.test(value) ? value : null;

function selectedTab(doc: Document): Element | null {
  return queryAny(doc, SELECTED_TICKET_TAB);
}

function wrappersOf(doc: Document, ticketId: string): Element[] {
  const found: Element[] = [];
  for (const selector of ticketWrapperFor(ticketId)) {
    const element = doc.querySelector(selector);
    if (element && !found.includes(element)) found.push(element);
  }
  return found;
}

function ticketWith(doc: Document, id: string, layout: Element | null): ActiveTicket | null {
  if (layout) {
    return {
      id,
      *scopes() {
        yield layout;
        for (const wrapper of wrappersOf(doc, id)) if (wrapper !== layout) yield wrapper;
      },
    };
  }
  const wrappers = wrappersOf(doc, id);
  return wrappers.length > 0 ? { id, scopes: () => wrappers } : null;
}

/**
 * Finds the active ticket, in order of confidence:
 * 1. the selected header tab and that ticket's layout marked active agree;
 * 2. no tab names a ticket (header re-rendering) but exactly one layout is marked active;
 * 3. the selected tab names a ticket whose page has no standard layout at all (markup variant): its wrappers;
 * 4. nothing names a ticket and exactly one ticket is mounted.
 * A tab and a layout that disagree (mid-switch) give null: the caller scans again on the next mutation.
 */
function findActiveTicket(doc: Document): ActiveTicket | null {
  const tabId = validTicketId(selectedTab(doc)?.getAttribute('data-entity-id'));

  if (tabId) {
    const layout = queryAny(doc, activeLayoutFor(tabId));
    if (layout) return ticketWith(doc, tabId, layout);
    if (queryAny(doc, anyLayoutFor(tabId))) return null;
    return ticketWith(doc, tabId, null);
  }

  const activeLayouts = queryAllAny(doc, ACTIVE_LAYOUT_ANY);
  if (activeLayouts.length === 1) {
    const layout = activeLayouts[0]!;
    const id = validTicketId(LAYOUT_TEST_ID_PATTERN.exec(layout.getAttribute('data-test-id') ?? '')?.[1]);
    if (id) return ticketWith(doc, id, layout);
  }
  if (activeLayouts.length > 1) return null;

  const wrappers = queryAllAny(doc, ANY_TICKET_WRAPPER);
  if (wrappers.length === 1) {
    const id = validTicketId(wrappers[0]!.getAttribute('data-ticket-id'));
    const wrapper = wrappers[0]!;
    if (id) return { id, scopes: () => [wrapper] };
  }
  return null;
}

function queryInScopes(
  ticket: ActiveTicket,
  alternatives: readonly string[],
  query: (root: ParentNode, alternatives: readonly string[]) => Element | null = queryAny,
): Element | null {
  for (const scope of ticket.scopes()) {
    const found = query(scope, alternatives);
    if (found) return found;
  }
  return null;
}


const isFormField = (element: Element): element is HTMLInputElement | HTMLTextAreaElement =>
  isHtmlElement(element) && (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA');

const normaliseLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function readTitle(doc: Document, ticket: ActiveTicket): string | undefined {
  const subject = queryInScopes(ticket, SUBJECT);
  const fromSubject = subject && isFormField(subject) ? subject.value : (subject?.textContent ?? '');
  const title = normaliseLine(fromSubject);
  if (title) return title;
  const tab = selectedTab(doc);
  const tabTitle = normaliseLine((tab && queryAny(tab, TAB_TITLE)?.textContent) || '');
  return tabTitle || undefined;
}

const ROLE_BY_TYPE: Record<string, AuthorRole> = {
  'end-user': 'customer',
  agent: 'agent',
  bot: 'bot',
  // E: a public transcript script treats type="internal" as an internal note
  internal: 'note',
};

/** Who wrote the message, or null when the markup gives no trustworthy signal (the message is then skipped). */
function roleOf(article: Element, message: Element | null): AuthorRole | null {
  if (queryAny(article, INTERNAL_NOTE_TAG)) return 'note';
  if (article.matches(TRIGGER_ORIGIN.join(',')) || queryAny(article, TRIGGER_ORIGIN)) return 'bot';
  const type = message?.getAttribute('type')?.trim().toLowerCase();
  if (type && Object.hasOwn(ROLE_BY_TYPE, type)) return ROLE_BY_TYPE[type]!;
  if (queryAny(article, AGENT_BADGE)) return 'agent';
  return null;
}

const isHidden = (element: Element | null): boolean => element?.getAttribute('aria-hidden') === 'true';

function readMessage(article: Element): { message: HelpdeskMessage; anchor: Element } | null {
  const id = article.id.trim();
  if (!id) return null;
  const itemMessage = queryAny(article, ITEM_MESSAGE);
  if (isHidden(article) || isHidden(itemMessage)) return null;
  const role = roleOf(article, itemMessage);
  if (!role) return null;
  const content = queryAny(article, MESSAGE_CONTENT);
  if (!content) return null;
  const text = readMessageText(content);
  if (!text) return null;
  const time = readTime(article);
  return { message: time ? { id, role, text, time } : { id, role, text }, anchor: content };
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** The message's machine-readable time (`<time datetime>`), as ISO 8601; undefined when absent or unparsable. */
function readTime(article: Element): string | undefined {
  const datetime = queryAny(article, TIMESTAMP)?.getAttribute('datetime');
  if (!datetime) return undefined;
  // Already UTC ISO 8601 (what Zendesk writes): keep it without a Date round trip.
  if (ISO_UTC.test(datetime)) return datetime;
  const parsed = new Date(datetime);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

type ReadComment = ReturnType<typeof readMessage>;
/** What the cache holds per child of the log: not a comment item, or the comment as read. */
type LogChild = { isComment: false } | { isComment: true; found: ReadComment };

/**
 * Calls `visit` for each comment item of the log, in order. In the markup we know, comment items
 * are the log's children: walking the children with the read cache costs one WeakMap look-up per
 * known message, where a query would match a selector list against every node of every message
 * (2,000 messages: ~1.3 ms per read, on every new message). Other shapes fall back to the query.
 */
function forEachCommentItem(log: Element, cache: ReadCache | undefined, visit: (found: ReadComment) => void) {
  const first = queryAny(log, COMMENT_ITEM);
  if (!first) return;
  if (first.parentElement === log) {
    for (let child = log.firstElementChild; child; child = child.nextElementSibling) {
      const element = child;
      const entry = readThrough<LogChild>(cache, element, () =>
        matchesAny(element, COMMENT_ITEM) ? { isComment: true, found: readMessage(element) } : { isComment: false },
      );
      if (entry.isComment) visit(entry.found);
    }
    return;
  }
  const items = queryAllAny(log, COMMENT_ITEM);
  for (let index = 0; index < items.length; index++) {
    const article = items[index]!;
    visit(readThrough(cache, article, () => readMessage(article)));
  }
}

/** A ticket's own URL: there, a page without ticket markup means the markup changed. */
const TICKET_PATH = /^\/agent\/tickets\/\d+/;

function read(doc: Document, url: URL, cache?: ReadCache): PageReading {
  try {
    if (!queryAny(doc, WORKSPACE_MARKERS)) {
      return TICKET_PATH.test(url.pathname) ? { kind: 'unrecognised', missing: ['agent workspace'] } : { kind: 'no-conversation' };
    }
    const ticket = findActiveTicket(doc);
    if (!ticket) return { kind: 'no-conversation' };
    const log = queryInScopes(ticket, LOG_CONTAINER);
    if (!log) return { kind: 'unrecognised', missing: ['message log of the active ticket'] };

    const messages: HelpdeskMessage[] = [];
    const anchors = new Map<string, Element>();
    let articles = 0;
    forEachCommentItem(log, cache, (found) => {
      articles++;
      // A duplicate id would make two messages share one translation: keep the first.
      if (!found || anchors.has(found.message.id)) return;
      messages.push(found.message);
      anchors.set(found.message.id, found.anchor);
    });
    if (articles > 0 && messages.length === 0) {
      return { kind: 'unrecognised', missing: ['message author, id or text'] };
    }

    return {
      kind: 'conversation',
      conversation: {
        snapshot: { helpdesk: 'zendesk', conversationId: ticket.id, title: readTitle(doc, ticket), messages },
        anchors,
      },
    };
  } catch (error) {
    // Odd markup must never break the host page or the caller's scan loop.
    return { kind: 'unrecognised', missing: [`readable markup (${String(error)})`] };
  }
}

function composerKind(element: HTMLElement): ComposerTarget['kind'] {
  if (element.classList.contains('ck-editor__editable')) return 'ckeditor5';
  if (element.tagName === 'TEXTAREA') return 'textarea';
  return 'contenteditable';
}

/** True for public reply, false for internal note, null when the label is missing or localised. */
function readIsPublicReply(ticket: ActiveTicket): boolean | null {
  const switcher = queryInScopes(ticket, CHANNEL_SWITCHER, queryFirst);
  if (!switcher) return null;
  const label = normaliseLine(switcher.getAttribute('aria-label') || switcher.textContent || '').toLowerCase();
  if (INTERNAL_CHANNEL_LABELS.includes(label)) return false;
  if (PUBLIC_CHANNEL_LABELS.includes(label)) return true;
  return null;
}

function findComposer(doc: Document, conversationId: string): ComposerTarget | null {
  try {
    const ticket = findActiveTicket(doc);
    if (!ticket || ticket.id !== conversationId) return null;
    const element = queryInScopes(ticket, COMPOSER, queryFirst);
    if (!element || !isHtmlElement(element)) return null;
    return { kind: composerKind(element), element, isPublicReply: readIsPublicReply(ticket) };
  } catch {
    return null;
  }
}

function matchesUrl(url: URL): boolean {
  return url.hostname.toLowerCase().endsWith('.zendesk.com') && url.pathname.startsWith('/agent/');
}

export const zendeskAdapter: HelpdeskAdapter = {
  id: 'zendesk',
  matchesUrl,
  read,
  findComposer,
};
