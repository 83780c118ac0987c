import { documentUrl, isHtmlElement } from '@/services/dom/elements';
import { readBlockText } from '@/services/dom/block-text';
import type {
  AuthorRole,
  ComposerTarget,
  HelpdeskAdapter,
  HelpdeskMessage,
  PageReading,
  ReadCache,
} from '@/services/helpdesk/types';
import { readThrough } from '@/services/helpdesk/types';
import {
  APP_HOSTS,
  COMPOSER,
  CONVERSATION_ID_ATTRIBUTE,
  CONVERSATION_PATH,
  CUSTOMER_ITEM,
  LINE_ITEM,
  NOTE_EDITOR_LABEL,
  NOTE_ITEM,
  REPLY_EDITOR_LABEL,
  REPLY_ITEM,
  THREAD_BODY,
  THREAD_ID_PATTERN,
  THREAD_ITEM,
  THREAD_LIST,
  THREAD_LIST_ITEM,
  THREAD_NOISE,
  TIMESTAMP,
} from './selectors';
import { matchesAny, queryAllFirst, queryFirst } from '@/services/dom/query';

type ReadMessage = { message: HelpdeskMessage; anchor: Element };

/** The conversation id in a Help Scout URL, or null when the page is not a conversation. */
export function helpScoutConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null;
}

function matchesUrl(url: URL): boolean {
  return APP_HOSTS.includes(url.hostname.toLowerCase());
}

/**
 * The conversation the page shows: the URL's, unless the markup names another one (the page is mid-switch and still shows
 * the previous conversation). Null when no conversation is open.
 */
function openConversationId(doc: Document, url: URL): string | null {
  const fromUrl = helpScoutConversationId(url);
  if (!fromUrl) return null;
  const fromMarkup = doc.querySelector(`[${CONVERSATION_ID_ATTRIBUTE}]`)?.getAttribute(CONVERSATION_ID_ATTRIBUTE)?.trim();
  return fromMarkup && fromMarkup !== fromUrl ? null : fromUrl;
}

/** The list item around a thread item, which carries the thread type; the older article carries it itself. */
function listItemOf(item: Element): Element | null {
  const parent = item.parentElement;
  return parent && matchesAny(parent, THREAD_LIST_ITEM) ? parent : null;
}

/** Who wrote the thread, from its type class, else its English aria-label; null when nothing says (it is then skipped). */
function roleOf(item: Element): AuthorRole | null {
  const carriers = [item, listItemOf(item)].filter((element): element is Element => element !== null);
  const has = (alternatives: readonly string[]) => carriers.some((element) => matchesAny(element, alternatives));
  if (has(NOTE_ITEM)) return 'note';
  if (has(LINE_ITEM)) return 'system';
  if (has(CUSTOMER_ITEM)) return 'customer';
  if (has(REPLY_ITEM)) return 'agent';
  // E: a public adapter tells customer threads by `aria-label` containing "customer".
  if (/customer/i.test(item.getAttribute('aria-label') ?? '')) return 'customer';
  return null;
}

const isNoise = (element: Element) => matchesAny(element, THREAD_NOISE);

function readTime(item: Element): string | undefined {
  const datetime = queryFirst(item, TIMESTAMP)?.getAttribute('datetime');
  if (!datetime) return undefined;
  const parsed = new Date(datetime);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

function readItem(item: Element): ReadMessage | null {
  const id = item.id.trim();
  if (!THREAD_ID_PATTERN.test(id)) return null;
  const role = roleOf(item);
  if (!role) return null;
  // A line item ("… changed the status to Pending") has no body: its own text, without author and time, is the message.
  const content = queryFirst(item, THREAD_BODY) ?? (role === 'system' ? item : null);
  if (!content) return null;
  const text = readBlockText(content, isNoise);
  if (!text) return null;
  const time = readTime(item);
  return { message: time ? { id, role, text, time } : { id, role, text }, anchor: content };
}

/** A thread's place in time: its machine-readable time, else its id (Help Scout thread ids grow over time). */
function chronologicalKey(found: ReadMessage): number {
  const time = found.message.time ? Date.parse(found.message.time) : Number.NaN;
  return Number.isNaN(time) ? Number(found.message.id.slice('thread-'.length)) : time;
}

/**
 * Oldest first, as Parley wants them. Help Scout can list threads newest first (G: its default view); the list is reversed
 * whole when its first thread is newer than its last, by time where both have one, else by thread id.
 */
function oldestFirst(found: ReadMessage[]): ReadMessage[] {
  const first = found[0];
  const last = found[found.length - 1];
  if (!first || !last || first === last) return found;
  const bothTimed = Boolean(first.message.time && last.message.time);
  const newerFirst = bothTimed
    ? Date.parse(first.message.time!) > Date.parse(last.message.time!)
    : chronologicalKey(first) > chronologicalKey(last);
  return newerFirst ? [...found].reverse() : found;
}

function read(doc: Document, url: URL, cache?: ReadCache): PageReading {
  try {
    const conversationId = openConversationId(doc, url);
    if (!conversationId) return { kind: 'no-conversation' };
    const list = queryFirst(doc, THREAD_LIST);
    // The older page has no list element around its articles.
    const scope = list ?? (queryFirst(doc, THREAD_ITEM) ? doc : null);
    if (!scope) return { kind: 'unrecognised', missing: ['thread list ([data-testid="ThreadContainer"])'] };

    const items = queryAllFirst(scope, THREAD_ITEM);
    const threads: ReadMessage[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      // The list item holds the thread type, so it is the unit that changes together.
      const unit = listItemOf(item) ?? item;
      const found = readThrough(cache, unit, () => readItem(item));
      // A duplicate id would make two messages share one translation: keep the first.
      if (!found || seen.has(found.message.id)) continue;
      seen.add(found.message.id);
      threads.push(found);
    }
    const ordered = oldestFirst(threads);
    const messages: HelpdeskMessage[] = ordered.map((found) => found.message);
    const anchors = new Map<string, Element>(ordered.map((found) => [found.message.id, found.anchor]));
    if (items.length > 0 && messages.length === 0) {
      return { kind: 'unrecognised', missing: ['thread type, id or body (li.ThreadListItem.is-*, div[id^="thread-"])'] };
    }
    if (list && items.length === 0 && list.children.length > 0) {
      return { kind: 'unrecognised', missing: ['thread items (div[id^="thread-"])'] };
    }
    return {
      kind: 'conversation',
      conversation: { snapshot: { helpdesk: 'help-scout', conversationId, messages }, anchors },
    };
  } catch (error) {
    // Odd markup must never break the host page or the caller's scan loop.
    return { kind: 'unrecognised', missing: [`readable markup (${String(error)})`] };
  }
}



/** True for the reply editor, false for the note editor, null when the label says neither. */
function readIsPublicReply(element: Element): boolean | null {
  const label = (element.getAttribute('aria-label') ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
  if (label === REPLY_EDITOR_LABEL) return true;
  if (NOTE_EDITOR_LABEL.test(label)) return false;
  return null;
}

/**
 * The editor of conversation `conversationId`, only while the page shows it. Help Scout's editor is Slate (E): it keeps its
 * own model and takes text through a paste event, which the `contenteditable` strategies try first.
 */
function findComposer(doc: Document, conversationId: string): ComposerTarget | null {
  try {
    const url = documentUrl(doc);
    if (!url || openConversationId(doc, url) !== conversationId) return null;
    const element = queryFirst(doc, COMPOSER);
    if (!element || !isHtmlElement(element)) return null;
    return { kind: 'contenteditable', element, isPublicReply: readIsPublicReply(element) };
  } catch {
    return null;
  }
}

export const helpScoutAdapter: HelpdeskAdapter = {
  id: 'help-scout',
  matchesUrl,
  read,
  findComposer,
};
