/**
 * The seam every helpdesk adapter implements. Adapters are pure DOM code: no extension APIs,
 * so they run unchanged in happy-dom tests against saved fixture pages.
 *
 * The rest of Parley uses only `readHelpdeskPage` and `writeToComposer` (helpdesk-page.ts).
 */

export const HELPDESK_IDS = ['zendesk', 'shopify-inbox', 'intercom', 'chatwoot', 'help-scout', 'custom'] as const;
export type HelpdeskId = (typeof HELPDESK_IDS)[number];

export const AUTHOR_ROLES = ['customer', 'agent', 'bot', 'note', 'system'] as const;
/**
 * Who wrote a message. `note` is an internal note between agents, never seen by the customer;
 * `system` is an event line the helpdesk writes itself ("conversation assigned", "opened from…").
 */
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

export interface HelpdeskMessage {
  /** Stable across re-renders and reloads (Zendesk: the comment's audit id). */
  id: string;
  role: AuthorRole;
  /** The message's own text, without quoted history, buttons or status icons. */
  text: string;
  /** When it was sent, as ISO 8601, where the page shows a machine-readable time. */
  time?: string;
}

export interface ConversationSnapshot {
  helpdesk: HelpdeskId;
  /** The helpdesk's id for the conversation (Zendesk: the ticket id). */
  conversationId: string;
  title?: string;
  /** In the order the helpdesk shows them, oldest first. */
  messages: HelpdeskMessage[];
}

/** What an adapter reads from the page: the snapshot plus where each message lives in the DOM. */
export interface ActiveConversation {
  snapshot: ConversationSnapshot;
  /**
   * For each message id, the element Parley's inline UI is mounted right after. Re-read on every
   * scan: helpdesks re-render and replace nodes, so these must never be kept between scans.
   */
  anchors: Map<string, Element>;
}

/**
 * What an adapter makes of a page:
 * - `conversation`: the conversation the agent is looking at;
 * - `no-conversation`: the helpdesk, but no conversation open (inbox list, settings, mid-switch);
 * - `unrecognised`: the helpdesk's markup is not what the adapter knows: `missing` names what was
 *   not found, so the side panel can say so (and a lead can report it).
 */
export type PageReading =
  | { kind: 'conversation'; conversation: ActiveConversation }
  | { kind: 'no-conversation' }
  | { kind: 'unrecognised'; missing: string[] };

export type ComposerKind = 'ckeditor5' | 'prosemirror' | 'draftjs' | 'contenteditable' | 'textarea';

export interface ComposerTarget {
  kind: ComposerKind;
  element: HTMLElement;
  /** Whether the composer is in a mode whose text the customer sees (public reply vs internal note); null when unknown. */
  isPublicReply: boolean | null;
}

/**
 * Remembers what was read from an element until the page changes inside it. The watcher owns the
 * cache and invalidates an element when a mutation touches its subtree, so re-reading a long
 * conversation after one new message costs one message, not all of them.
 */
export interface ReadCache {
  remember<T>(element: Element, compute: () => T): T;
}

/** Reads through the cache when there is one. */
export function readThrough<T>(cache: ReadCache | undefined, element: Element, compute: () => T): T {
  return cache ? cache.remember(element, compute) : compute();
}

export interface HelpdeskAdapter {
  id: HelpdeskId;
  /** True when the URL belongs to this helpdesk's agent pages (cheap: no DOM access). */
  matchesUrl(url: URL): boolean;
  /**
   * Reads the page; should not throw (the caller catches anyway). Per-message work goes through
   * `readThrough(cache, messageElement, …)` so that unchanged messages are not parsed again.
   */
  read(doc: Document, url: URL, cache?: ReadCache): PageReading;
  /** The reply composer of the conversation `conversationId`, only while that conversation is the active one. */
  findComposer(doc: Document, conversationId: string): ComposerTarget | null;
}
