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
  ACTIVITY_BUBBLE,
  ACTIVITY_TEXT,
  AGENT_BUBBLE,
  AGENT_PATH,
  BOT_BUBBLE,
  BUBBLE,
  CLOUD_HOSTS,
  COMPOSER,
  CONVERSATION_PATH,
  CUSTOMER_BUBBLE,
  MESSAGE_ID_PATTERN,
  MESSAGE_LIST,
  MESSAGE_NOISE,
  MESSAGE_ROW,
  MESSAGE_TEXT,
  NOTE_BUBBLE,
  PRIVATE_ICON,
  PRIVATE_REPLY_BOX,
  REPLY_BOX,
  ROW_CENTRED,
  ROW_LEFT,
  ROW_RIGHT,
  TIMESTAMP,
} from './selectors';
import { matchesAny, queryAllFirst, queryFirst } from '@/services/dom/query';

/**
 * Chatwoot runs on app.chatwoot.com and on self-hosted installs under any host. Everything here except the host check is a
 * function of the document and the URL, so a configured adapter for a self-hosted host reuses it unchanged
 * (`createChatwootAdapter`).
 */

/** The conversation id in a Chatwoot agent URL, or null when the URL is not a conversation page. */
export function chatwootConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null;
}

/** Whether the path is one of Chatwoot's agent pages (`/app/accounts/<n>/…`), whatever the host. */
export function isChatwootAgentPath(url: URL): boolean {
  return AGENT_PATH.test(url.pathname);
}

/** Who wrote the message row, or null when nothing in the markup says (the row is then skipped). */
function roleOf(row: Element): AuthorRole | null {
  if (queryFirst(row, ACTIVITY_BUBBLE) || matchesAny(row, ROW_CENTRED)) return 'system';
  // The lock icon survives re-theming, so it is trusted before colours.
  if (queryFirst(row, PRIVATE_ICON)) return 'note';
  const bubble = queryFirst(row, BUBBLE);
  if (bubble) {
    if (matchesAny(bubble, NOTE_BUBBLE)) return 'note';
    if (matchesAny(bubble, BOT_BUBBLE)) return 'bot';
    if (matchesAny(bubble, AGENT_BUBBLE)) return 'agent';
    if (matchesAny(bubble, CUSTOMER_BUBBLE)) return 'customer';
  }
  if (matchesAny(row, ROW_RIGHT)) return 'agent';
  if (matchesAny(row, ROW_LEFT)) return 'customer';
  return null;
}

const isNoise = (element: Element) => matchesAny(element, MESSAGE_NOISE);

/** The element holding the message's own words: where Parley's inline translation is mounted. */
function contentOf(row: Element, role: AuthorRole): Element | null {
  if (role === 'system') {
    const scope = queryFirst(row, ACTIVITY_BUBBLE) ?? row;
    return queryFirst(scope, ACTIVITY_TEXT) ?? (scope === row ? null : scope);
  }
  return queryFirst(row, MESSAGE_TEXT);
}

function readTime(row: Element): string | undefined {
  const datetime = queryFirst(row, TIMESTAMP)?.getAttribute('datetime');
  if (!datetime) return undefined;
  const parsed = new Date(datetime);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

function readMessage(row: Element): { message: HelpdeskMessage; anchor: Element } | null {
  const id = row.getAttribute('data-message-id')?.trim() ?? '';
  if (!MESSAGE_ID_PATTERN.test(id)) return null;
  const role = roleOf(row);
  if (!role) return null;
  const content = contentOf(row, role);
  if (!content) return null;
  const text = readBlockText(content, isNoise);
  if (!text) return null;
  const time = readTime(row);
  return { message: time ? { id, role, text, time } : { id, role, text }, anchor: content };
}

/**
 * Reads the open Chatwoot conversation. The conversation id comes from the URL (Chatwoot does not repeat it in the markup);
 * the page shows one conversation at a time.
 */
export function readChatwootPage(doc: Document, url: URL, cache?: ReadCache): PageReading {
  try {
    const conversationId = chatwootConversationId(url);
    if (!conversationId) return { kind: 'no-conversation' };
    const list = queryFirst(doc, MESSAGE_LIST);
    if (!list) return { kind: 'unrecognised', missing: ['message list (.conversation-panel)'] };

    const rows = queryAllFirst(list, MESSAGE_ROW);
    const messages: HelpdeskMessage[] = [];
    const anchors = new Map<string, Element>();
    for (const row of rows) {
      const found = readThrough(cache, row, () => readMessage(row));
      // A duplicate id would make two messages share one translation: keep the first.
      if (!found || anchors.has(found.message.id)) continue;
      messages.push(found.message);
      anchors.set(found.message.id, found.anchor);
    }
    if (rows.length > 0 && messages.length === 0) {
      return { kind: 'unrecognised', missing: ['message author, id or text (data-message-id, bubble variant, .prose)'] };
    }
    return {
      kind: 'conversation',
      conversation: { snapshot: { helpdesk: 'chatwoot', conversationId, messages }, anchors },
    };
  } catch (error) {
    // Odd markup must never break the host page or the caller's scan loop.
    return { kind: 'unrecognised', missing: [`readable markup (${String(error)})`] };
  }
}


function composerKind(element: HTMLElement): ComposerTarget['kind'] {
  if (element.tagName === 'TEXTAREA') return 'textarea';
  if (element.classList.contains('ProseMirror')) return 'prosemirror';
  return 'contenteditable';
}


/**
 * The reply editor of conversation `conversationId`, only while the page shows that conversation (`url` defaults to the
 * document's own URL), and only inside the reply box: Chatwoot mounts other ProseMirror editors (canned responses, contact
 * notes, new-conversation modal) that must never receive a reply.
 */
export function findChatwootComposer(doc: Document, conversationId: string, url: URL | null = documentUrl(doc)): ComposerTarget | null {
  try {
    if (!url || chatwootConversationId(url) !== conversationId) return null;
    const replyBox = queryFirst(doc, REPLY_BOX);
    if (!replyBox) return null;
    const element = queryFirst(replyBox, COMPOSER);
    if (!element || !isHtmlElement(element)) return null;
    return { kind: composerKind(element), element, isPublicReply: !matchesAny(replyBox, PRIVATE_REPLY_BOX) };
  } catch {
    return null;
  }
}

/**
 * A Chatwoot adapter for the hosts `isChatwootHost` accepts (lower-case host names, port excluded). The built-in one covers
 * the cloud; self-hosted installs get their own from configuration.
 */
export function createChatwootAdapter(isChatwootHost: (hostname: string) => boolean): HelpdeskAdapter {
  return {
    id: 'chatwoot',
    matchesUrl: (url) => isChatwootHost(url.hostname.toLowerCase()) && isChatwootAgentPath(url),
    read: readChatwootPage,
    findComposer: (doc, conversationId) => findChatwootComposer(doc, conversationId),
  };
}

export const chatwootAdapter: HelpdeskAdapter = createChatwootAdapter((hostname) => CLOUD_HOSTS.includes(hostname));
