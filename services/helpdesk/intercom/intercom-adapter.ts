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
  AUTHOR_TYPE_ATTRIBUTE,
  CATEGORY_ROLES,
  COMPOSER,
  CONVERSATION_PATH,
  CONVERSATION_SPACE,
  CONVERSATION_STREAM,
  ENTITY_PART,
  INBOX_MARKERS,
  INBOX_PATH,
  LEFT_ALIGNED,
  NOTE_PANE,
  PART_BODY,
  PART_GROUP,
  PART_IN_GROUP,
  PART_NOISE,
  RIGHT_ALIGNED,
  TAILWIND_PART,
  TIMESTAMP,
  TITLE,
} from './selectors';
import { matchesAny, queryAllFirst, queryFirst } from '@/services/dom/query';

type ReadMessage = { message: HelpdeskMessage; anchor: Element };

/** The conversation id in an Intercom inbox URL, or null when no conversation is open. */
export function intercomConversationId(url: URL): string | null {
  if (!INBOX_PATH.test(url.pathname)) return null;
  return CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null;
}

function matchesUrl(url: URL): boolean {
  return APP_HOSTS.includes(url.hostname.toLowerCase()) && INBOX_PATH.test(url.pathname);
}

/** How far up from a part the layout fallback looks (E: the public extension walks six levels). */
const LAYOUT_DEPTH = 6;

function roleFromAuthorType(value: string): AuthorRole | null {
  const type = value.toLowerCase();
  if (/user|lead|contact|customer/.test(type)) return 'customer';
  if (/bot|fin|operator/.test(type)) return 'bot';
  if (/admin|teammate|agent/.test(type)) return 'agent';
  return null;
}

/** The role a part group's category names (E), or null for a missing or unknown category. */
function categoryRole(element: Element): AuthorRole | null {
  const category = element.closest('[data-part-group-category]')?.getAttribute('data-part-group-category')?.trim();
  return category && Object.hasOwn(CATEGORY_ROLES, category) ? CATEGORY_ROLES[category]! : null;
}

/**
 * Who wrote a part without a category: the author type or alignment of the part and its ancestors up to the stream (E: the
 * public extension's fallbacks); null when nothing says (the part is then skipped).
 */
function roleFromLayout(part: Element, stream: Element): AuthorRole | null {
  const path: Element[] = [];
  for (let current: Element | null = part; current && current !== stream && path.length < LAYOUT_DEPTH; current = current.parentElement) {
    path.push(current);
  }
  // An author type anywhere on the path is a stronger signal than the alignment of a row nested below it.
  for (const element of path) {
    const authorType = element.getAttribute(AUTHOR_TYPE_ATTRIBUTE);
    const fromType = authorType ? roleFromAuthorType(authorType) : null;
    if (fromType) return fromType;
  }
  for (const element of path) {
    if (matchesAny(element, RIGHT_ALIGNED)) return 'agent';
    if (matchesAny(element, LEFT_ALIGNED)) return 'customer';
  }
  return null;
}

const isNoise = (element: Element) => matchesAny(element, PART_NOISE);

function readTime(element: Element): string | undefined {
  const datetime = queryFirst(element, TIMESTAMP)?.getAttribute('datetime');
  if (!datetime) return undefined;
  const parsed = new Date(datetime);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

/**
 * One message from `element` (a part, or a group read as one message): the text of its bodies joined by lines, anchored
 * after the last body. Activity lines have no body element: their whole text is the message.
 */
function readUnit(element: Element, id: string, role: AuthorRole): ReadMessage | null {
  if (!id) return null;
  const matched = queryAllFirst(element, PART_BODY);
  // A body nested in another matched body would be read twice: keep the outer one.
  const bodies = matched.filter((body) => !matched.some((other) => other !== body && other.contains(body)));
  const sources = bodies.length > 0 ? bodies : role === 'system' ? [element] : [];
  const text = sources
    .map((source) => readBlockText(source, isNoise))
    .filter((part) => part.length > 0)
    .join('\n');
  if (!text) return null;
  const time = readTime(element);
  const message: HelpdeskMessage = time ? { id, role, text, time } : { id, role, text };
  return { message, anchor: sources[sources.length - 1]! };
}

/** The messages of one part group: each `[data-part-id]` part on its own, else the whole group as one message. */
function readGroup(group: Element, stream: Element): ReadMessage[] {
  const groupRole = categoryRole(group);
  const parts = queryAllFirst(group, PART_IN_GROUP);
  if (parts.length === 0) {
    const role = groupRole ?? roleFromLayout(queryFirst(group, PART_BODY) ?? group, stream);
    const found = role ? readUnit(group, group.getAttribute('data-part-group-id')?.trim() ?? '', role) : null;
    return found ? [found] : [];
  }
  const messages: ReadMessage[] = [];
  for (const part of parts) {
    const role = groupRole ?? roleFromLayout(part, stream);
    const found = role ? readUnit(part, part.getAttribute('data-part-id')?.trim() ?? '', role) : null;
    if (found) messages.push(found);
  }
  return messages;
}

function readEntityPart(part: Element, stream: Element): ReadMessage[] {
  const role = categoryRole(part) ?? roleFromLayout(part, stream);
  const found = role ? readUnit(part, part.getAttribute('data-part-entity-id')?.trim() ?? '', role) : null;
  return found ? [found] : [];
}

const normaliseLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function read(doc: Document, url: URL, cache?: ReadCache): PageReading {
  try {
    const conversationId = intercomConversationId(url);
    if (!conversationId) return { kind: 'no-conversation' };
    if (!queryFirst(doc, INBOX_MARKERS)) {
      return { kind: 'unrecognised', missing: ['Intercom inbox ([data-intercom-target="conversation-space"])'] };
    }
    const space = queryFirst(doc, CONVERSATION_SPACE) ?? doc;
    const stream = queryFirst(space, CONVERSATION_STREAM);
    if (!stream) return { kind: 'unrecognised', missing: ['conversation stream ([data-conversation-stream])'] };

    // Groups are cached whole: a group's role lives on the group, so the group is the unit that changes together.
    const groups = queryAllFirst(stream, PART_GROUP);
    const units = groups.length > 0 ? groups : queryAllFirst(stream, ENTITY_PART);
    if (units.length === 0 && queryFirst(stream, TAILWIND_PART)) {
      return { kind: 'unrecognised', missing: ['conversation part ids (data-part-group-id, data-part-entity-id)'] };
    }
    const messages: HelpdeskMessage[] = [];
    const anchors = new Map<string, Element>();
    for (const unit of units) {
      const found = readThrough(cache, unit, () =>
        groups.length > 0 ? readGroup(unit, stream) : readEntityPart(unit, stream),
      );
      for (const { message, anchor } of found) {
        // A duplicate id would make two messages share one translation: keep the first.
        if (anchors.has(message.id)) continue;
        messages.push(message);
        anchors.set(message.id, anchor);
      }
    }
    if (units.length > 0 && messages.length === 0) {
      return { kind: 'unrecognised', missing: ['part author, id or text (data-part-group-category, part body)'] };
    }
    const title = normaliseLine(queryFirst(space, TITLE)?.textContent ?? '') || undefined;
    return {
      kind: 'conversation',
      conversation: {
        snapshot: title
          ? { helpdesk: 'intercom', conversationId, title, messages }
          : { helpdesk: 'intercom', conversationId, messages },
        anchors,
      },
    };
  } catch (error) {
    // Odd markup must never break the host page or the caller's scan loop.
    return { kind: 'unrecognised', missing: [`readable markup (${String(error)})`] };
  }
}



/**
 * The reply editor of conversation `conversationId`, only while the page (its URL) shows that conversation, looked for inside
 * the conversation's pane first so that another editor on the page (a new-message drawer) is never chosen.
 */
function findComposer(doc: Document, conversationId: string): ComposerTarget | null {
  try {
    const url = documentUrl(doc);
    if (!url || intercomConversationId(url) !== conversationId) return null;
    const space = queryFirst(doc, CONVERSATION_SPACE);
    const element = queryFirst(space ?? doc, COMPOSER);
    if (!element || !isHtmlElement(element)) return null;
    return {
      kind: element.classList.contains('ProseMirror') ? 'prosemirror' : 'contenteditable',
      element,
      // Only the older inbox marks the note pane; the current one gives no evidenced signal.
      isPublicReply: element.closest(NOTE_PANE.join(',')) ? false : null,
    };
  } catch {
    return null;
  }
}

export const intercomAdapter: HelpdeskAdapter = {
  id: 'intercom',
  matchesUrl,
  read,
  findComposer,
};
